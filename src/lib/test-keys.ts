/**
 * TEST KEYS ONLY: a fixture, kept out of model/. The broker takes its keys as inputs
 * (model/key-table.ts): K_v_epoch for CWT snapshots and K_BFD_auth per (BFD session, epoch).
 * Their derivation (draft §6 HKDF) belongs to the key-derivation model; the tests, searches and
 * vectors of T-RC-1 use these fixed test keys, SHA-256 of a label that says so. Never deploy them.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { KeyTable } from '../../model/key-table.js';

/** Prefix of every test-key label. */
export const TEST_KEY_LABEL = 'TEST KEY - NOT FOR DEPLOYMENT - mvps-perfsec T-RC-1';

/** A test key: SHA-256 of the label and its purpose. */
export function testKey(purpose: string): Uint8Array {
  return sha256(utf8ToBytes(`${TEST_KEY_LABEL}|${purpose}`));
}

/** Test keys for every vantage, session and epoch (cached). */
export function testKeys(): KeyTable {
  const cache = new Map<string, Uint8Array>();
  const get = (purpose: string) => cache.get(purpose) ?? (cache.set(purpose, testKey(purpose)), cache.get(purpose)!);
  return { cwt: (v, e) => get(`cwt|${v}|${e}`), bfd: (s, e) => get(`bfd|${s}|${e}`) };
}

/** The key an adversary holds: its own, none of the deployment's. */
export const ADVERSARY_KEY = testKey('adversary');
