/**
 * The public vectors (shared/vectors/public-vectors.json: RFC 5869, RFC 4231, RFC 8032, C2SP
 * signed notes, checkpoints, cosignatures), converted into the project's vectors format as
 * spec/vectors/c2sp-public.json: one group per public vector, its source kept, expected values
 * copied from the public file (never computed here), verified by src/vectors/c2sp-verifiers.ts.
 */
import { existsSync } from 'node:fs';
import { readJson } from '../lib/json-file.js';
import { projectPath, sharedPath } from '../lib/paths.js';
import { decodeBase64 } from '../../model/note.js';
import './c2sp-verifiers.js';
import { registerExporter, vectorsFile, type TestGroup, type VectorResult, type VectorsFile } from './format.js';

/** Where the public vectors are read from when exporting (the shared folder beside the project). */
export const PUBLIC_VECTORS = sharedPath('vectors', 'public-vectors.json');

type P = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface T {
  comment: string;
  flags: string[];
  input: P;
  expected: P;
  result: VectorResult;
}

/** Builds the converted file from the public vectors document. */
export function convertPublic(d: P): VectorsFile {
  const groups: Array<{ type: string; source: string; tests: T[] }> = [];
  const add = (type: string, source: string, tests: T[]) => groups.push({ type, source, tests });
  const t = (
    comment: string,
    input: P,
    expected: P,
    result: VectorResult = 'valid',
    flags: string[] = ['Public'],
  ): T => ({ comment, flags, input, expected, result });
  for (const v of d.hkdf_sha256)
    add('Rfc5869Hkdf', v.source, [
      t(
        v.name,
        { ikm: v.ikm_hex, salt: v.salt_hex, info: v.info_hex, length: v.L },
        { prk: v.prk_hex, okm: v.okm_hex },
      ),
    ]);
  for (const v of d.hmac_sha256)
    add('Rfc4231Hmac', v.source, [t(v.name, { key: v.key_hex, data: v.data_hex }, { mac: v.mac_hex })]);
  for (const v of d.ed25519)
    add('Rfc8032Ed25519', v.source, [
      t(
        v.name,
        { secret_key: v.secret_key_hex, message: v.message_hex },
        { public_key: v.public_key_hex, signature: v.signature_hex },
      ),
    ]);
  for (const v of d.signed_note) {
    if (v.kind === 'signed_note' && v.vkey) {
      const seed = v.skey ? { skey_seed: skeySeed(v.skey) } : {};
      add('C2spSignedNote', v.source, [
        t(
          `${v.name}: ${v.expect}`,
          { note: v.note, vkeys: [v.vkey], ...seed },
          { text: v.text, verified: [v.key_name], unknown: 0 },
        ),
      ]);
    } else if (v.kind === 'signed_note') {
      const [peter, enoch] = v.vkeys as [string, string];
      add('C2spSignedNote', v.source, [
        t(
          `${v.name}: only PeterNeumann known`,
          { note: v.note, vkeys: [peter] },
          { text: v.text, verified: ['PeterNeumann'], unknown: 1 },
        ),
        t(
          `${v.name}: both known`,
          { note: v.note, vkeys: [peter, enoch] },
          { text: v.text, verified: ['PeterNeumann', 'EnochRoot'], unknown: 0 },
        ),
        t(`${v.name}: no key known (reject)`, { note: v.note, vkeys: [] }, {}, 'invalid', ['Public', 'Negative']),
      ]);
    } else if (v.kind === 'signed_note_parse_only')
      add('C2spNoteParse', v.source, [
        t(`${v.name}: ${v.expect}`, { note: v.note }, { text: v.text, key_ids: ['367ba04b'] }, 'valid', [
          'Public',
          'ParseOnly',
        ]),
      ]);
    else if (v.kind === 'vkey')
      add('C2spVerifierKey', v.source, [
        t(
          `${v.name}: ${v.expect}`,
          { vkey: v.vkey },
          {},
          v.expect.startsWith('valid') ? 'valid' : 'invalid',
          v.expect.startsWith('valid') ? ['Public'] : ['Public', 'Negative'],
        ),
      ]);
    else if (v.kind === 'malformed_note')
      add('C2spNoteParse', v.source, [
        t(`${v.name}: ${v.expect}`, { note: v.note }, {}, 'invalid', ['Public', 'Negative']),
      ]);
    else if (v.kind === 'invalid_signature')
      add('C2spSignedNote', v.source, [
        t(`${v.name}: ${v.expect}`, { note: v.note, vkeys: v.vkeys }, {}, 'invalid', ['Public', 'Negative']),
      ]);
    else throw new Error(`public vectors: unknown signed_note kind ${v.kind}`);
  }
  for (const v of d.checkpoint) {
    if (v.kind === 'signed_checkpoint')
      add('C2spSignedNote', v.source, [
        t(
          `${v.name}: ${v.expect}`,
          { note: v.note, vkeys: [v.vkey] },
          { text: v.note.slice(0, v.note.lastIndexOf('\n\n') + 1), verified: [v.vkey.split('+')[0]], unknown: 0 },
        ),
      ]);
    else if (v.kind === 'signed_checkpoint_series') {
      const logKey = Buffer.concat([Buffer.of(1), Buffer.from(v.log_public_key_hex, 'hex')]).toString('base64');
      const vkey = `${v.origin}+${v.key_id_hex}+${logKey}`;
      add(
        'C2spSignedNote',
        v.source,
        v.notes.map((n: P) =>
          n.expect === 'verifies'
            ? t(
                `${v.name}: size ${n.tree_size} verifies`,
                { note: n.note, vkeys: [vkey] },
                { text: n.note.slice(0, n.note.lastIndexOf('\n\n') + 1), verified: [v.origin], unknown: 0 },
              )
            : t(`${v.name}: size ${n.tree_size}, ${n.expect}`, { note: n.note, vkeys: [vkey] }, {}, 'invalid', [
                'Public',
                'Negative',
              ]),
        ),
      );
      const roots = new Map<number, string>(v.notes.map((n: P) => [n.tree_size, n.note.split('\n')[2]]));
      add(
        'C2spConsistencyProof',
        v.source,
        v.consistency_proofs.map((p: P) =>
          t(
            `${v.name}: proof ${p.old_size} -> ${p.new_size}, ${p.expect}`,
            {
              old_size: p.old_size,
              new_size: p.new_size,
              old_root: roots.get(p.old_size),
              new_root: roots.get(p.new_size),
              proof: p.proof_b64,
            },
            {},
            p.expect === 'valid' ? 'valid' : 'invalid',
            p.expect === 'valid' ? ['Public'] : ['Public', 'Negative'],
          ),
        ),
      );
    } else if (v.kind === 'checkpoint_body')
      add('C2spCheckpointBody', v.source, [
        t(
          v.name,
          { text: v.text, hash_len: 32 },
          {
            origin: 'go.sum database tree',
            size: String(v.tree_size),
            root_hash: v.text.split('\n')[2],
            extensions: [],
          },
        ),
      ]);
    else if (v.kind === 'checkpoint_body_parse') {
      add(
        'C2spCheckpointBody',
        v.source,
        v.cases.map((c: P, i: number) => {
          const valid = c.source_expect.startsWith('valid') && !c.source_expect.includes('INVALID under c2sp');
          const lines = c.text.split('\n');
          const expected = valid
            ? { origin: lines[0], size: lines[1], root_hash: lines[2], extensions: lines.slice(3, -1) }
            : {};
          return t(
            `${v.name} case ${i + 1}: ${c.source_expect}`,
            { text: c.text },
            expected,
            valid ? 'valid' : 'invalid',
            valid ? ['Public', 'ParseOnly'] : ['Public', 'Negative'],
          );
        }),
      );
    } else if (v.kind === 'signed_checkpoint_parse_only')
      add('C2spNoteParse', v.source, [
        t(
          v.name,
          { note: v.note },
          { text: v.note.slice(0, v.note.lastIndexOf('\n\n') + 1), key_ids: ['033de0ae'] },
          'valid',
          ['Public', 'ParseOnly'],
        ),
      ]);
    else if (v.kind === 'signed_checkpoint_raw')
      add('SigsumRawSignature', v.source, [
        t(
          v.name,
          {
            public_key_ssh: v.log_public_key_ssh,
            tree_size: v.tree_size,
            root_hash_hex: v.root_hash_hex,
            signature_hex: v.signature_hex,
          },
          { message: v.derived.signed_text },
        ),
      ]);
    else throw new Error(`public vectors: unknown checkpoint kind ${v.kind}`);
  }
  for (const v of d.cosignature) {
    if (v.kind === 'cosigned_checkpoint') {
      const ids = [...v.expect.matchAll(/\b([0-9a-f]{8}) and ([0-9a-f]{8})\b/g)][0]!;
      const stamps = [...v.expect.matchAll(/timestamps (\d+) and (\d+)/g)][0]!;
      add('C2spCosignedCheckpoint', v.source, [
        t(
          v.name,
          { note: v.note, log_vkey: v.log_vkey, witness_vkeys_type01: v.witness_vkeys_as_published_type01 },
          {
            verified: [
              v.log_vkey.split('+')[0],
              ...v.witness_vkeys_as_published_type01.map((k: string) => k.split('+')[0]),
            ],
            cosigner_key_ids: [ids[1], ids[2]],
            timestamps: [stamps[1], stamps[2]],
          },
        ),
      ]);
    } else if (v.kind === 'cosignature_raw') {
      const [, , ts, sig] = /^cosignature=([0-9a-f]{64}) (\d+) ([0-9a-f]{128})$/.exec(v.cosignature_line)!;
      add('SigsumRawSignature', v.source, [
        t(
          `${v.name}: log signature`,
          {
            public_key_ssh: v.log_public_key_ssh,
            tree_size: v.tree_size,
            root_hash_hex: v.root_hash_hex,
            signature_hex: v.log_signature_hex,
          },
          { message: v.derived.checkpoint_text },
        ),
        t(
          `${v.name}: witness cosignature`,
          {
            public_key_ssh: v.witness_public_key_ssh,
            tree_size: v.tree_size,
            root_hash_hex: v.root_hash_hex,
            signature_hex: sig,
            timestamp: ts,
            log_public_key_ssh: v.log_public_key_ssh,
          },
          { message: v.derived.cosigned_message },
          'valid',
          ['Public', 'OriginFromLogKey'],
        ),
      ]);
    } else if (v.kind === 'cosigned_message_format')
      add('C2spCosignedMessage', v.source, [
        t(
          v.name,
          { origin: v.origin, timestamp: v.timestamp, tree_size: v.tree_size, root_hash_hex: v.root_hash_hex },
          { message: v.message },
        ),
      ]);
    else if (v.kind === 'cosignature_parse_only') {
      const b64 = v.line.split(' ')[2];
      add('C2spCosignatureBlob', v.source, [
        t(`${v.name}: ${v.expect}`, { sig_b64: b64 }, { timestamp: '1679315147', key_id: '8d66cf3f' }, 'valid', [
          'Public',
          'ParseOnly',
        ]),
      ]);
    } else if (v.kind === 'cosignature_timestamp') {
      add(
        'C2spCosignatureBlob',
        v.source,
        v.cases.map((c: P, i: number) =>
          c.expect_unix !== undefined
            ? t(
                `${v.name} case ${i + 1}`,
                { sig_b64: c.sig_b64 },
                {
                  timestamp: String(c.expect_unix),
                  key_id: Buffer.from(decodeBase64(c.sig_b64)!.slice(0, 4)).toString('hex'),
                },
              )
            : t(`${v.name} case ${i + 1}: ${c.expect}`, { sig_b64: c.sig_b64 }, {}, 'invalid', ['Public', 'Negative']),
        ),
      );
    } else if (v.kind === 'vkey')
      add('C2spVerifierKey', v.source, [t(`${v.name}: ${v.expect}`, { vkey: v.vkey }, {}, 'valid')]);
    else throw new Error(`public vectors: unknown cosignature kind ${v.kind}`);
  }
  let tcId = 0;
  const testGroups: TestGroup[] = groups.map((g) => ({
    type: g.type,
    source: g.source,
    tests: g.tests.map((x) => ({ tcId: ++tcId, ...x, input: JSON.parse(JSON.stringify(x.input)) })),
  }));
  return vectorsFile({
    algorithm: 'C2SP-PUBLIC',
    header: [
      'Keys here are the public test keys of their sources (RFC 5869, RFC 4231, RFC 8032, C2SP and Go test ' +
        'data): TEST KEYS, never for deployment.',
      'Public cryptographic vectors the draft §6 (HKDF-SHA256, HMAC-SHA256) and §7 (C2SP signed notes, ' +
        'tlog-checkpoint, cosignature/v1 with Ed25519) mechanisms rest on, each group naming its public source.',
      "Expected values are copied from the sources, never computed by this project; the project's code " +
        '(model/hkdf.ts, note.ts, checkpoint.ts, cosignature.ts, merkle.ts) must reproduce every valid one and ' +
        'reject every invalid one.',
    ],
    notes: {
      Public: {
        bugType: 'BASIC',
        description: "A vector copied from a public source (RFC or a C2SP implementation's tests).",
      },
      Negative: {
        bugType: 'MODIFIED_INPUT',
        description: 'A malformed or tampered input the source says must be rejected.',
      },
      ParseOnly: { bugType: 'EDGE_CASE', description: 'No public key is published for it: only the parse is checked.' },
      OriginFromLogKey: {
        bugType: 'FUNCTIONALITY',
        description:
          "Sigsum checkpoints: the origin is derived from the log key hash of the test's log (here fixed by " +
          'the expected message).',
      },
    },
    testGroups,
  });
}

/** The Ed25519 seed of a Go note signer key "PRIVATE+KEY+name+id+base64(0x01||seed)". */
function skeySeed(skey: string): string {
  const blob = decodeBase64(skey.split('+').slice(4).join('+'))!;
  return Buffer.from(blob.slice(1)).toString('hex');
}

registerExporter({
  file: 'c2sp-public.json',
  // Without the shared folder (a clone on its own), the committed conversion is kept as it is.
  build: () =>
    existsSync(PUBLIC_VECTORS)
      ? convertPublic(readJson(PUBLIC_VECTORS) as P)
      : (readJson(projectPath('spec', 'vectors', 'c2sp-public.json')) as VectorsFile),
});
