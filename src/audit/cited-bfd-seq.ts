/**
 * The checks of the draft's statements about the BFD sequence number against RFC 5880 (spec/cited/rfc5880.json): a
 * receiver that applies RFC 5880's rules (§6.7.4's circular window, §6.8.1's reset after twice the Detection Time)
 * beside the one the draft's §5 predicate (a) prints (kept for ever, compared as integers).
 */
import type { CheckResult } from './cited-check.js';

/** How a receiver treats the BFD sequence number. */
export interface SeqRule {
  readonly name: string;
  /** Compare in the 32-bit circular space within RcvAuthSeq+1 .. RcvAuthSeq+3*Detect Mult (RFC 5880 §6.7.4). */
  readonly window: boolean;
  /** Forget the sequence after this long without packets (RFC 5880 §6.8.1: twice the Detection Time). */
  readonly forgetAfterMs?: number;
}

/** A receiver's memory of one key (a BFD session, or a vantage). */
export interface SeqState {
  readonly known: boolean;
  readonly last: number;
  readonly lastRxMs: number;
}

/** A receiver that has seen nothing yet (RFC 5880 §6.8.1: bfd.AuthSeqKnown is initialised to zero). */
export const UNKNOWN: SeqState = { known: false, last: 0, lastRxMs: 0 };

/** Detect Mult (draft App. A, M = 3) and the tick, for the scenarios. */
const M = 3;
const T_TICK_MS = 50;
/** RFC 5880 §6.8.4: Detection Time = Detect Mult x the agreed interval. */
const DETECTION_MS = M * T_TICK_MS;

/** RFC 5880 §6.7.4 (Meticulous Keyed) with §6.8.1's reset after twice the Detection Time. */
export const RFC5880: SeqRule = { name: 'RFC 5880 receive rule', window: true, forgetAfterMs: 2 * DETECTION_MS };
/** The draft's §5 predicate (a) read literally: last_bfd_seq kept for ever, compared as integers with ">". */
export const DRAFT_A: SeqRule = { name: 'draft §5 (a), kept and compared as integers', window: false };

/** Whether a push with SEQ at NOW is accepted, and the memory after it. */
export function receive(s: SeqState, seq: number, nowMs: number, r: SeqRule): { accept: boolean; state: SeqState } {
  // RFC 5880 §6.8.1: bfd.AuthSeqKnown is cleared after twice the Detection Time without packets.
  const known = s.known && !(r.forgetAfterMs !== undefined && nowMs - s.lastRxMs >= r.forgetAfterMs);
  if (known) {
    const ahead = (seq - s.last) >>> 0; // §6.7.4: "unsigned 32-bit circular number space"
    const fresh = r.window ? ahead >= 1 && ahead <= 3 * M : seq > s.last;
    if (!fresh) return { accept: false, state: s };
  }
  // §6.7.4 "Otherwise (bfd.AuthSeqKnown is 0)": the received number becomes bfd.RcvAuthSeq (kept on each acceptance).
  return { accept: true, state: { known: true, last: seq >>> 0, lastRxMs: nowMs } };
}

/** Feeds PUSHES ([seq, ms]) to a receiver under R; returns the acceptance of each. */
function run(r: SeqRule, pushes: ReadonlyArray<readonly [number, number]>): boolean[] {
  let s = UNKNOWN;
  return pushes.map(([seq, ms]) => {
    const out = receive(s, seq, ms, r);
    s = out.state;
    return out.accept;
  });
}

/** Honest pushes 100..104 every T_tick, then PUSH (seq, time): its acceptance under R. */
function replayAfter(r: SeqRule, seq: number, ms: number): boolean {
  const honest = [0, 1, 2, 3, 4].map((i) => [100 + i, i * T_TICK_MS] as const);
  return run(r, [...honest, [seq, ms]]).at(-1)!;
}

/** §5 and §9: a recorded push replayed after a silence of twice the Detection Time. */
export function seqMemory(): CheckResult {
  const last = 4 * T_TICK_MS;
  const at = last + 2 * DETECTION_MS + 1;
  const outcome = (r: SeqRule) => {
    const accepted = replayAfter(r, 101, at);
    return { choice: r.name, value: accepted ? 'replay accepted' : 'replay rejected', holds: !accepted };
  };
  return {
    open: [
      {
        name: 'how long last_bfd_seq is remembered',
        admissible: `${DRAFT_A.name} | ${RFC5880.name}`,
        lines: '§5 lines 613-614, 657; RFC 5880 §6.8.1',
      },
    ],
    method: `replay of push 101 at ${at} ms after pushes 100..104 every ${T_TICK_MS} ms (Detect Mult ${M})`,
    outcomes: [outcome(DRAFT_A), outcome(RFC5880)],
    note:
      `RFC 5880 §6.8.1 requires the receiver to clear bfd.AuthSeqKnown after twice the Detection Time ` +
      `(${2 * DETECTION_MS} ms at M = ${M}, T_tick = ${T_TICK_MS} ms); §6.7.4 then takes any sequence number. ` +
      `Whether Coherence-BFD's AuthHMAC keeps RFC 5880's receive rule is in Coherence-BFD §12, not obtained.`,
  };
}

