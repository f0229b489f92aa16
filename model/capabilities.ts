/**
 * The capability quartet (draft §8): the consumer rule, and conformance of a deployment
 * description (schemas/perfsec-deployment-v1.schema.json) to the four flags and I-PS-1..I-PS-5.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { dualModeOf, parseCheckpoint } from './checkpoint.js';
import type { CostConstants } from './constants.js';
import { deriveBfdAuthKey, READINGS, CANONICAL_READING } from './hkdf.js';
import { joint } from './joint-cost.js';

/** The four flags, the fourth being this profile's (draft §8, §10). */
export const QUARTET = ['cwt-profile-v1', 'coherence-bfd-v1', 'ddos-resilience-v1', 'perfsec-coupling-v1'] as const;
const [CWT, BFD, DDOS, PERFSEC] = QUARTET;

/** The joint operational hypotheses of draft §8. */
export interface Hypotheses {
  readonly insider_flood_plausible: boolean;
  readonly byzantine_fraction: number;
}

/**
 * How to read §8's consumer rule: 'literal' rejects a bundle with ANY of the first three flags
 * but not the fourth (so a CWT-only bundle too, against §8's next paragraph: CWT-only MAY ignore
 * the profile); 'composed' rejects only bundles that advertise CWT with BFD or DDoS (a composed
 * deployment). The code uses 'literal' and reports the conflict.
 */
export type ConsumerReading = 'literal' | 'composed';

/** Draft §8 consumer rule: whether a consumer accepts a bundle with FLAGS under H. */
export function consumerAccepts(
  flags: readonly string[],
  h: Hypotheses,
  reading: ConsumerReading = 'literal',
): { accept: boolean; reason: string } {
  const joint = h.insider_flood_plausible || h.byzantine_fraction > 0;
  const has = (f: string): boolean => flags.includes(f);
  const trigger = reading === 'literal' ? [CWT, BFD, DDOS].some(has) : has(CWT) && (has(BFD) || has(DDOS));
  if (joint && trigger && !has(PERFSEC))
    return {
      accept: false,
      reason: `advertises ${[CWT, BFD, DDOS].filter(has).join(', ')} without ${PERFSEC} while joint hypotheses hold`,
    };
  return {
    accept: true,
    reason: joint
      ? has(PERFSEC)
        ? 'perfsec-coupling-v1 advertised'
        : 'no composed flag advertised'
      : 'joint hypotheses do not hold',
  };
}

/** A deployment description (schemas/perfsec-deployment-v1.schema.json). */
export interface DeploymentDescription {
  readonly name: string;
  readonly capability_flags: readonly string[];
  readonly hypotheses: Hypotheses;
  readonly rate_limit: { enforced_at: string; before_hmac: boolean; rate_limit_factor: number; burst_factor: number };
  readonly keys: {
    shares_k_op: boolean;
    bfd_key_derivation: 'perfsec-hkdf-v1' | 'legacy';
    sample?: {
      operator_id: string;
      k_op_hex: string;
      discriminators: [number, number];
      epoch_id: number;
      k_bfd_auth_hex: string;
    };
  };
  readonly checkpoint: { sample_body: string; values_in_leaf?: boolean };
  readonly replay: {
    bfd_seq_rule: boolean;
    cwt_counter_rule: boolean;
    combine: string;
    bfd_seq_resets_at_epoch: boolean;
  };
  readonly dimensioning: {
    n: number;
    t_tick_ms: number;
    q: number;
    cells_k: number;
    bundle_period_ticks: number;
    broker_cores: number;
    receipt_schema_reproduced: boolean;
  };
}

/** One requirement's verdict. */
export interface Finding {
  readonly id: string;
  readonly section: string;
  readonly pass: boolean;
  readonly detail: string;
}

function flagsFinding(d: DeploymentDescription): Finding {
  const missing = QUARTET.filter((f) => !d.capability_flags.includes(f));
  return {
    id: 'CAP-FLAGS',
    section: '§8',
    pass: missing.length === 0,
    detail: missing.length === 0 ? 'all four flags advertised' : `missing ${missing.join(', ')}`,
  };
}

function ips1(r: DeploymentDescription['rate_limit']): Finding {
  const bad: string[] = [];
  if (r.enforced_at !== 'xdp' && r.enforced_at !== 'nic')
    bad.push(`enforced at ${r.enforced_at}, not the NIC/XDP fast path (§4.1)`);
  if (!r.before_hmac) bad.push('rate limit runs after HMAC verification (§4.1)');
  // draft §4.2 REQUIRED >= 2; §8 "at or stricter than" the defaults 4 and 8 (stricter = smaller)
  if (r.rate_limit_factor < 2 || r.rate_limit_factor > 4)
    bad.push(`rate_limit_factor ${r.rate_limit_factor} outside [2, 4]`);
  if (r.burst_factor < 2 || r.burst_factor > 8) bad.push(`burst_factor ${r.burst_factor} outside [2, 8]`);
  return {
    id: 'I-PS-1',
    section: '§4.1-§4.2',
    pass: bad.length === 0,
    detail: bad.join('; ') || `${r.enforced_at}, before HMAC, factors ${r.rate_limit_factor}/${r.burst_factor}`,
  };
}

