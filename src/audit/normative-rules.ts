/**
 * The normative statements of the draft as predicates (issue 18, Deliver 4): the text of each statement is data
 * (spec/normative.json: anchor, keyword, who it binds, readings); its meaning over the configuration space
 * (src/audit/normative-space.ts) is code, in a table keyed by the statement's id, written by section in
 * src/audit/normative-rules-limits.ts (§4, §9 factors), normative-rules-keys.ts (§2.1, §5, §6) and
 * normative-rules-profile.ts (§3.4, §7, §8, §9, §10). A requirement says when it applies and what it asks; a
 * permission says when it applies and which act it permits, and may take a fact for granted. Each entry declares the
 * fields it reads, so a pair of statements is searched over the product of their fields alone.
 */
import { KEY_RULES } from './normative-rules-keys.js';
import { LIMIT_RULES } from './normative-rules-limits.js';
import { PROFILE_RULES } from './normative-rules-profile.js';
import type { RuleCode } from './normative-rule.js';

/** A statement's meaning (src/audit/normative-rule.ts). */
export type { RuleCode } from './normative-rule.js';
/** What a consumer can observe of each invariant (src/audit/normative-rules-profile.ts). */
export { CONSUMER_EVIDENCE } from './normative-rules-profile.js';

/** The predicate of every normative statement of spec/normative.json, by id. */
export const RULES: Readonly<Record<string, RuleCode>> = { ...KEY_RULES, ...LIMIT_RULES, ...PROFILE_RULES };