/** §5 (a) against RFC 5880's circular window: the 32-bit wrap, and a far jump. */
export function seqCircular(): CheckResult {
  const wrap: Array<readonly [number, number]> = [
    [0xfffffffe, 0],
    [0xffffffff, 50],
    [0, 100],
  ];
  const jump: Array<readonly [number, number]> = [
    [100, 0],
    [200, 50],
  ];
  const pWrap90d = (90 * 86_400 * (1000 / T_TICK_MS)) / 2 ** 32;
  const outcome = (r: SeqRule) => {
    const afterWrap = run(r, wrap).at(-1)!;
    const farJump = run(r, jump).at(-1)!;
    return {
      choice: r.name,
      value: `after the wrap ${afterWrap ? '' : 'not '}accepted; a jump of 100 ${farJump ? '' : 'not '}accepted`,
      holds: afterWrap && !farJump,
    };
  };
  return {
    open: [
      {
        name: 'how (a) compares',
        admissible: `${DRAFT_A.name} | ${RFC5880.name}`,
        lines: '§5 line 624; RFC 5880 §6.7.4',
      },
    ],
    method: 'honest pushes across the 32-bit wrap, and a push 100 ahead (window 3 x Detect Mult = 9)',
    outcomes: [outcome(DRAFT_A), outcome(RFC5880)],
    note:
      `RFC 5880 §6.8.1 starts bfd.XmitAuthSeq at a random 32-bit value, so a session at T_tick = ${T_TICK_MS} ms ` +
      `wraps within 90 days with probability ${(100 * pWrap90d).toFixed(2)} %; after it an integer ">" rejects every ` +
      `honest push, while §6.7.4 compares in the circular space within a window of 3 x Detect Mult.`,
  };
}

/** §5: seq per BFD session (the bullet) or per vantage (the predicate), with RFC 5880's random start per session. */
export function seqPerSession(): CheckResult {
  // Two sessions of one vantage; §6.8.1 starts each at its own random value (here 1000 and 5).
  const pushes: Array<readonly [string, number, number]> = [
    ['s1', 1000, 0],
    ['s2', 5, 10],
    ['s2', 6, 60],
  ];
  const outcome = (perSession: boolean) => {
    const memory = new Map<string, SeqState>();
    const accepted = pushes.map(([session, seq, ms]) => {
      const key = perSession ? session : 'vantage';
      const out = receive(memory.get(key) ?? UNKNOWN, seq, ms, RFC5880);
      memory.set(key, out.state);
      return out.accept;
    });
    const rejected = accepted.filter((a) => !a).length;
    return {
      choice: perSession ? 'last_bfd_seq per BFD session' : 'last_bfd_seq per vantage',
      value: `${rejected} of ${pushes.length} honest pushes rejected`,
      holds: rejected === 0,
    };
  };
  return {
    open: [
      {
        name: 'what last_bfd_seq is kept per',
        admissible: 'per BFD session | per vantage',
        lines: '§5 lines 613, 624',
      },
    ],
    method: 'two BFD sessions of one vantage starting at 1000 and 5',
    outcomes: [outcome(true), outcome(false)],
    note: "RFC 5880 §6.8.1 keeps bfd.RcvAuthSeq in each session's state and starts each session at a random value.",
  };
}

/** §5: "NEVER resets within M * T_tick": a replay within one Detection Time of the last push. */
export function seqWithin(): CheckResult {
  const at = 4 * T_TICK_MS + DETECTION_MS;
  const outcome = (r: SeqRule) => {
    const accepted = replayAfter(r, 101, at);
    return { choice: r.name, value: accepted ? 'replay accepted' : 'replay rejected', holds: !accepted };
  };
  return {
    open: [],
    method: `replay of push 101 at ${at} ms, one Detection Time (${DETECTION_MS} ms) after the last push`,
    outcomes: [outcome(DRAFT_A), outcome(RFC5880)],
    note: `RFC 5880 §6.8.1 keeps the sequence twice the Detection Time (${2 * DETECTION_MS} ms), more than M * T_tick.`,
  };
}
