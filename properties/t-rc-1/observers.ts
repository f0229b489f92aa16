/**
 * What each T-RC-1 claim checks after every delivery (draft §5). An observer sees the packet,
 * what the adversary did, the reference model's decision and the broker's; it throws an Error
 * that names the violation. Observers keep their own view of what was accepted, from the broker's
 * decisions, and evaluate the §5 predicates on the fields the packet carries.
 */
import { decodeBfd } from '../../model/bfd/packet.js';
import {
  DRAFT_REASONS,
  EXTRA_REASONS,
  reasonFor,
  type Decision,
  type Predicates,
  type RejectReason,
} from '../../model/broker.js';
import { decodeSnapshot } from '../../src/lib/snapshot-decode.js';
import type { Delivery, Observer } from './world.js';

const said = (d: Delivery, dec: Decision) =>
  `${d.via} of ${d.kind} #${d.source.id} (${d.source.stream}, index ${d.source.index}, epoch ${d.source.epoch}) ` +
  `at ${d.now} ms: ${dec.accepted ? 'accepted' : `rejected ${dec.reason}`} (${dec.detail})`;

/** The §5 predicates on the fields a packet carries, against what the broker accepted so far. */
class PredicateView {
  private readonly lastSeq = new Map<string, number>();
  private readonly lastCounter = new Map<string, number>();

  /** (a) for a push, (b) and (c) for a snapshot; null when the bytes do not decode. */
  evaluate(d: Delivery): { preds: Predicates; identity: string; record: () => void } | null {
    if (d.kind === 'push') {
      const r = decodeBfd(d.bytes);
      if (!r.ok) return null;
      const k = `${r.packet.myDiscriminator}/${r.packet.yourDiscriminator}`;
      const seq = r.packet.seq;
      return {
        preds: { a: seq > (this.lastSeq.get(k) ?? -1) },
        identity: `push ${k} seq ${seq}`,
        record: () => this.lastSeq.set(k, seq),
      };
    }
    const r = decodeSnapshot(d.bytes);
    if (!r.ok) return null;
    const s = r.snapshot;
    const k = `${s.vantage_id}|${s.epoch_id}`;
    const sk = `snapshot:${s.vantage_id}`; // the 'carried' reading: (a) on the snapshot's own seq
    const a = s.bfd_seq === undefined ? {} : { a: s.bfd_seq > (this.lastSeq.get(sk) ?? -1) };
    const record = () => {
      this.lastCounter.set(k, s.counter);
      if (s.bfd_seq !== undefined) this.lastSeq.set(sk, s.bfd_seq);
    };
    return {
      preds: { ...a, b: s.counter > (this.lastCounter.get(k) ?? -1), c: s.expires_at > d.now },
      identity: `snapshot ${k} counter ${s.counter}`,
      record,
    };
  }
}

const holdsAll = (p: Predicates) => p.a !== false && p.b !== false && p.c !== false;

/** An observer with a predicate view, updated after each accepted packet. */
function withView(
  check: (d: Delivery, dec: Decision, v: { preds: Predicates; identity: string } | null) => void,
): () => Observer {
  return () => {
    const view = new PredicateView();
    return (d, dec) => {
      const v = view.evaluate(d);
      check(d, dec, v);
      if (dec.accepted) v?.record();
    };
  };
}

const fail = (what: string, d: Delivery, dec: Decision): never => {
  throw new Error(`${what}: ${said(d, dec)}`);
};

/** Nothing is accepted twice: no (session, seq) or (vantage, epoch, counter) accepted again. */
export const noDoubleAccept = (): Observer => noDoubleAcceptOf(undefined)();

/** Nothing of one KIND (all kinds when undefined) is accepted twice. */
export const noDoubleAcceptOf = (kind: Delivery['kind'] | undefined) => (): Observer => {
  const seen = new Set<string>();
  const view = withView((d, dec, v) => {
    if (!dec.accepted || !v || (kind && d.kind !== kind)) return;
    if (seen.has(v.identity)) fail(`accepted twice (${v.identity})`, d, dec);
    seen.add(v.identity);
  });
  return view();
};

/** Every fresh honest packet (in order, bound, unexpired) is accepted. */
export const noFalseReject = (): Observer => (d, dec) => {
  if (d.expected && !dec.accepted) fail('false reject of a fresh honest packet', d, dec);
};

/** Every fresh honest packet of one KIND is accepted. */
export const noFalseRejectOf = (kind: Delivery['kind']) => (): Observer => (d, dec) => {
  if (d.kind === kind && d.expected && !dec.accepted) fail(`false reject of a fresh honest ${kind}`, d, dec);
};

/** The broker decides as the reference model does. */
export const matchesReference = (): Observer => (d, dec) => {
  if (dec.accepted !== d.expected) fail(`reference ${d.expected ? 'accepts' : 'rejects'}`, d, dec);
};

/** draft §5 as printed: accepted iff (a) AND (b) AND (c), over the fields the packet carries. */
export const iffPrinted = withView((d, dec, v) => {
  if (v && dec.accepted !== holdsAll(v.preds))
    fail(`(a)(b)(c) ${holdsAll(v.preds) ? 'hold' : 'fail'} (${JSON.stringify(v.preds)})`, d, dec);
});

