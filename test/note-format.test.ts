/**
 * C2SP signed notes (model/note.ts), the format draft §7 carries its checkpoints in: every way a
 * verifier key or a note is refused comes with its own reason, the boundaries of the format (the
 * shortest text, the shortest signature blob, key IDs with leading zero digits, Ed25519 / ECDSA /
 * cosignature key types) are accepted, and opening a note ignores unknown keys, rejects a known
 * key's bad signature, and lists each verified key once.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { cosign, cosignatureMessageOf, cosignerOf } from '../model/cosignature.js';
import {
  encodeBase64,
  formatNote,
  formatVerifierKey,
  isValidKeyName,
  MAX_SIGNATURES,
  openNote,
  parseNote,
  parseVerifierKey,
  SIG_PREFIX,
  SIG_TYPE,
  signText,
  verifierOf,
  verifySignature,
  type Note,
  type Verifier,
} from '../model/note.js';

/** golang.org/x/mod/sumdb/note test key and note (spec/vectors/c2sp-public.json tcId 11). */
const PETER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_KEY = 'ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const PETER_NOTE = `${PETER_TEXT}\n${PETER_SIG}`;
/** Pixel binary transparency log key: ECDSA P-256, type 0x02 (tcId 50). */
const PIXEL =
  'pixel_transparency_log+72c878db+' +
  'AjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABFPN7lzVIk2BOd3Nk33VpqqVtt' +
  'GwV8uChH+RX/HVfBiypVQFyh8o8Ny6fSdxNMgkSf9/VynrgADBeys0r4Q9uPA=';
const PIXEL_NOTE =
  'developers.google.com/android/binary_transparency/0\n611\n2GZ1zmS5VkfUZmn2ZyR4KZXwHLD+xnwBIWzql/cD50w=\n\n' +
  '\u2014 pixel_transparency_log ' +
  'csh42zBFAiAd3Y1FwqNTt5RglY0uG7heC6Yu1gEbXXPYmZ7LdOILMAIhAIt68PnR/3TADAaC7hvrSHbpziV7TmpIwOUydLmcjyTQ\n';

const seed = (n: number) => new Uint8Array(32).fill(n);
/** A test signer whose Ed25519 key ID, 0x003eb613, has two leading zero hex digits. */
const LOW_ID = { name: 'log5.example', seed: seed(1) };
const key = (type: number, length: number) => encodeBase64(Uint8Array.of(type, ...new Uint8Array(length).fill(7)));
const reasonOf = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);

describe('key names (signed-note "Format")', () => {
  test.each([
    ['', false],
    ['a', true],
    ['example.com/foo', true],
    ['a b', false],
    ['a+b', false],
    ['a\tb', false],
    ['a\u00a0b', false],
    ['a\u2003b', false],
  ])('isValidKeyName(%j) is %s: non-empty, no Unicode space, no "+"', (name, valid) =>
    expect(isValidKeyName(name)).toBe(valid),
  );
});

