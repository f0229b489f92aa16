/**
 * The errata of the draft as data (spec/errata.json, schemas/errata-v1.schema.json; issue 18, Deliver 3): one
 * erratum per root cause, each listing as symptoms the audited claims that show it; notes on the derived
 * statements whose refutation is a consequence to consider, not an erratum; and where each claim comes from
 * (`origin`: the draft's own text, or a statement the project derives). The consistency checks of this mapping
 * against an audit are in src/audit/errata-checks.ts.
 */
import { existsSync } from 'node:fs';
import { readValidated } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import { ANCHORS_FILE, loadAnchors, type AnchorsFile, type Origin } from './anchors.js';
import type { Anchor } from './anchor.js';
import type { AuditEntry } from './entry.js';

/** RFC errata types. */
export type ErratumType = 'technical' | 'editorial';
/** 1: a theorem or normative requirement; 2: a derived figure; 3: an example or rounding slip. */
export type Severity = 1 | 2 | 3;
/** Where a claim comes from: the anchored text says it, or the project tests a stronger or derived statement. */
export type { Origin };

/** One erratum: one root cause, in the RFC errata form. */
export interface Erratum {
  readonly id: string;
  readonly title: string;
  readonly anchor: Anchor;
  /** Other places of the draft the same root cause shows in. */
  readonly also?: readonly Anchor[];
  readonly type: ErratumType;
  readonly severity: Severity;
  /** The figure or the few words the draft prints. */
  readonly says: string;
  /** The project's corrected wording. */
  readonly shouldSay: string;
  /** The evidence: computation, counterexample to replay, cited document and section. */
  readonly notes: string;
  /** Ids of the audited claims that show it. */
  readonly symptoms: readonly string[];
}

/** Why a derived statement is derived, and what its refutation means. */
export interface ConsequenceNote {
  readonly claim: string;
  readonly derivedFrom: Anchor;
  readonly note: string;
}

/** A claim that holds under some admissible reading and is judged no erratum. */
export interface ReadingNote {
  readonly claim: string;
  readonly note: string;
}

/** spec/errata.json. */
export interface ErrataFile {
  readonly schema: 'perfsec-errata-v1';
  readonly about: string;
  readonly errata: readonly Erratum[];
  readonly consequences: readonly ConsequenceNote[];
  readonly holdsUnder: readonly ReadingNote[];
}

/** The errata file. */
export const ERRATA_JSON = projectPath('spec', 'errata.json');

/**
 * Statements treated as derived while spec/anchors.json does not exist (issue 18: §7 claims that a split is
 * detected, not prevented; a relabelled bundle_id is not "the same (bundle_id, bundle_seq)"; the bullet keys the BFD
 * seq per session, the per-vantage reading is one of two).
 */
export const DERIVED_UNTIL_ANCHORS: readonly string[] = [
  'T-COMP-SPLIT.no-split',
  'T-COMP-SPLIT.fcw-relabel',
  'T-RC-1.A.seq-per-vantage',
];

/** Reads and validates the errata file. */
export function loadErrata(file: string = ERRATA_JSON): ErrataFile {
  return readValidated<ErrataFile>(file, 'errata-v1');
}

/** The origins spec/anchors.json gives (src/audit/anchors.ts, schema-checked), or undefined while it does not exist. */
export function loadOrigins(file: string = ANCHORS_FILE): ReadonlyMap<string, Origin> | undefined {
  if (!existsSync(file)) return undefined;
  const anchors = file === ANCHORS_FILE ? loadAnchors() : readValidated<AnchorsFile>(file, 'anchors-v1');
  return new Map(anchors.anchors.map((a) => [a.id, a.origin] as const));
}

/**
 * The origin of an audited claim: the entry's own, else spec/anchors.json's, else (while that file does not exist)
 * derived for DERIVED_UNTIL_ANCHORS; otherwise the draft's.
 */
export function originOf(e: Pick<AuditEntry, 'id' | 'origin'>, origins?: ReadonlyMap<string, Origin>): Origin {
  if (e.origin) return e.origin;
  if (origins) return origins.get(e.id) ?? 'draft';
  return DERIVED_UNTIL_ANCHORS.includes(e.id) ? 'derived' : 'draft';
}

/** Everything the errata document needs besides the audit: the errata file and the claims' origins. */
export interface ErrataData {
  readonly file: ErrataFile;
  readonly origins?: ReadonlyMap<string, Origin>;
}

/** The committed errata data. */
export function loadErrataData(): ErrataData {
  const origins = loadOrigins();
  return origins ? { file: loadErrata(), origins } : { file: loadErrata() };
}
