/**
 * A consumer of cosigned checkpoints (draft §7): it opens the signed note with the collector's
 * log key and the witness keys it trusts, and accepts the dual-mode values only with at least q
 * verified witness cosignatures. `cosignedViews` turns a played attack into the two notes the
 * consumers receive, signed for real (Ed25519 note signature, cosignature/v1).
 */
import { dualModeOf, parseCheckpoint, type DualMode } from './checkpoint.js';
import { bodyOf, ORIGIN, S, type Attack, type Outcome, type View } from './collector.js';
import { cosign, cosignatureMessageOf, cosignerOf } from './cosignature.js';
import { fail, formatNote, ok, openNote, signText, SIG_TYPE, verifierOf, type Result, type Signer } from './note.js';

/** The collector's log signer and one signer per witness, from fixed seeds (the model's keys). */
export function keysOf(w: number): { log: Signer; witnesses: Signer[] } {
  // Stryker disable next-line ArithmeticOperator: the seed values are arbitrary; i - 1 also gives fixed, distinct seeds
  // (0xff, 0x00, ...)
  return {
    log: { name: ORIGIN, seed: new Uint8Array(32).fill(0xc0) },
    witnesses: Array.from({ length: w }, (_, i) => ({
      name: `witness.example/w${i}`,
      seed: new Uint8Array(32).fill(i + 1),
    })),
  };
}

/** The signed note of view V with cosignatures of the witnesses that cosigned it. */
export function cosignedView(a: Attack, o: Outcome, v: View, timestamp = 1764288000n): string {
  const { log, witnesses } = keysOf(a.w);
  const body = bodyOf(a, v, S);
  const cosigners = v === 'A' ? o.cosignersA : o.cosignersB;
  return formatNote({
    text: body,
    signatures: [signText(body, log), ...cosigners.map((i) => cosign(body, witnesses[i]!, timestamp))],
  });
}

/** What a consumer accepts: the dual-mode values, with the names of the witnesses that vouched. */
export function consume(note: string, a: Attack, q: number): Result<{ values: DualMode; cosigners: string[] }> {
  const { log, witnesses } = keysOf(a.w);
  const logKey = verifierOf(log);
  const r = openNote(note, [logKey, ...witnesses.map(cosignerOf)], cosignatureMessageOf);
  if (!r.ok) return r;
  // openNote returns the trusted Verifier objects themselves
  if (!r.value.verified.includes(logKey)) return fail('no collector signature');
  const cosigners = r.value.verified.filter((v) => v.type === SIG_TYPE.cosignatureV1).map((v) => v.name);
  if (cosigners.length < q) return fail(`${cosigners.length} witness cosignatures, quorum is ${q}`);
  const c = parseCheckpoint(r.value.note.text);
  const d = c.ok ? dualModeOf(c.value) : c;
  return d.ok ? ok({ values: d.value, cosigners }) : d;
}