describe('verifier keys: name+hexID+base64(type || key)', () => {
  test.each([
    ['no "+" at all', 'PeterNeumann', 'vkey: expected name+keyid+key'],
    ['only one "+"', 'PeterNeumann+c74f20a3', 'vkey: expected name+keyid+key'],
    ['an empty name', `+c74f20a3+${PETER_KEY}`, 'vkey: invalid key name'],
    ['a name with a space', `Peter Neumann+c74f20a3+${PETER_KEY}`, 'vkey: invalid key name'],
    ['an upper-case key ID', `PeterNeumann+C74F20A3+${PETER_KEY}`, 'vkey: key ID must be 8 lowercase hex digits'],
    [
      'a 9-digit key ID with a leading 0 (same number)',
      `PeterNeumann+0c74f20a3+${PETER_KEY}`,
      'vkey: key ID must be 8 lowercase hex digits',
    ],
    [
      'a key ID with a trailing non-hex character',
      `PeterNeumann+c74f20a3x+${PETER_KEY}`,
      'vkey: key ID must be 8 lowercase hex digits',
    ],
    ['a 7-digit key ID', `PeterNeumann+c74f20a+${PETER_KEY}`, 'vkey: key ID must be 8 lowercase hex digits'],
    ['an empty key', 'PeterNeumann+c74f20a3+', 'vkey: key is not base64 of type byte || key'],
    ['a key that is not base64', 'PeterNeumann+c74f20a3+ARpc*', 'vkey: key is not base64 of type byte || key'],
    ['a type byte and no key', 'PeterNeumann+c74f20a3+AQ==', 'vkey: key is not base64 of type byte || key'],
    ['a 1-byte Ed25519 key', 'PeterNeumann+c74f20a3+AQE=', 'vkey: Ed25519 key material is 1 bytes, not 32'],
    ['a 33-byte Ed25519 key', `PeterNeumann+c74f20a3+${key(1, 33)}`, 'vkey: Ed25519 key material is 33 bytes, not 32'],
    [
      'a 31-byte cosignature/v1 key',
      `PeterNeumann+c74f20a3+${key(4, 31)}`,
      'vkey: Ed25519 key material is 31 bytes, not 32',
    ],
    [
      'an Ed25519 key ID that is not SHA-256(name || 0x0A || type || key)[:4]',
      `PeterNeumann+c74f20a4+${PETER_KEY}`,
      'vkey: key ID does not match SHA-256(name||0x0A||type||key)',
    ],
    [
      'an Ed25519 key under another name',
      `PeterNeumanm+c74f20a3+${PETER_KEY}`,
      'vkey: key ID does not match SHA-256(name||0x0A||type||key)',
    ],
    [
      'an ECDSA key ID that is not SHA-256(SPKI)[:4]',
      PIXEL.replace('+72c878db+', '+72c878dc+'),
      'vkey: ECDSA key ID does not match SHA-256(SPKI)',
    ],
    [
      'type 0x65 (golang.org/x/mod TestNewVerifier)',
      'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'vkey: unknown signature type 0x65',
    ],
    ['type 0x03', `PeterNeumann+c74f20a3+${key(3, 32)}`, 'vkey: unknown signature type 0x03'],
  ])('rejects %s with its reason', (_n, vkey, reason) => expect(reasonOf(parseVerifierKey(vkey))).toBe(reason));

  test(
    'parses an Ed25519 (type 0x01) key: ' + 'name, key ID, type, 32-byte key; formatting gives the same text back',
    () => {
      const r = parseVerifierKey(PETER);
      if (!r.ok) throw new Error(r.reason);
      expect([r.value.name, r.value.keyId, r.value.type, r.value.publicKey.length]).toEqual([
        'PeterNeumann',
        0xc74f20a3,
        SIG_TYPE.ed25519,
        32,
      ]);
      expect(formatVerifierKey(r.value)).toBe(PETER);
    },
  );
  test.each([
    [
      'the base64 key contains "+": only the first two "+" split',
      'TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6',
      SIG_TYPE.ed25519,
    ],
    ['an ECDSA P-256 key (type 0x02), ID from SHA-256 of the SPKI', PIXEL, SIG_TYPE.ecdsa],
    [
      'a cosignature/v1 key (type 0x04)',
      'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2',
      SIG_TYPE.cosignatureV1,
    ],
  ])('accepts %s, and formats it back unchanged', (_n, vkey, type) => {
    const r = parseVerifierKey(vkey);
    expect(r.ok && r.value.type).toBe(type);
    expect(r.ok && formatVerifierKey(r.value)).toBe(vkey);
  });
  test('a key ID below 0x10000000 is written with its leading zeros, 8 digits, and parses back', () => {
    const vkey = formatVerifierKey(verifierOf(LOW_ID));
    expect(vkey.split('+')[1]).toBe('003eb613');
    expect(parseVerifierKey(vkey)).toEqual({ ok: true, value: verifierOf(LOW_ID) });
  });
  fcTest.prop([
    fc.stringMatching(/^[a-z0-9./-]{1,24}$/),
    fc.uint8Array({ minLength: 32, maxLength: 32 }),
    fc.constantFrom(SIG_TYPE.ed25519, SIG_TYPE.cosignatureV1),
  ])('format / parse round trip for every Ed25519 and cosignature/v1 signer', (name, s, type) => {
    const v = verifierOf({ name, seed: s }, type);
    expect(parseVerifierKey(formatVerifierKey(v))).toEqual({ ok: true, value: v });
  });
});

const sigLine = (name: string, b64: string) => `${SIG_PREFIX}${name} ${b64}\n`;

