/**
 * What a normative statement means over the configuration space (src/audit/normative-space.ts), and the small
 * predicates the statements share. The statements themselves are in src/audit/normative-rules-*.ts, by section.
 */
import { QUARTET } from '../../model/capabilities.js';
import type { Config, Field } from './normative-space.js';

/** A statement's meaning: requirement (must, should) or permission (may). */
export interface RuleCode {
  readonly kind: 'must' | 'should' | 'may';
  /** The fields `applies` reads: the scope the statement speaks of (context, and choices that set the scope). */
  readonly when: readonly Field[];
  /** The fields `ok` and `acts` read besides WHEN: what the statement asks for or permits. */
  readonly what: readonly Field[];
  /** A permission: the fields of the act it permits (WHAT when absent); the others complete the configuration. */
  readonly act?: readonly Field[];
  /** A permission with a premise: the fields `presupposes` reads. */
  readonly facts?: readonly Field[];
  /** Reading names, as spec/normative.json lists them (one implicit reading when absent). */
  readonly readings?: readonly string[];
  /** Whether the statement speaks of configuration C (under reading R). */
  applies(c: Config, r: string): boolean;
  /** Requirement: whether C meets it. */
  ok?(c: Config, r: string): boolean;
  /** Permission: whether C performs the permitted act. A requirement naming alternatives also permits each. */
  acts?(c: Config, r: string): boolean;
  /** Permission: the fact it takes for granted. */
  presupposes?(c: Config, r: string): boolean;
  /** A requirement: why C does not meet it, in words (for the entry's note). */
  explain?(c: Config, r: string): string;
}

/** The four flags of §8 (lines 792-795). */
export const [CWT, BFD, DDOS, PERFSEC] = QUARTET;
/** Whether the bundle advertises flag F. */
export const has = (c: Config, f: string): boolean => c.flags.includes(f);
/** Whether the bundle advertises the whole quartet. */
export const isQuartet = (c: Config): boolean => QUARTET.every((f) => has(c, f));
/** Whether the bundle advertises F and nothing else. */
export const only = (c: Config, f: string): boolean => c.flags.length === 1 && has(c, f);
/** Whether the deployment runs Coherence-BFD. */
export const runsBfd = (c: Config): boolean => c.operated.includes('bfd');
/** A deployment of the profile that shares K_op and derives K_BFD_auth by §6. */
export const perfsecKeys = (c: Config): boolean => c.adopts && c.kOpShared && c.derivation === 'perfsec-hkdf';
/** §4.2 "REQUIRED >= 2" for both factors. */
export const withinFloors = (c: Config): boolean => c.rlf >= 2 && c.bf >= 2;
