/**
 * `perfsec report --wire FILE` (issue 20 Deliver 5): the bench:wire document's charts and section are in
 * the report and carry its numbers (the ±15 % count, honest losses, c_xdp beside the draft's 50 ns), and a
 * malformed document is refused on one line with exit 2 before anything is written. The fixture
 * test/fixtures/bench-wire.json is hand-made in the contract's shape (its machine says so), validated
 * against schemas/bench-wire-v1.schema.json like a real run. Rendering in a browser:
 * test/browser/report.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConstants } from '../src/lib/constants.js';
import { InputError } from '../src/lib/errors.js';
import { projectPath } from '../src/lib/paths.js';
import { writeReport } from '../src/report/report.js';
import { withinBand } from '../src/report/wire-charts.js';
import { wireFloods } from '../src/report/wire-floods-chart.js';
import { readWire, type WireDoc } from '../src/report/wire-doc.js';

const FIXTURE = projectPath('test', 'fixtures', 'bench-wire.json');
const draft = loadConstants();
const dir = mkdtempSync(path.join(tmpdir(), 'perfsec-report-wire-'));
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown> & WireDoc;

/** Writes DOC as a file and returns its path. */
function file(name: string, doc: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return f;
}

describe('perfsec report --wire', () => {
  beforeAll(async () => {
    await writeReport(path.join(dir, 'out'), draft, draft, null, readWire(FIXTURE));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the fixture says it is one, and is valid against the schema src/wire writes', () => {
    expect(fixture().machine.model).toMatch(/^FIXTURE/);
    expect(readWire(FIXTURE).doc.grid).toHaveLength(27);
  });

  test('the three wire charts are written and inlined, and carry the count within ±15 %', () => {
    for (const f of ['wire-vs-n.svg', 'wire-vs-tick.svg', 'wire-floods.svg'])
      expect(existsSync(path.join(dir, 'out', f)), f).toBe(true);
    const b = withinBand(fixture());
    expect(b).toEqual({ within: 27, points: 27 });
    expect(read('out/wire-vs-n.svg')).toContain('ledger within ±15 % of measured at 27 of 27 grid points');
    expect(read('out/index.html').match(/<svg/g)).toHaveLength(6);
  });

  test('a ledger 16 % off counts as outside the band; 15 % either way is inside', () => {
    const d = fixture();
    const grid = d.grid.map((r, i) => ({
      ...r,
      ledger_over_measured: i === 0 ? 1.16 : i === 1 ? 0.85 : i === 2 ? 1.15 : 1,
    }));
    expect(withinBand({ ...d, grid })).toEqual({ within: 26, points: 27 });
  });

  test('the flood chart prints the honest losses; the page lists them by limiter and cause, and c_xdp', () => {
    const d = fixture();
    const lost = d.floods.reduce((s, r) => s + r.honest_lost, 0);
    const sent = d.floods.reduce((s, r) => s + r.honest_sent, 0);
    const svg = read('out/wire-floods.svg');
    expect(svg).toContain(`honest packets lost: ${lost} of ${sent} sent`);
    for (const r of d.floods.filter((x) => x.honest_lost > 0)) expect(svg).toContain(`>${r.honest_lost}</text>`);
    for (const s of ['measured, no limit', 'measured, user-space limit', 'measured, XDP limit', 'corrected bound'])
      expect(svg).toContain(s);
    const html = read('out/index.html');
    expect(html).toContain(`c_xdp: ${d.c_xdp_kernel_ns!.toFixed(1)} ns per packet by the kernel`);
    const xdp1024 = d.floods.find((r) => r.limiter === 'xdp' && r.flood_factor === 1024)!;
    expect(html).toContain(
      `<td>XDP limit</td><td>1024</td><td>${xdp1024.ratio_measured.toFixed(2)}</td>` +
        `<td>${xdp1024.bound_draft.toFixed(2)}</td><td>${xdp1024.bound_corrected.toFixed(2)}</td>` +
        `<td>${xdp1024.honest_sent}</td><td>${xdp1024.honest_lost}</td>`,
    );
  });

  test('counts are printed above the loss bars only while the bars are wide enough for them', () => {
    const layers = (d: WireDoc) =>
      (wireFloods(d).spec as unknown as { vconcat: Array<{ layer?: unknown[] }> }).vconcat[1]!.layer!.length;
    const d = fixture();
    expect(layers(d)).toBe(2); // 18 bars on 560 px
    const many = d.floods.flatMap((r) =>
      Array.from({ length: 4 }, (_, k) => ({ ...r, flood_factor: r.flood_factor * 2 ** (11 * k) })),
    );
    expect(layers({ ...d, floods: many })).toBe(1); // 72 bars: the counts stay in the page's table
  });

  test('XDP not permitted: the page says why instead of a figure; grid points not carried are listed', async () => {
    const d = {
      ...fixture(),
      c_xdp_kernel_ns: null,
      xdp: { ...fixture().xdp, available: false, why: 'no CAP_BPF', parity: null },
      not_carried: [{ path: 'B', n: 10000, tick_ms: 20, intended_pps: 500000, why: 'generator fell <behind>' }],
    };
    const w = await writeReport(path.join(dir, 'noxdp'), draft, draft, null, readWire(file('noxdp.json', d)));
    expect(w.files).toContain('wire-floods.svg');
    expect(read('noxdp/index.html')).toContain('c_xdp: not measured (no CAP_BPF)');
    expect(read('noxdp/index.html')).toContain(
      '<li>path B, N = 10000, T_tick = 20 ms (500000 packets/s): generator fell &lt;behind&gt;</li>',
    );
  });

  const broken: Array<[string, () => unknown, RegExp]> = [
    ['not JSON', () => '{"schema": ', /./],
    ['another schema', () => ({ ...fixture(), schema: 'perfsec-bench-v1' }), /schema/],
    ['a field missing', () => ({ ...fixture(), floods: undefined }), /floods/],
    ['an unknown path', () => ({ ...fixture(), grid: [{ ...fixture().grid[0], path: 'D' }] }), /path/],
    ['a grid row twice', () => ({ ...fixture(), grid: [fixture().grid[0], fixture().grid[0]] }), /appears twice/],
    [
      'a zero CPU (log scale)',
      () => ({ ...fixture(), grid: [{ ...fixture().grid[0], ledger_cpu_us_per_s: 0 }] }),
      /above zero/,
    ],
    [
      'honest losses below what the limiter and the kernel dropped',
      () => ({
        ...fixture(),
        floods: [{ ...fixture().floods[0], honest_lost: 1, honest_lost_limiter: 1, honest_lost_kernel: 1 }],
      }),
      /honest_lost/,
    ],
    ['nothing to chart', () => ({ ...fixture(), grid: [], floods: [] }), /nothing to chart/],
  ];
  test.each(broken)('a malformed document is refused on one line: %s', (name, doc, why) => {
    const f = file(`bad-${name.replace(/\W+/g, '-')}.json`, doc());
    let err: unknown;
    try {
      readWire(f);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(why);
    expect((err as Error).message).not.toContain('\n');
  });

  test('the command exits 2 with one line on a malformed --wire file and writes nothing', () => {
    const bad = file('bad-cli.json', { ...fixture(), grid: [fixture().grid[0], fixture().grid[0]] });
    const out = path.join(dir, 'cli-out');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
    const r = spawnSync(process.execPath, [projectPath('bin', 'perfsec.js'), 'report', '--out', out, '--wire', bad], {
      encoding: 'utf8',
      env,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('appears twice');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});
