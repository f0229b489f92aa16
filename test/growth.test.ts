/**
 * Growth and magnitude words (src/audit/growth.ts, spec/growth.json): the definitions of model/growth.ts on functions
 * whose growth is known, each claim anchored where the draft says it, each verdict computed by the verdict rule from
 * its search and pinned, and mutants (a model whose cost really is sublinear or constant, a wrong slope) that move
 * the verdicts the way the definitions say.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  asymptotics,
  doublingGrid,
  isLinear,
  isSublinear,
  isSubProportional,
  nearestOrder,
  orderBand,
  spread,
  threshold,
} from '../model/growth.js';
import { account } from '../model/ledger.js';
import { noFilter } from '../model/nic.js';
import { TABLE_DEFAULTS } from '../model/deployment.js';
import { floodRatio } from '../model/flood-ratio.js';
import { DEFAULT_POLICY } from '../model/token-bucket.js';
import { simulateAggregated } from '../model/vdos-aggregate.js';
import { floodCost } from '../model/vdos-cost.js';
import { anchorProblem, draftLines } from '../src/audit/anchor.js';
import { draftTextFile } from '../src/audit/draft-text.js';
import { growthEntries, growthEntry, loadGrowthClaims, type GrowthClaim } from '../src/audit/growth.js';
import { ruleVerdict, type ClaimVerdict } from '../src/lib/claim-verdict.js';
import { DRAFT_CONSTANTS } from '../src/lib/constants.js';

const claims = loadGrowthClaims().claims;
const claim = (id: string): GrowthClaim => claims.find((g) => g.id === id)!;
const entries = growthEntries();
const byId = new Map(entries.map((e) => [e.id, e]));

describe('the definitions (model/growth.ts) on functions of known growth', () => {
  const xs = doublingGrid(1, 2 ** 16);
  const of = (f: (x: number) => number) => asymptotics(xs, xs.map(f));

  test.each([
    ['affine with a large intercept, 4 + 0.0057 x', true, false, true, (x: number) => 4 + 0.0057 * x],
    ['proportional, 3 x', true, false, false, (x: number) => 3 * x],
    ['square root', false, true, true, (x: number) => Math.sqrt(x)],
    ['logarithm', false, true, true, (x: number) => Math.log(1 + x)],
    ['constant', false, true, true, () => 4],
    ['x log x', false, false, false, (x: number) => x * Math.log(1 + x)],
    ['square', false, false, false, (x: number) => x * x],
  ] as const)('%s: linear %s, sublinear %s, sub-proportional %s', (_, linear, sublinear, subProportional, f) => {
    expect(isLinear(of(f))).toBe(linear);
    expect(isSublinear(of(f))).toBe(sublinear);
    expect(isSubProportional(xs.map(f))).toBe(subProportional);
  });

  test('a linear function: ratio(x)/x tends to its slope and f(2x)/f(x) to 2', () => {
    const a = of((x) => 4 + 0.0057 * x);
    expect(a.slope).toBeCloseTo(0.0057, 12);
    // f(x)/x still carries the intercept at the grid's top (4 / 2^16): the secant slope does not
    expect(a.perX - 0.0057).toBeCloseTo(4 / 2 ** 16, 12);
    expect(a.doubling).toBeCloseTo(2, 1);
  });

  test('orders of magnitude: nearest order and band differ between 10^2.5 and 10^3', () => {
    expect([nearestOrder(830), orderBand(830)]).toEqual([3, 2]);
    expect([nearestOrder(198), orderBand(198)]).toEqual([2, 2]);
    expect(spread([2, 4, 8])).toBe(4);
  });

  test('threshold finds where a monotone predicate turns true, or says it never does', () => {
    expect(threshold((x) => x >= 5.87, 2, 100, 1e-9)).toBeCloseTo(5.87, 6);
    expect(threshold((x) => x >= 500, 2, 100)).toBeUndefined();
    expect(threshold(() => true, 2, 100)).toBe(2);
  });

  test('a doubling grid is required (a grid that does not double is refused)', () => {
    expect(() => asymptotics([1, 2, 3], [1, 2, 3])).toThrow(/double/);
  });
});

describe('spec/growth.json', () => {
  test('ids are unique and every claim declares the draft or the sentence it derives from', () => {
    expect(new Set(claims.map((g) => g.id)).size).toBe(claims.length);
    for (const g of claims) if (g.origin === 'derived') expect(g.derived_from, g.id).toBeTruthy();
  });

  const draft = draftTextFile();
  test.runIf(draft !== undefined)('every anchor stands in the draft text (../shared/spec)', () => {
    const lines = draftLines(readFileSync(draft!, 'utf8'));
    for (const g of claims) expect(anchorProblem(g.anchor, lines), g.id).toBeUndefined();
  });
  test.skipIf(draft !== undefined)('anchors NOT checked: the draft text was not found (set PERFSEC_DRAFT)', () => {});

  test.runIf(draft !== undefined)('an anchor whose words are not in its lines is caught', () => {
    const lines = draftLines(readFileSync(draft!, 'utf8'));
    const g = claim('GROWTH-4.3-b-sublinear');
    expect(anchorProblem({ ...g.anchor, lines: [560, 561] }, lines)).toMatch(/SUBLINEARLY/);
  });
});

describe('the growth audit', () => {
  const pinned: Record<string, ClaimVerdict> = {
    'GROWTH-Abstract-orders-diverge': 'holds under',
    'GROWTH-Abstract-near-constant': 'holds under',
    'GROWTH-Abstract-linear-blowup': 'holds',
    'GROWTH-1.1-linear-pps': 'holds',
    'GROWTH-1.1-200-times': 'holds within rounding',
    'GROWTH-2.2-far-above': 'holds',
    'GROWTH-2.2-saturate': 'holds under',
    'GROWTH-3.1-small-fixed': 'holds under',
    'GROWTH-3.1-amortized': 'holds under',
    'GROWTH-3.2-independent-of-attack-rate': 'holds',
    'GROWTH-3.3-200-times': 'holds within rounding',
    'GROWTH-4.2-jitter-shrinks': 'holds',
    'GROWTH-4.3-a-saturates': 'refuted',
    'GROWTH-4.3-b-sublinear': 'holds under',
    'GROWTH-4.3-no-rl-linear': 'holds',
    'GROWTH-4.4-near-constant-sublinear': 'holds under',
    'GROWTH-9-unbounded-linear': 'holds',
    'GROWTH-A-two-orders': 'holds under',
  };

  test('every claim is audited once, with the verdict the project pins', () => {
    expect(Object.fromEntries(entries.map((e) => [e.id, e.verdict]))).toEqual(pinned);
  });

  test.each(entries.map((e) => [e.id, e] as const))('%s: anchored, searched, verdict by the rule', (_, e) => {
    expect(e.kind).toBe('growth');
    expect(e.origin).toBe(claim(e.id).origin);
    expect(e.anchor).toEqual(claim(e.id).anchor);
    expect(e.section).toBe(e.anchor.section);
    const s = e.choices!;
    expect(s.open.length).toBeGreaterThan(0);
    expect(s.points).toBeGreaterThanOrEqual(s.outcomes.filter((o) => o.holds).length);
    expect(s.outcomes.length).toBeGreaterThan(0);
    // a finding names what would reproduce the text, or shows that nothing does
    if (e.verdict === 'holds under') expect(s.outcomes.some((o) => o.holds)).toBe(true);
    if (e.verdict === 'refuted') expect(s.outcomes.every((o) => !o.holds)).toBe(true);
    // no control characters reach a report
    expect(JSON.stringify(e)).not.toMatch(/\\u00[01]/);
  });

  test('SUBLINEARLY (§4.3 b): ratio(f)/f tends to c_xdp / c_path (or twice it), not to 0', () => {
    const e = byId.get('GROWTH-4.3-b-sublinear')!;
    const asymptotic = e.choices!.outcomes.filter((o) => o.choice.startsWith('sublinear'));
    expect(asymptotic.length).toBe(3);
    for (const o of asymptotic) expect(o.holds, o.choice).toBe(false);
    expect(e.note).toMatch(/0\.005747/);
  });

  test('mutant: with a free lookup (c_xdp = 0) the rate-limited cost stops growing, and SUBLINEARLY holds', () => {
    const e = growthEntry(claim('GROWTH-4.3-b-sublinear'), { ...DRAFT_CONSTANTS, c_xdp: 0 });
    const asymptotic = e.choices!.outcomes.filter((o) => o.choice.startsWith('sublinear'));
    for (const o of asymptotic) expect(o.holds, o.choice).toBe(true);
  });

  test('mutant: with c_xdp = 0 the §4.3 factor is the constant rate_limit_factor, and near-constant holds', () => {
    expect(growthEntry(claim('GROWTH-Abstract-near-constant'), { ...DRAFT_CONSTANTS, c_xdp: 0 }).verdict).toBe('holds');
  });

  test('mutant: a wrong slope (2) for the unprotected ratio is refuted', () => {
    const g = claim('GROWTH-4.3-no-rl-linear');
    expect(growthEntry({ ...g, params: { ...g.params, slope: 2 } }).verdict).toBe('refuted');
  });

  test('mutant: a check whose points all reproduce gives holds; none, refuted (the verdict rule decides)', () => {
    const g = claim('GROWTH-2.2-far-above');
    const fixed = (points: Array<'holds' | 'refuted'>) => () => ({
      open: [],
      method: 'test',
      points,
      outcomes: points.map((p) => ({ choice: p, value: '', holds: p === 'holds' })),
      note: '',
    });
    expect(growthEntry(g, DRAFT_CONSTANTS, fixed(['holds', 'holds'])).verdict).toBe('holds');
    expect(growthEntry(g, DRAFT_CONSTANTS, fixed(['refuted', 'refuted'])).verdict).toBe('refuted');
    expect(growthEntry(g, DRAFT_CONSTANTS, fixed(['holds', 'refuted'])).verdict).toBe(
      ruleVerdict(['holds', 'refuted']),
    );
  });

  test('the flood ratio does not depend on N when every vantage floods (why the checks simulate one vantage)', () => {
    const scenario = (n: number) => ({ n, tickMs: 50, coalition: n, floodFactor: 64, durationTicks: 200 });
    const policy = { ...DEFAULT_POLICY, capacity: 'ticks' as const };
    const ratio = (n: number) =>
      floodCost(scenario(n), simulateAggregated(scenario(n), policy), DRAFT_CONSTANTS, { rateLimited: true }).ratio;
    const s = { tickMs: 50, rateLimitFactor: 4, burstFactor: 8, capacity: 'ticks' as const, xdpPerPair: false };
    expect(ratio(1000)).toBeCloseTo(ratio(1), 12);
    expect(floodRatio({ ...s, durationS: 10 }, 64, DRAFT_CONSTANTS, true)).toBeCloseTo(ratio(1000), 12);
    // below rate_limit_factor every packet is admitted and pays c_xdp: ratio f (1 + 2 c_xdp / c_path)
    expect(floodRatio({ ...s, durationS: 10 }, 3, DRAFT_CONSTANTS, true)).toBeCloseTo(3 * (1 + (2 * 0.05) / 8.7), 9);
  });

  test('INDEPENDENT of R holds because of I1: without it the same ledger grows with R', () => {
    const d = { ...TABLE_DEFAULTS, n: 10, tickMs: 50 };
    const t = (attackPps: number) => ({ bundlePeriods: 1, vantagePhasesUs: [], cellPhasesUs: [], attackPps });
    expect(account(d, t(10_000), DRAFT_CONSTANTS, noFilter).usPerSecond).toBeGreaterThan(
      account(d, t(0), DRAFT_CONSTANTS, noFilter).usPerSecond,
    );
  });

  test('"approximately two orders" (App. A): 830x is the band of two orders but nearest to three', () => {
    const e = byId.get('GROWTH-A-two-orders')!;
    expect(e.choices!.outcomes.map((o) => o.holds)).toEqual([false, true]);
    expect(e.choices!.outcomes[0]!.value).toMatch(/^829\.\dx = 10\^2\.92/);
  });
});
