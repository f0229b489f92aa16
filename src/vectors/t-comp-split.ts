/**
 * T-COMP-SPLIT conformance vectors (draft §7): the dual-mode extra field in a C2SP checkpoint
 * ("DualModeCheckpoint"), cosignature/v1 over a split body ("SplitCosignature"), and witness
 * answers to collector move sequences under both policies ("WitnessMoves"). Computed from the
 * model with fixed keys and moves.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { dualModeOf, parseCheckpoint } from '../../model/checkpoint.js';
import { bodyOf, minimalSplit, play, S, type Attack, type Move } from '../../model/collector.js';
import { cosign, cosignerOf, verifyCosignature } from '../../model/cosignature.js';
import { formatNote, formatVerifierKey, parseNote } from '../../model/note.js';
import { InputError } from '../lib/errors.js';
import { str } from './c2sp-verifiers.js';
import {
  registerExporter,
  registerVerifier,
  TEST_KEYS_LINE,
  vectorsFile,
  type TestVector,
  type VectorsFile,
} from './format.js';

const BODY_HEAD = 'collector.example/mvps-bundles\n3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const ID = '6f1c2a9e-3b7d-4c55-9a10-2e8f4b6d7c01';

registerVerifier({
  type: 'DualModeCheckpoint',
  verify(t) {
    const c = parseCheckpoint(str(t.input, 'body'));
    const d = c.ok ? dualModeOf(c.value) : c;
    if (!d.ok || t.result !== 'valid')
      return { ok: d.ok === (t.result === 'valid'), detail: d.ok ? 'accepted' : `rejected: ${d.reason}` };
    const got = {
      bundle_id: d.value.bundleId,
      bundle_seq: d.value.bundleSeq.toString(),
      d_minimax: d.value.dMinimax,
      d_max: d.value.dMax,
    };
    const diff = Object.entries(got)
      .filter(([k, v]) => t.expected[k] !== v)
      .map(([k, v]) => `${k}: expected ${String(t.expected[k])}, got ${v}`);
    return { ok: diff.length === 0, detail: diff.join('; ') || 'fields match' };
  },
});

registerVerifier({
  type: 'SplitCosignature',
  verify(t) {
    const signer = { name: str(t.input, 'witness_name'), seed: hexToBytes(str(t.input, 'witness_seed')) };
    const sig = cosign(str(t.input, 'cosigned_body'), signer, BigInt(str(t.input, 'timestamp')));
    const line = formatNote({ text: '', signatures: [sig] }).slice(1);
    const parsed = parseNote(`${str(t.input, 'checked_body')}\n${str(t.expected, 'signature_line')}`);
    const verifies =
      parsed.ok && verifyCosignature(cosignerOf(signer), parsed.value.signatures[0]!, str(t.input, 'checked_body'));
    const diff = [
      line === str(t.expected, 'signature_line') ? '' : 'signature line differs',
      formatVerifierKey(cosignerOf(signer)) === str(t.expected, 'witness_vkey') ? '' : 'vkey differs',
      verifies === (t.result === 'valid') ? '' : `cosignature ${verifies ? 'verifies' : 'fails'} over the checked body`,
    ].filter(Boolean);
    return {
      ok: diff.length === 0,
      detail: diff.join('; ') || (verifies ? 'verifies over the checked body' : 'rejected over the other body'),
    };
  },
});

function attackOf(t: TestVector): Attack {
  const a = t.input.attack as Attack | undefined;
  if (!a || typeof a !== 'object' || !Array.isArray(a.moves))
    throw new InputError('input.attack must be an attack object with moves');
  return a;
}

registerVerifier({
  type: 'WitnessMoves',
  verify(t) {
    const o = play(attackOf(t));
    const got = {
      statuses: o.statuses.join(','),
      cosigners_a: o.cosignersA.join(','),
      cosigners_b: o.cosignersB.join(','),
      split: o.split,
    };
    const diff = Object.entries(got)
      .filter(([k, v]) => t.expected[k] !== v)
      .map(([k, v]) => `${k}: expected ${String(t.expected[k])}, got ${v}`);
    return { ok: diff.length === 0, detail: diff.join('; ') || `split ${o.split}` };
  },
});

const dm = (line: string) => `${BODY_HEAD}${line}\n`;
const PARSE: Array<[string, string, boolean]> = [
  ['the §7 extra field on one extension line', dm(`bundle_id=${ID};bundle_seq=3;d_minimax=1.5;d_max=2.25`), true],
  [
    'negative and exponent floats',
    dm(`bundle_id=${ID};bundle_seq=18446744073709551615;d_minimax=-0.5;d_max=1e3`),
    true,
  ],
  [
    'the field split over two lines as the draft prints it',
    `${BODY_HEAD}bundle_id=${ID};bundle_seq=3;\nd_minimax=1.5;d_max=2.25\n`,
    false,
  ],
  ['keys out of order', dm(`bundle_seq=3;bundle_id=${ID};d_minimax=1.5;d_max=2.25`), false],
  ['uppercase UUID', dm(`bundle_id=${ID.toUpperCase()};bundle_seq=3;d_minimax=1.5;d_max=2.25`), false],
  ['bundle_seq with a leading zero', dm(`bundle_id=${ID};bundle_seq=03;d_minimax=1.5;d_max=2.25`), false],
  ['bundle_seq above 2^64-1', dm(`bundle_id=${ID};bundle_seq=18446744073709551616;d_minimax=1.5;d_max=2.25`), false],
  ['NaN value', dm(`bundle_id=${ID};bundle_seq=3;d_minimax=NaN;d_max=2.25`), false],
  ['no extra field', BODY_HEAD, false],
  [
    'two extra fields',
    `${BODY_HEAD}bundle_id=${ID};bundle_seq=3;d_minimax=1;d_max=2\nbundle_id=${ID};bundle_seq=3;d_minimax=1;d_max=3\n`,
    false,
  ],
];

const base = (
  w: number,
  q: number,
  c: number,
  policy: Attack['policy'],
  placement: Attack['placement'],
  moves: Move[],
): Attack => ({ w, q, c, policy, placement, values: { A: [1.5, 2.25], B: [1.5, 3] }, moves });
const MOVES: Array<[string, Attack]> = [
  [
    'first-cosign-wins: one witness asked for A then B refuses B (409)',
    base(1, 1, 0, 'first-cosign-wins', 'extension', [
      { witness: 0, view: 'A', ahead: 0 },
      { witness: 0, view: 'B', ahead: 0 },
    ]),
  ],
  [
    'first-cosign-wins: A, a later bundle, then B: still refused',
    base(1, 1, 0, 'first-cosign-wins', 'extension', [
      { witness: 0, view: 'A', ahead: 0 },
      { witness: 0, view: 'A', ahead: 1 },
      { witness: 0, view: 'B', ahead: 0 },
    ]),
  ],
  [
    'c2sp, values in the extra field only: one honest witness cosigns both views (same size, same root)',
    base(1, 1, 0, 'c2sp', 'extension', [
      { witness: 0, view: 'A', ahead: 0 },
      { witness: 0, view: 'B', ahead: 0 },
    ]),
  ],
  [
    'c2sp, values in the leaf: same size, different root: 409',
    base(1, 1, 0, 'c2sp', 'in-leaf', [
      { witness: 0, view: 'A', ahead: 0 },
      { witness: 0, view: 'B', ahead: 0 },
    ]),
  ],
  [
    'c2sp, values in the leaf: fork A ahead, then fork B at a larger size: consistency proof fails (422)',
    base(1, 1, 0, 'c2sp', 'in-leaf', [
      { witness: 0, view: 'A', ahead: 0 },
      { witness: 0, view: 'B', ahead: 1 },
    ]),
  ],
  [
    'c2sp: rollback to an older size: old size above checkpoint size (400)',
    base(1, 1, 0, 'c2sp', 'in-leaf', [
      { witness: 0, view: 'A', ahead: 1 },
      { witness: 0, view: 'A', ahead: 0 },
    ]),
  ],
  [
    'first-cosign-wins: view B relabelled with a fresh bundle_id (same bundle_seq) is cosigned by the same witness',
    {
      ...base(1, 1, 0, 'first-cosign-wins', 'extension', [
        { witness: 0, view: 'A', ahead: 0 },
        { witness: 0, view: 'B', ahead: 0 },
      ]),
      relabel: true,
    },
  ],
  [
    'c2sp, values in the leaf: the relabelled view B is refused (same size, different root)',
    {
      ...base(1, 1, 0, 'c2sp', 'in-leaf', [
        { witness: 0, view: 'A', ahead: 0 },
        { witness: 0, view: 'B', ahead: 0 },
      ]),
      relabel: true,
    },
  ],
  [
    'draft default q = 2 with w = 4: the minimal split reaches both consumers',
    base(4, 2, 0, 'first-cosign-wins', 'extension', minimalSplit(4, 2, 0)),
  ],
  [
    'q = 2, w = 3: q > (w+c)/2, the minimal strategy cannot split',
    base(3, 2, 0, 'first-cosign-wins', 'in-leaf', minimalSplit(3, 2, 0)),
  ],
  ['q = 3, w = 4, c = 2 compromised: 2*(q-c) <= w-c, split', base(4, 3, 2, 'c2sp', 'in-leaf', minimalSplit(4, 3, 2))],
];

/** Builds the vectors from the model. */
export function buildSplitVectors(): VectorsFile {
  let tcId = 0;
  const parse = PARSE.map(([comment, body, ok]) => {
    const c = parseCheckpoint(body);
    const d = c.ok ? dualModeOf(c.value) : undefined;
    const expected =
      ok && d?.ok
        ? {
            bundle_id: d.value.bundleId,
            bundle_seq: d.value.bundleSeq.toString(),
            d_minimax: d.value.dMinimax,
            d_max: d.value.dMax,
          }
        : {};
    return {
      tcId: ++tcId,
      comment,
      flags: [ok ? 'DualMode' : 'Malformed'],
      input: { body },
      expected,
      result: ok ? ('valid' as const) : ('invalid' as const),
    };
  });
  const a = base(1, 1, 0, 'first-cosign-wins', 'extension', []);
  const signer = {
    name: 'witness.example/w1',
    seed: hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'),
  };
  const sig = cosign(bodyOf(a, 'A', S), signer, 1764288000n);
  const line = formatNote({ text: '', signatures: [sig] }).slice(1);
  const cos = [
    ['A', true],
    ['B', false],
  ].map(([v, ok]) => ({
    tcId: ++tcId,
    comment: `cosignature/v1 over view A, checked over view ${v}`,
    flags: ['Cosignature'],
    input: {
      witness_name: signer.name,
      witness_seed: bytesToHex(signer.seed),
      timestamp: '1764288000',
      cosigned_body: bodyOf(a, 'A', S),
      checked_body: bodyOf(a, v as 'A' | 'B', S),
    },
    expected: { signature_line: line, witness_vkey: formatVerifierKey(cosignerOf(signer)) },
    result: ok ? ('valid' as const) : ('invalid' as const),
  }));
  const moves = MOVES.map(([comment, at]) => {
    const o = play(at);
    return {
      tcId: ++tcId,
      comment,
      flags: ['Witness'],
      input: { attack: at },
      expected: {
        statuses: o.statuses.join(','),
        cosigners_a: o.cosignersA.join(','),
        cosigners_b: o.cosignersB.join(','),
        split: o.split,
      },
      result: 'valid' as const,
    };
  });
  return vectorsFile({
    algorithm: 'T-COMP-SPLIT',
    header: [
      'Draft §7: the dual-mode values ride in a C2SP tlog-checkpoint extension line ' +
        '"bundle_id=<uuid>;bundle_seq=<uint64>;d_minimax=<float>;d_max=<float>" (read as one line), cosigned ' +
        'with cosignature/v1 (Ed25519).',
      'WitnessMoves: a collector move sequence (model/collector.ts: bundle S = 3 is tree size 3, later bundles ' +
        '4 and 5; compromised witnesses 0..c-1 are asked for both views first) and every witness answer ' +
        '(tlog-witness status codes).',
      TEST_KEYS_LINE,
    ],
    notes: {
      DualMode: { bugType: 'BASIC', description: 'A well-formed §7 extra field.' },
      Malformed: {
        bugType: 'MODIFIED_INPUT',
        description:
          'An extra field a witness verifying "the extra field schema" (§7) must reject; the draft gives no ' +
          "grammar, this project's is in model/checkpoint.ts.",
      },
      Cosignature: {
        bugType: 'BASIC',
        description: 'A cosignature over one view verifies over it and not over the other view (§7 validator check).',
      },
      Witness: {
        bugType: 'FUNCTIONALITY',
        description: 'Witness decisions under the first-cosign-wins policy of §7 or the c2sp.org/tlog-witness policy.',
      },
    },
    testGroups: [
      { type: 'DualModeCheckpoint', source: 'model/checkpoint.ts', tests: parse },
      {
        type: 'SplitCosignature',
        source: 'model/cosignature.ts with the RFC 8032 TEST 1 secret key as witness key',
        tests: cos,
      },
      { type: 'WitnessMoves', source: 'model/collector.ts and model/witness.ts', tests: moves },
    ],
  });
}

registerExporter({ file: 't-comp-split.json', build: buildSplitVectors });