function ips2(k: DeploymentDescription['keys']): Finding {
  if (!k.shares_k_op)
    return {
      id: 'I-PS-2',
      section: '§6',
      pass: true,
      detail: `K_op not shared: ${k.bfd_key_derivation} derivation allowed (mixed deployment, §6)`,
    };
  if (k.bfd_key_derivation !== 'perfsec-hkdf-v1')
    return { id: 'I-PS-2', section: '§6', pass: false, detail: 'K_op shared but K_BFD_auth not derived per §6' };
  if (!k.sample)
    return {
      id: 'I-PS-2',
      section: '§6',
      pass: true,
      detail: 'declares the §6 derivation (no sample key to recompute)',
    };
  const s = k.sample;
  const input = {
    operatorId: s.operator_id,
    kOp: hexToBytes(s.k_op_hex),
    discriminators: s.discriminators,
    epochId: s.epoch_id,
  } as const;
  const matching = READINGS.filter((r) => bytesToHex(deriveBfdAuthKey(input, r)) === s.k_bfd_auth_hex).map(
    (r) => r.name,
  );
  const pass = matching.includes(CANONICAL_READING.name);
  return {
    id: 'I-PS-2',
    section: '§6',
    pass,
    detail: pass
      ? 'sample K_BFD_auth recomputed (hex-lower reading)'
      : matching.length > 0
        ? // Stryker disable next-line StringLiteral: each other reading changes one byte string of hex-lower in its
          // own way, so no two of them derive one key without hex-lower: the separator never shows
          `sample key follows the '${matching.join(', ')}' reading of §6, not hex-lower`
        : 'sample K_BFD_auth matches no reading of §6',
  };
}

function ips3(c: DeploymentDescription['checkpoint']): Finding {
  const body = parseCheckpoint(c.sample_body);
  const dm = body.ok ? dualModeOf(body.value) : body;
  const caveat = c.values_in_leaf
    ? ''
    : '; values only in the extra field: C2SP witnesses do not compare extension lines ' +
      '(see T-COMP-SPLIT.c2sp-one-body)';
  return {
    id: 'I-PS-3',
    section: '§7',
    pass: dm.ok,
    detail: dm.ok ? `dual-mode values bound for bundle_seq ${dm.value.bundleSeq}${caveat}` : dm.reason,
  };
}

function ips4(r: DeploymentDescription['replay']): Finding {
  const bad: string[] = [];
  if (!r.bfd_seq_rule || !r.cwt_counter_rule || r.combine !== 'and')
    bad.push(`acceptance must be the AND of both counter rules (got ${r.combine})`);
  if (r.bfd_seq_resets_at_epoch) bad.push('BFD seq must not reset at the epoch boundary');
  return {
    id: 'I-PS-4',
    section: '§5',
    pass: bad.length === 0,
    detail: bad.join('; ') || 'AND of BFD seq and CWT counter, BFD seq kept across epochs',
  };
}

function ips5(d: DeploymentDescription['dimensioning'], c: CostConstants): Finding {
  const j = joint(
    { n: d.n, tickMs: d.t_tick_ms, q: d.q, cellsK: d.cells_k, bundlePeriodTicks: d.bundle_period_ticks },
    c,
  );
  const pass = d.broker_cores >= j.usPerSecond / 1e6 && d.receipt_schema_reproduced;
  return {
    id: 'I-PS-5',
    section: '§3.2, §3.4',
    pass,
    detail:
      `JOINT ${(j.usPerSecond / 1e6).toFixed(3)} cores, broker has ${d.broker_cores}` +
      (d.receipt_schema_reproduced ? '' : '; receipt schema not reproduced'),
  };
}

/** Draft §8: conformant iff all four flags AND I-PS-1..I-PS-5. */
export function conformance(
  d: DeploymentDescription,
  c: CostConstants,
): { conformant: boolean; findings: Finding[]; consumer: { accept: boolean; reason: string } } {
  const findings = [
    flagsFinding(d),
    ips1(d.rate_limit),
    ips2(d.keys),
    ips3(d.checkpoint),
    ips4(d.replay),
    ips5(d.dimensioning, c),
  ];
  return {
    conformant: findings.every((f) => f.pass),
    findings,
    consumer: consumerAccepts(d.capability_flags, d.hypotheses),
  };
}
