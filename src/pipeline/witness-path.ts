/**
 * Path C of the admission pipeline (draft §3.1, §7): a bundle's cosigned checkpoint arrives as a
 * C2SP signed note; the broker parses it (model/note.ts), verifies the collector's note signature
 * and the witnesses' cosignature/v1 lines with FASTEST_ED25519 (keys imported once), requires q
 * witness cosignatures, and reads the §7 dual-mode extension (model/checkpoint.ts). It decides
 * as model/consumer.ts consume() does (test/pipeline.test.ts). Note: this is q + 1 Ed25519
 * verifications per bundle, the collector's own signature included; draft §3.1 charges q.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { dualModeOf, parseCheckpoint, type DualMode } from '../../model/checkpoint.js';
import { cosignatureTimestamp, cosignedMessage } from '../../model/cosignature.js';
import { fail, ok, parseNote, SIG_TYPE, type Result, type Verifier } from '../../model/note.js';
import { FASTEST_ED25519, type Ed25519Primitive } from './ed25519.js';

interface Known {
  readonly v: Verifier;
  readonly key: unknown;
}

/** What path C accepts from one note. */
export interface Admitted {
  readonly values: DualMode;
  readonly cosigners: readonly string[];
  readonly verifications: number;
}

/** The witness path of one broker: the collector's log key, the trusted witnesses, the quorum q. */
export class WitnessPath {
  private readonly known: Known[];

  constructor(
    private readonly log: Verifier,
    witnesses: readonly Verifier[],
    private readonly q: number,
    private readonly ed: Ed25519Primitive = FASTEST_ED25519,
  ) {
    this.known = [log, ...witnesses].map((v) => ({ v, key: ed.prepare(v.publicKey) }));
  }

  /** Admits one cosigned checkpoint note, or says why not; never throws. */
  admit(note: string): Result<Admitted> {
    const parsed = parseNote(note);
    if (!parsed.ok) return parsed;
    const text = parsed.value.text;
    let textBytes: Uint8Array | undefined;
    const verified = new Set<Known>();
    let verifications = 0;
    for (const s of parsed.value.signatures) {
      const k = this.known.find((x) => x.v.name === s.name && x.v.keyId === s.keyId);
      if (!k) continue; // signed-note: unknown keys are ignored
      verifications++;
      let good: boolean;
      if (k.v.type === SIG_TYPE.ed25519) good = this.ed.verify(k.key, (textBytes ??= utf8ToBytes(text)), s.sig);
      else {
        const t = cosignatureTimestamp(s.sig); // cosignature/v1: u64 timestamp || signature
        good = t.ok && this.ed.verify(k.key, cosignedMessage(t.value, text), s.sig.subarray(8));
      }
      if (!good) return fail(`invalid signature for key ${k.v.name}+${k.v.keyId.toString(16).padStart(8, '0')}`);
      verified.add(k);
    }
    if (verified.size === 0) return fail('no verifiable signatures');
    if (![...verified].some((k) => k.v === this.log)) return fail('no collector signature');
    const cosigners = [...verified].filter((k) => k.v.type === SIG_TYPE.cosignatureV1).map((k) => k.v.name);
    if (cosigners.length < this.q) return fail(`${cosigners.length} witness cosignatures, quorum is ${this.q}`);
    const c = parseCheckpoint(text);
    const d = c.ok ? dualModeOf(c.value) : c;
    return d.ok ? ok({ values: d.value, cosigners, verifications }) : d;
  }
}