describe('parsing notes (signed-note "Format")', () => {
  test.each([
    [
      'an ASCII control character (0x01)',
      `x\u0001y\n\n${sigLine('a', 'AAAAAAA=')}`,
      'malformed note: ASCII control character other than newline',
    ],
    [
      'a carriage return',
      `x\r\n\n${sigLine('a', 'AAAAAAA=')}`,
      'malformed note: ASCII control character other than newline',
    ],
    [
      'a lone high surrogate',
      `x\ud800\n\n${sigLine('a', 'AAAAAAA=')}`,
      'malformed note: not valid UTF-8 (lone surrogate)',
    ],
    [
      'a lone low surrogate',
      `x\udc00y\n\n${sigLine('a', 'AAAAAAA=')}`,
      'malformed note: not valid UTF-8 (lone surrogate)',
    ],
    [
      'a low surrogate before a high one',
      `x\udc00\ud800y\n\n${sigLine('a', 'AAAAAAA=')}`,
      'malformed note: not valid UTF-8 (lone surrogate)',
    ],
    ['no final newline', PETER_NOTE.slice(0, -1), 'malformed note: does not end in a newline'],
    ['text only', PETER_TEXT, 'malformed note: no blank line before the signatures'],
    ['an empty signature block', `${PETER_TEXT}\n`, 'malformed note: no signature lines'],
    [
      `more than ${MAX_SIGNATURES} signature lines`,
      `${PETER_TEXT}\n${PETER_SIG.repeat(MAX_SIGNATURES + 1)}`,
      `malformed note: more than ${MAX_SIGNATURES} signatures`,
    ],
    [
      'a line that is not a signature after the signatures',
      `${PETER_NOTE}Unexpected line.\n`,
      'malformed note: a line after the blank line is not a signature line',
    ],
    [
      'a signature line without the em dash',
      `${PETER_TEXT}\n- a AAAAAAA=\n`,
      'malformed note: a line after the blank line is not a signature line',
    ],
    [
      'a signature line without a space after the name',
      `${PETER_TEXT}\n${SIG_PREFIX}AAAAAAAA\n`,
      'malformed note: signature line has an invalid key name',
    ],
    [
      'an empty key name',
      `${PETER_TEXT}\n${sigLine('', 'AAAAAAA=')}`,
      'malformed note: signature line has an invalid key name',
    ],
    [
      'a key name with "+"',
      `${PETER_TEXT}\n${sigLine('a+b', 'AAAAAAA=')}`,
      'malformed note: signature line has an invalid key name',
    ],
    [
      'a 4-byte signature blob (key ID, no signature)',
      `${PETER_TEXT}\n${sigLine('a', 'AAAAAA==')}`,
      'malformed note: signature is not base64 of key ID || signature',
    ],
    [
      'a signature that is not base64',
      `${PETER_TEXT}\n${sigLine('a', 'AAAA*AA=')}`,
      'malformed note: signature is not base64 of key ID || signature',
    ],
    [
      'an empty signature',
      `${PETER_TEXT}\n${sigLine('a', '')}`,
      'malformed note: signature is not base64 of key ID || signature',
    ],
  ])('rejects %s with its reason', (_n, msg, reason) => expect(reasonOf(parseNote(msg))).toBe(reason));

  test('splits at the last blank line: text, then each signature as name, big-endian key ID, signature bytes', () => {
    expect(parseNote(PETER_NOTE)).toEqual({
      ok: true,
      value: {
        text: PETER_TEXT,
        signatures: [{ name: 'PeterNeumann', keyId: 0xc74f20a3, sig: expect.any(Uint8Array) }],
      },
    });
    const r = parseNote(PETER_NOTE);
    expect(r.ok && r.value.signatures[0]!.sig.length).toBe(64);
  });
  test('the shortest text, a lone newline, is a note text', () => {
    expect(parseNote(`\n\n${sigLine('a', 'AAAAAAA=')}`)).toEqual({
      ok: true,
      value: { text: '\n', signatures: [{ name: 'a', keyId: 0, sig: Uint8Array.of(0) }] },
    });
  });
  test('the shortest signature blob, a key ID and one byte (5 bytes), is accepted', () => {
    const r = parseNote(`${PETER_TEXT}\n${sigLine('a', 'AQIDBAU=')}`);
    expect(r.ok && r.value.signatures).toEqual([{ name: 'a', keyId: 0x01020304, sig: Uint8Array.of(5) }]);
  });
  test('non-ASCII text, including a character outside the BMP (a surrogate pair), is valid UTF-8', () => {
    const text = 'ed \u00e8 subito sera \u{1F600}\n';
    const r = parseNote(`${text}\n${sigLine('a', 'AAAAAAA=')}`);
    expect(r.ok && r.value.text).toBe(text);
  });
  test(`${MAX_SIGNATURES} signature lines are accepted`, () => {
    const r = parseNote(`${PETER_TEXT}\n${PETER_SIG.repeat(MAX_SIGNATURES)}`);
    expect(r.ok && r.value.signatures.length).toBe(MAX_SIGNATURES);
  });
  fcTest.prop([
    fc.stringMatching(/^[a-z .\n]{0,40}$/).map((t) => `${t}\n`),
    fc.array(
      fc.record({
        name: fc.stringMatching(/^[a-z0-9./]{1,12}$/),
        keyId: fc.nat({ max: 0xffffffff }),
        sig: fc.uint8Array({ minLength: 1, maxLength: 80 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  ])('format / parse round trip of any note', (text, signatures) => {
    const n: Note = { text, signatures };
    expect(parseNote(formatNote(n))).toEqual({ ok: true, value: n });
  });
});

describe('opening notes (signed-note "Signatures")', () => {
  const log = { name: 'log.example', seed: seed(2) };
  const body = 'log.example\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
  const peter = parseVerifierKey(PETER);
  if (!peter.ok) throw new Error(peter.reason);

  test("a known key's bad signature rejects the note, naming the key (golang.org/x/mod TestOpen)", () => {
    const tampered = PETER_NOTE.replace(
      'ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNI',
      'ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZIABCDnNI',
    );
    expect(reasonOf(openNote(tampered, [peter.value]))).toBe('invalid signature for key PeterNeumann+c74f20a3');
  });
  test('the rejection names a key ID below 0x10000000 with its 8 digits', () => {
    const note = formatNote({ text: body, signatures: [signText('another text\n', LOW_ID)] });
    expect(reasonOf(openNote(note, [verifierOf(LOW_ID)]))).toBe('invalid signature for key log5.example+003eb613');
  });
  test('a note with no known key is rejected', () => {
    expect(reasonOf(openNote(PETER_NOTE, []))).toBe('no verifiable signatures');
    expect(reasonOf(openNote(PETER_NOTE, [verifierOf(log)]))).toBe('no verifiable signatures');
  });
  test('a signature is known only if name AND key ID match: a valid signature under another name is ignored', () => {
    const s = signText(body, log);
    const renamed = { ...s, name: 'someone.else' };
    expect(reasonOf(openNote(formatNote({ text: body, signatures: [renamed] }), [verifierOf(log)]))).toBe(
      'no verifiable signatures',
    );
    const r = openNote(formatNote({ text: body, signatures: [renamed, s] }), [verifierOf(log)]);
    expect(r.ok && [r.value.verified.length, r.value.unknown]).toEqual([1, 1]);
  });
  test('a key that signed twice is listed once among the verified keys', () => {
    const s = signText(body, log);
    const r = openNote(formatNote({ text: body, signatures: [s, s] }), [verifierOf(log)]);
    expect(r.ok && r.value.verified).toEqual([verifierOf(log)]);
  });
  test('an ECDSA P-256 (type 0x02) log signature verifies over the note text (Pixel binary transparency)', () => {
    const pixel = parseVerifierKey(PIXEL);
    if (!pixel.ok) throw new Error(pixel.reason);
    const r = openNote(PIXEL_NOTE, [pixel.value]);
    expect(r.ok && r.value.verified.map((v) => v.name)).toEqual(['pixel_transparency_log']);
  });
});

describe('verifySignature answers a boolean, false for anything malformed', () => {
  const log = { name: 'log.example', seed: seed(2) };
  const w = { name: 'witness.example', seed: seed(3) };
  const text = 'log.example\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
  const good = signText(text, log);
  test.each<[string, Verifier, Uint8Array]>([
    ['a 65-byte Ed25519 signature', verifierOf(log), Uint8Array.of(...good.sig, 0)],
    ['a 63-byte Ed25519 signature', verifierOf(log), good.sig.slice(1)],
    ['an Ed25519 key of 31 bytes', { ...verifierOf(log), publicKey: verifierOf(log).publicKey.slice(1) }, good.sig],
    ['a signature over other text', verifierOf(log), signText('other\n', log).sig],
    [
      'an ECDSA signature that is not DER',
      { name: 'p', keyId: 0, type: SIG_TYPE.ecdsa, publicKey: new Uint8Array(91) },
      Uint8Array.of(1, 2, 3),
    ],
  ])('%s: false', (_n, v, sig) => expect(verifySignature(v, { ...good, sig }, text)).toBe(false));
  test('an Ed25519 signature over the text: true', () =>
    expect(verifySignature(verifierOf(log), good, text)).toBe(true));
  test('a cosignature/v1 (type 0x04) verifies with its message function, and not without one', () => {
    const c = cosign(text, w, 1700000000n);
    expect(verifySignature(cosignerOf(w), c, text, cosignatureMessageOf)).toBe(true);
    expect(verifySignature(cosignerOf(w), c, text)).toBe(false);
    expect(verifySignature(cosignerOf(w), { ...c, sig: c.sig.slice(1) }, text, cosignatureMessageOf)).toBe(false);
  });
});