/** Corrected §5: accepted iff authentic AND the OEM binds (vantage, epoch) now AND (a) AND (b) AND (c). */
export const iffCorrected = withView((d, dec, v) => {
  const want = d.authentic && d.bound && v !== null && holdsAll(v.preds);
  if (dec.accepted !== want)
    fail(`authentic ${d.authentic}, bound ${d.bound}, predicates ${JSON.stringify(v?.preds)}`, d, dec);
});

/** draft §5 as printed: every rejection carries one of the five enumerated reasons. */
export const reasonsPrinted = (): Observer => (d, dec) => {
  if (!dec.accepted && !(DRAFT_REASONS as readonly string[]).includes(dec.reason))
    fail(`reason '${dec.reason}' is not in REJECT_REASONS`, d, dec);
};

const KNOWN: readonly RejectReason[] = [...DRAFT_REASONS, ...EXTRA_REASONS];

/**
 * Corrected reasons: one reason from the five plus auth-failure/malformed/unknown-session, and exactly the one the
 * facts give.
 */
export const reasonsCorrected = withView((d, dec, v) => {
  if (dec.accepted) return;
  const r = dec.reason;
  if (!KNOWN.includes(r)) fail(`unknown reason '${r}'`, d, dec);
  if (r === 'malformed' && v !== null) fail('malformed, but the packet decodes', d, dec);
  if (r === 'unknown-session') fail('unknown-session for a configured session', d, dec);
  if (r === 'auth-failure' && (d.authentic || !d.claimedBound))
    fail('auth-failure on an authentic packet or an unbound epoch', d, dec);
  if (r === 'epoch-mismatch' && d.claimedBound)
    fail('epoch-mismatch, but the packet claims a bound, open epoch', d, dec);
  if (['bfd-replay', 'cwt-replay', 'double-replay', 'stale'].includes(r)) {
    if (!d.authentic || !d.bound) fail('a predicate reason before authentication or binding', d, dec);
    if (v && reasonFor(v.preds) !== r)
      fail(`predicates ${JSON.stringify(v.preds)} give '${reasonFor(v.preds)}'`, d, dec);
  }
});

const crossEpochReplay = (d: Delivery) => d.authentic && d.acceptedBefore && d.epochNow > d.source.epoch;
const crossEpochForge = (d: Delivery) =>
  !d.authentic && (d.forgeMode === 'next-epoch' || d.forgeMode === 'adversary-key') && d.epochNow > d.source.epoch;
const byA = (dec: Decision) => !dec.accepted && (dec.reason === 'bfd-replay' || dec.reason === 'double-replay');

/** T-RC-1.B: a packet accepted in an earlier epoch and replayed, or forged after a boundary, is rejected. */
export const crossEpochRejected = (): Observer => (d, dec) => {
  if ((crossEpochReplay(d) || (!d.authentic && d.epochNow > d.source.epoch)) && dec.accepted)
    fail('cross-epoch replay or forge accepted', d, dec);
};

/** draft §5 as printed: cross-epoch replay is rejected by (a). */
export const replayRejectedByA = (): Observer => (d, dec) => {
  if (crossEpochReplay(d) && !byA(dec)) fail('cross-epoch replay not rejected by (a)', d, dec);
};

/** draft §5 as printed: cross-epoch forge (new epoch_id, old seq) is rejected by (a). */
export const forgeRejectedByA = (): Observer => (d, dec) => {
  if (crossEpochForge(d) && !byA(dec)) fail('cross-epoch forge not rejected by (a)', d, dec);
};

/**
 * Corrected B, replays: a cross-epoch replay fails (a) (push) or (b) (snapshot) while its epoch is open, else
 * epoch-mismatch.
 */
export const crossEpochReplayReasons = (): Observer => (d, dec) => {
  if (!crossEpochReplay(d)) return;
  const want = !d.bound ? 'epoch-mismatch' : d.kind === 'push' ? 'bfd-replay' : 'cwt-replay';
  if (dec.accepted || dec.reason !== want) fail(`expected ${want}`, d, dec);
};

/** Corrected B, forges: a cross-epoch forge fails the HMAC, or the binding when the epoch it claims is not open. */
export const crossEpochForgeReasons = (): Observer => (d, dec) => {
  if (!crossEpochForge(d)) return;
  const want = d.claimedBound ? 'auth-failure' : 'epoch-mismatch';
  if (dec.accepted || dec.reason !== want) fail(`expected ${want}`, d, dec);
};

/**
 * The 'carried' reading of §5: a cross-epoch replay is rejected by (a) (bfd-replay or double-replay) while its epoch is
 * open, by the OEM binding after.
 */
export const replayByAOrBinding = (): Observer => (d, dec) => {
  if (crossEpochReplay(d) && (dec.accepted || (d.bound ? !byA(dec) : dec.reason !== 'epoch-mismatch')))
    fail(`cross-epoch replay not rejected by (a)${d.bound ? '' : ' or the binding'}`, d, dec);
};

/**
 * draft §5 proof as printed: the predicates accept exactly the honest stream, so every unexpired honest packet of a
 * bound, open epoch reaching the broker for the first time is accepted.
 */
export const everyHonestAccepted = (): Observer => (d, dec) => {
  const unexpired = d.kind === 'push' || (d.source.expiresAt ?? 0) > d.now;
  if (d.authentic && d.bound && unexpired && d.firstTime && !dec.accepted)
    fail('an honest packet, first delivery, rejected', d, dec);
};
