/**
 * The checks of the draft's statements about C2SP signed notes, checkpoints and cosignatures (spec/cited/c2sp-*.json),
 * computed with the project's C2SP models (model/note.ts, model/checkpoint.ts, model/cosignature.ts); the witness
 * checks are in src/audit/cited-c2sp-witness.ts.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { dualModeOf, parseCheckpoint } from '../../model/checkpoint.js';
import { cosign, cosignedMessage, cosignerOf, verifyCosignature } from '../../model/cosignature.js';
import { treeHead } from '../../model/merkle.js';
import { encodeBase64, signText, verifierOf, verifySignature } from '../../model/note.js';
import { c2spWitness } from '../../model/witness.js';
import type { CheckResult } from './cited-check.js';
import { body, COLLECTOR, dual, leaves, ORIGIN, twoRequests, WITNESS } from './cited-c2sp-world.js';

/** signed-note: an Ed25519 signature over one checkpoint body does not verify over the split body. */
export function noteByteMismatch(): CheckResult {
  const ls = leaves(8);
  const [a, b] = [body(ls, [dual(1.5)]), body(ls, [dual(2.5)])];
  const sig = signText(a, COLLECTOR);
  const key = verifierOf(COLLECTOR);
  const [onA, onB] = [verifySignature(key, sig, a), verifySignature(key, sig, b)];
  return {
    open: [],
    method:
      'one Ed25519 note signature (model/note.ts) verified over the signed body and the split body (D_max differs)',
    outcomes: [
      {
        choice: 'Ed25519 note signature',
        value: `verifies on the signed body: ${onA}; on the split body: ${onB}`,
        holds: onA && !onB,
      },
    ],
    note: 'signed-note (Format, Ed25519 signatures): the signature covers the note text, extension lines included.',
  };
}

/** tlog-checkpoint: where the "extra" field is, in a checkpoint of origin, size, root hash and extension lines. */
export function checkpointExtra(): CheckResult {
  const ls = leaves(8);
  const line = dual(1.5);
  const [first, second] = [line.slice(0, line.indexOf('d_minimax')), line.slice(line.indexOf('d_minimax'))];
  const readings: Array<[string, string | undefined]> = [
    ['one extension line', body(ls, [line])],
    ['two extension lines, as printed (lines 744-745)', body(ls, [first, second])],
    ['a CWT §8.2 field outside the checkpoint text', undefined],
  ];
  const reference = readings[0]![1]!;
  return {
    open: [
      {
        name: 'which element of a C2SP checkpoint the "extra" field is',
        admissible: readings.map((r) => r[0]).join(' | '),
        lines: '§7 lines 741-745',
      },
    ],
    method: 'the §7 values placed each way in a checkpoint (model/checkpoint.ts), parsed and compared byte for byte',
    outcomes: readings.map(([choice, b]) => {
      if (b === undefined)
        return { choice, value: 'not in the body add-checkpoint submits: no witness sees it', holds: false };
      const parsed = parseCheckpoint(b);
      const values = parsed.ok ? dualModeOf(parsed.value) : parsed;
      const count = parsed.ok ? parsed.value.extensions.length : 0;
      return {
        choice,
        value: `${count} extension line(s), §7 values ${values.ok ? 'read' : 'unread'}`,
        holds: b === reference,
      };
    }),
    note:
      'tlog-checkpoint (Note text): a checkpoint is origin, tree size, root hash, then opaque non-empty extension ' +
      'lines; it names no "extra" field, and calls extension lines NOT RECOMMENDED (not auditable by log monitors). ' +
      'The readings give different bytes, hence different signatures.',
  };
}

/** tlog-cosignature: an Ed25519 cosignature/v1 covers the extension lines. */
export function cosigCoversExtension(): CheckResult {
  const ls = leaves(8);
  const [a, b] = [body(ls, [dual(1.5)]), body(ls, [dual(2.5)])];
  const sig = cosign(a, WITNESS, 1_764_288_000n);
  const key = cosignerOf(WITNESS);
  const message = new TextDecoder().decode(cosignedMessage(1_764_288_000n, a));
  const [onA, onB] = [verifyCosignature(key, sig, a), verifyCosignature(key, sig, b)];
  return {
    open: [],
    method: 'a cosignature/v1 (model/cosignature.ts) over a body, verified over it and over the split body',
    outcomes: [
      {
        choice: 'Ed25519 cosignature/v1 (the draft names Ed25519, §3.1 line 345)',
        value: `signed message holds the §7 line: ${message.includes(dual(1.5))}; verifies on the split body: ${onB}`,
        holds: onA && !onB && message.includes(dual(1.5)),
      },
    ],
    note:
      'tlog-cosignature (Ed25519 signed message): the whole body, extension lines included, is signed. An ML-DSA-44 ' +
      'cosignature (HEAD; tlog-witness SHOULD use it since 2026-04-23) does not cover extension lines.',
  };
}

/** tlog-cosignature: a different root and a different extension line, at one size, to one witness. */
export function cosigAsIfRoot(): CheckResult {
  const ls = leaves(8);
  const a = body(ls, [dual(1.5)]);
  const root = twoRequests(c2spWitness([ORIGIN]), a, body(leaves(8, 'z'), [dual(1.5)]), 8n, ls);
  const ext = twoRequests(c2spWitness([ORIGIN]), a, body(ls, [dual(2.5)]), 8n, ls);
  return {
    open: [],
    method:
      'one tlog-witness asked to cosign a second body at the same size: root differs, or only the §7 line differs',
    outcomes: [
      {
        choice: 'tlog-witness as specified',
        value: `root differs: ${root[1]}; extension differs: ${ext[1]}`,
        holds: root[1] === ext[1],
      },
    ],
    note:
      'tlog-cosignature: the cosigner asserts correct append-only operation from the first three lines; consensus ' +
      'on extension lines SHALL NOT be assumed. tlog-witness compares sizes and root hashes only.',
  };
}

/** tlog-cosignature: what a cosignature/v1 signs: header, time, and the whole body (root hash among it). */
export function cosigOverRoot(): CheckResult {
  const ls = leaves(8);
  const message = new TextDecoder().decode(cosignedMessage(1n, body(ls, [dual(1.5)])));
  const root = encodeBase64(treeHead(ls));
  return {
    open: [],
    method: 'the cosignature/v1 signed message of one checkpoint (model/cosignature.ts)',
    outcomes: [
      {
        choice: 'Ed25519 cosignature/v1',
        value: `signed message holds the root hash line: ${message.includes(`\n${root}\n`)}`,
        holds: message.includes(`\n${root}\n`),
      },
    ],
    note:
      'tlog-cosignature (Ed25519 signed message): "cosignature/v1", the timestamp, then the whole checkpoint body: ' +
      `origin, size, root hash and extension lines (${utf8ToBytes(message).length} bytes here), not the root alone.`,
  };
}
