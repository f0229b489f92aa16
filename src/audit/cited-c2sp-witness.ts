/**
 * The checks of the draft's statements about C2SP tlog-witness (spec/cited/c2sp-tlog-witness.json): a tlog-witness as
 * the project models it (model/witness.ts c2spWitness: per origin, the latest cosigned size and root) asked what the
 * draft says a witness does, beside the draft's own first-cosign-wins witness.
 */
import { c2spWitness, firstCosignWins } from '../../model/witness.js';
import type { CheckResult } from './cited-check.js';
import { body, dual, leaves, ORIGIN, twoRequests } from './cited-c2sp-world.js';

/** tlog-witness add-checkpoint: a witness that knows the origin cosigns a first checkpoint. */
export function witnessEndpoint(): CheckResult {
  const w = c2spWitness([ORIGIN]);
  const r = w.add({ body: body(leaves(8), [dual(1.5)]), oldSize: 0n, proof: [] });
  return {
    open: [],
    method: 'a first add-checkpoint request (old size 0, empty proof) to a tlog-witness (model/witness.ts)',
    outcomes: [{ choice: 'tlog-witness', value: `status ${r.status}`, holds: r.status === 200 }],
    note:
      'tlog-witness (add-checkpoint): POST <submission prefix>/add-checkpoint with an old size line, a consistency ' +
      'proof and the checkpoint.',
  };
}

/** tlog-witness: successive bundle checkpoints under one origin, as one append-only log or as fresh trees. */
export function witnessAppendOnly(): CheckResult {
  const one = leaves(16);
  const appendOnly = twoRequests(
    c2spWitness([ORIGIN]),
    body(one.slice(0, 8), [dual(1.5)]),
    body(one, [dual(1.7)]),
    8n,
    one,
  );
  const fresh = twoRequests(
    c2spWitness([ORIGIN]),
    body(leaves(8, 'a'), [dual(1.5)]),
    body(leaves(8, 'b'), [dual(1.7, '0b7e4d2c-9f31-4a6e-8c52-7d19e3a0f4b8')]),
    8n,
    leaves(8, 'b'),
  );
  return {
    open: [
      {
        name: 'what the bundle Merkle root is a root of',
        admissible: 'one append-only log per collector | a fresh tree per bundle',
        lines: '§3.1 line 345; §7 lines 747-750',
      },
    ],
    method: 'two successive bundles submitted to one tlog-witness under one origin (model/witness.ts)',
    outcomes: [
      {
        choice: 'one append-only log per collector',
        value: `statuses ${appendOnly.join(', ')}`,
        holds: appendOnly[1] === 200,
      },
      {
        choice: 'a fresh tree per bundle',
        value: `statuses ${fresh.join(', ')} (409 in v1.0.0, 422 at HEAD)`,
        holds: fresh[1] === 200,
      },
    ],
    note:
      'tlog-witness (Introduction, add-checkpoint): per origin the witness keeps the latest cosigned checkpoint and ' +
      'cosigns only a checkpoint consistent with it (RFC 6962 proof from the old size; equal root at equal size).',
  };
}

/** tlog-witness: a checkpoint whose §7 line breaks the printed schema. */
export function witnessSchema(): CheckResult {
  const bad = body(leaves(8), ['bundle_id=not-a-uuid;bundle_seq=-1;d_minimax=x;d_max=y']);
  const c2sp = c2spWitness([ORIGIN]).add({ body: bad, oldSize: 0n, proof: [] });
  const fcw = firstCosignWins().add({ body: bad, oldSize: 0n, proof: [] });
  return {
    open: [],
    method:
      "a checkpoint whose extension line breaks §7's format, submitted to a tlog-witness and to the draft's witness",
    outcomes: [{ choice: 'tlog-witness as specified', value: `status ${c2sp.status}`, holds: c2sp.status !== 200 }],
    note:
      'tlog-witness (add-checkpoint) checks the signature, origin, old size, consistency proof and root hash, ' +
      "nothing of extension lines; tlog-cosignature: no statement about extension lines unless the cosigner's " +
      'operator says otherwise (an additional statement, agreed out of band). ' +
      `The draft's own witness would answer ${fcw.status}.`,
  };
}

/** tlog-witness: a second body for the same (bundle_id, bundle_seq), same origin, size and root, D_max differing. */
export function witnessRefusesSecond(): CheckResult {
  const ls = leaves(8);
  const [a, b] = [body(ls, [dual(1.5)]), body(ls, [dual(2.5)])];
  const c2sp = twoRequests(c2spWitness([ORIGIN]), a, b, 8n, ls);
  const fcw = twoRequests(firstCosignWins(), a, b, 8n, ls);
  return {
    open: [],
    method: 'two bodies of one bundle differing only in D_max, submitted to one tlog-witness (model/witness.ts)',
    outcomes: [{ choice: 'tlog-witness as specified', value: `statuses ${c2sp.join(', ')}`, holds: c2sp[1] !== 200 }],
    note:
      'tlog-witness keys its state on the log origin and, at an unchanged size, compares root hashes only ' +
      '(add-checkpoint); tlog-cosignature: a cosigner asserts append-only operation from the first three lines, and ' +
      'agreement on extension lines SHALL NOT be assumed. ' +
      `The draft's first-cosign-wins witness answers ${fcw.join(', ')}.`,
  };
}

/** tlog-witness: the same scenario, read as the draft's "policy of [C2SP-TLOG-WITNESS]". */
export function witnessPolicy(): CheckResult {
  const r = witnessRefusesSecond();
  return {
    ...r,
    outcomes: [{ ...r.outcomes[0]!, choice: 'tlog-witness state: the latest checkpoint per origin, no bundle_id' }],
  };
}

/** tlog-witness: what an auditor can ask a witness, by version, after a split the witness cosigned twice. */
export function witnessAuditor(): CheckResult {
  const ls = leaves(8);
  const [a, b] = [body(ls, [dual(1.5)]), body(ls, [dual(2.5)])];
  twoRequests(c2spWitness([ORIGIN]), a, b, 8n, ls); // both cosigned: the witness's latest record is view B
  const latest = b;
  return {
    open: [
      {
        name: 'which tlog-witness, and which consumer audits',
        admissible: 'v1.0.0 | HEAD (view A) | HEAD (view B)',
        lines: '§7 lines 759-760',
      },
    ],
    method:
      'after a split one tlog-witness cosigned both views of, an auditor compares its view with the witness record',
    outcomes: [
      {
        choice: 'v1.0.0 (last release before the draft)',
        value: 'no query API ("TBD Monitor Retrieval Mechanism")',
        holds: false,
      },
      {
        choice: 'HEAD, auditor holding view A',
        value: 'GET .../checkpoint returns view B: differs',
        holds: latest !== a,
      },
      { choice: 'HEAD, auditor holding view B', value: 'GET .../checkpoint returns view B: same', holds: latest !== b },
    ],
    note:
      'tlog-witness v1.0.0 leaves monitor retrieval TBD; HEAD (2026-07) serves one recent checkpoint per origin, ' +
      'found by origin hash, not per (bundle_id, bundle_seq). tlog-checkpoint: extension lines are not auditable by ' +
      'log monitors.',
  };
}
