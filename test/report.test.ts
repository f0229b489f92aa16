/**
 * `perfsec report` (src/report): the SVG charts exist, are rendered by vega, and carry the
 * model's numbers (draft §3.3 scale points under T-JCOST-1, the T-VDOS-1 ratios at flood 1024),
 * and the HTML page is self-contained. A bad --bench file is one line and exit 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { joint } from '../model/joint-cost.js';
import { DEFAULT_POLICY } from '../model/token-bucket.js';
import { simulateAggregated } from '../model/vdos-aggregate.js';
import { draftBound } from '../model/vdos-bounds.js';
import { floodCost } from '../model/vdos-cost.js';
import { measureFloods } from '../src/calibrate/flood-measure.js';
import { measureJoint } from '../src/calibrate/joint-measure.js';
import { loadConstants } from '../src/lib/constants.js';
import { projectPath } from '../src/lib/paths.js';
import { writeReport } from '../src/report/report.js';

const draft = loadConstants();
const c = draft.constants_us;
const dir = mkdtempSync(path.join(tmpdir(), 'perfsec-report-'));
const svg = (f: string) => readFileSync(path.join(dir, f), 'utf8');

describe('perfsec report (draft §3.2, §4.3 charts)', async () => {
  // A tiny real measurement: the numbers are whatever this machine gives; only their presence is checked.
  const measurement = {
    source: 'test',
    joint: await measureJoint({ n: 20, tickMs: 50, q: 2, bundlePeriodTicks: 10, cellsK: 8 }, c, 0.5, 1),
    floods: await measureFloods(c, [1, 16], { runs: 1, durationTicks: 10 }),
  };
  const written = await writeReport(dir, draft, draft, measurement);

  test('every chart is an SVG file, and the page inlines them', () => {
    const files = ['joint-vs-n.svg', 'joint-vs-tick.svg', 'vdos-ratio.svg', 'measured-joint.svg', 'measured-vdos.svg'];
    expect(written.files).toEqual(expect.arrayContaining([...files, 'index.html']));
    for (const f of files) {
      expect(existsSync(path.join(dir, f)), f).toBe(true);
      expect(svg(f)).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    const html = svg('index.html');
    expect(html.match(/<svg/g)?.length).toBe(files.length);
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  test('the JOINT charts mark the §3.3 scale points with JOINT computed by the model', () => {
    for (const [label, n, tickMs] of [
      ['DDoS Regime C', 10_000, 50],
      ['CWT abstract ref', 1000, 1000],
      ['HFT/orbital', 10_000, 5],
    ] as const) {
      const pct = joint({ n, tickMs, q: 2, bundlePeriodTicks: 10, cellsK: 8 }, c).pctOneCore.toFixed(2);
      expect(svg('joint-vs-n.svg')).toContain(`${label}: ${pct} %`);
      expect(svg('joint-vs-tick.svg')).toContain(`${label}: ${pct} %`);
    }
    expect(svg('joint-vs-n.svg')).toContain('DDoS Regime C: 174.25 %');
  });

  test("the T-VDOS-1 chart prints the model's ratios and bounds at flood 1024", () => {
    const s = { n: 1000, tickMs: 50, coalition: 1000, floodFactor: 1024, durationTicks: 1200 };
    const withRl = floodCost(s, simulateAggregated(s, DEFAULT_POLICY), c, { rateLimited: true }).ratio;
    expect(svg('vdos-ratio.svg')).toContain(`with rate limit (model): ${withRl.toFixed(2)}`);
    expect(svg('vdos-ratio.svg')).toContain(`draft §4.3 bound: ${draftBound(s, DEFAULT_POLICY, c).toFixed(2)}`);
    expect(svg('vdos-ratio.svg')).toContain('without rate limit (model): 1024.00');
  });

  test('the measured chart prints measured / predicted JOINT from the measurement', () => {
    expect(svg('measured-joint.svg')).toContain(`JOINT measured / predicted = ${measurement.joint.ratio.toFixed(2)}`);
  });

  test('a malformed --bench file is one line and exit 2', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ joint: {} }));
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
    const r = spawnSync(
      process.execPath,
      [projectPath('bin', 'perfsec.js'), 'report', '--out', path.join(dir, 'x'), '--bench', bad],
      { encoding: 'utf8', env },
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
