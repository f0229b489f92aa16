/**
 * Issue 21, `perfsec annotate`, on the Node side: every claim of the audit is marked at its anchor's first line and
 * has its note; the draft is hostile input (a line holding markup renders as text; a missing file, a folder, a text
 * that is not the draft, exit 2 with one line); the page loads nothing. The page is written from the shared audit
 * (test/fixtures/audit.ts); the browser test (test/browser/annotate.test.ts) opens it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { annotate } from '../src/annotate/annotate.js';
import { cxView } from '../src/annotate/cx-view.js';
import { listCounterexamples } from '../src/engine/counterexamples.js';
import { esc } from '../src/annotate/escape.js';
import { draftLines } from '../src/audit/anchor.js';
import type { AuditEntry } from '../src/audit/entry.js';
import { draftTextFile } from '../src/audit/draft-text.js';
import { perfsec } from './cli-harness.js';
import { sharedAudit } from './fixtures/audit.js';

const draft = draftTextFile();

/** The claims of ENTRIES the page HTML does not mark at their anchor's first line, or has no note for. */
export function unmarked(html: string, entries: readonly AuditEntry[]): string[] {
  const lineDiv = new Map<number, string>();
  for (const m of html.matchAll(/<div class="ln[^"]*" id="L(\d+)"[^>]*>.*?<\/div>/g)) lineDiv.set(Number(m[1]), m[0]);
  return entries.flatMap((e) => {
    if (!e.anchor) return [`${e.id}: no anchor`];
    const [from, to] = e.anchor.lines;
    const attr = `data-claim="${esc(e.id)}"`;
    const problems: string[] = [];
    if (!lineDiv.get(from)?.includes(`${attr} `)) problems.push(`${e.id}: no mark at line ${from}`);
    for (let l = from; l <= to; l++)
      if (!/^<div class="ln marked/.test(lineDiv.get(l) ?? '')) problems.push(`${e.id}: line ${l} not marked`);
    if (!new RegExp(`<aside class="note [^"]*" id="c\\d+" ${attr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(html))
      problems.push(`${e.id}: no note`);
    return problems;
  });
}

/** The hooks' budget: vitest's default (10 s) is too short for the shared audit on a loaded machine. */
const HOOK_TIMEOUT_MS = 60_000;

describe('counterexamples as tables', () => {
  const views = listCounterexamples().map((f) => cxView(path.basename(f, '.json')));

  test('each T-RC-1 step table raises, at its step, the error stored with the counterexample', () => {
    const rc = views.flatMap((v) => (v.body.kind === 'rc' ? [{ v, steps: v.body.table.steps }] : []));
    expect(rc.length).toBeGreaterThanOrEqual(8);
    for (const { v, steps } of rc) expect(steps.find((s) => s.violation)?.violation, v.id).toBe(v.error);
  });

  test('each split view shows the split or an honest witness that cosigned both views', () => {
    const split = views.flatMap((v) => (v.body.kind === 'split' ? [{ v, t: v.body.table }] : []));
    expect(split.length).toBeGreaterThanOrEqual(4);
    for (const { v, t } of split)
      expect(t.split || t.rows.some((r) => !r.compromised && r.cosignedA && r.cosignedB), v.id).toBe(true);
  });

  test('each flood or honest stream adds up per tick; the honest ones drop a packet', () => {
    const floods = views.flatMap((v) => (v.body.kind === 'flood' ? [{ v, t: v.body.table }] : []));
    expect(floods.length).toBeGreaterThanOrEqual(4);
    for (const { v, t } of floods) {
      expect(t.ticksLeftOut, v.id).toBe(0);
      expect(
        t.ticks.reduce((s, x) => s + x.admitted, 0),
        v.id,
      ).toBe(t.total.admitted);
      expect(t.ticks.every((x) => x.arrived === x.admitted + x.dropped)).toBe(true);
    }
    const honest = floods.filter(({ t }) => t.setting.startsWith('one honest path'));
    expect(honest.map(({ v }) => v.id)).toEqual(['CX-T-VDOS-1-004', 'CX-T-VDOS-1-005']);
    for (const { t } of honest) expect(t.total.admitted).toBeLessThan(t.total.arrived);
  });
});

describe.skipIf(draft === undefined)(`perfsec annotate${draft ? '' : ' (skipped: no draft text in ../shared)'}`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfsec-annotate-'));
  const out = path.join(dir, 'out');
  let html = '';

  // the shared audit and the page take seconds, more on a loaded machine: the hook gets the tests' timeout
  beforeAll(async () => {
    await annotate(draft!, out, { seed: 0, runs: 0, audit: sharedAudit() });
    html = readFileSync(path.join(out, 'index.html'), 'utf8');
  }, HOOK_TIMEOUT_MS);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every audited claim is marked at its anchor, its lines tinted, with its note', () => {
    const entries = sharedAudit().entries;
    expect(entries.length).toBeGreaterThan(100);
    expect(unmarked(html, entries)).toEqual([]);
    // the check can fail: the page with one claim's chip removed, and with one line's mark removed
    const e = entries.find((x) => x.id === 'T-VDOS-1.bound')!;
    const chip = new RegExp(`<button type="button" class="chip[^"]*" data-claim="${e.id}" [^>]*>[^<]*</button>`);
    expect(unmarked(html.replace(chip, ''), entries)).toEqual([`${e.id}: no mark at line ${e.anchor!.lines[0]}`]);
    const line = `<div class="ln marked v-refuted" id="L${e.anchor!.lines[1]}"`;
    expect(html).toContain(line);
    expect(unmarked(html.replace(line, `<div class="ln" id="L${e.anchor!.lines[1]}"`), entries)).toEqual([
      `${e.id}: line ${e.anchor!.lines[1]} not marked`,
    ]);
  });

  test('notes link to the property line and the counterexample file; counterexamples are tables', () => {
    expect(html).toMatch(/href="[^"]*properties\/t-vdos-1\.prop\.ts#L\d+">properties\/t-vdos-1\.prop\.ts#L\d+<\/a>/);
    expect(html).toMatch(/href="[^"]*spec\/counterexamples\/CX-T-RC-1-003\.json">/);
    const cx = html.split('id="cx-CX-T-RC-1-003"')[1]!.split('</section>')[0]!;
    expect(cx).toContain('<th>broker state after</th>');
    expect(cx).toContain('rejected bfd-replay (seq 1, last 2)');
    expect(cx).toContain('npx perfsec replay spec/counterexamples/CX-T-RC-1-003.json');
    const split = html.split('id="cx-CX-T-COMP-SPLIT-002"')[1]!.split('</section>')[0]!;
    expect(split).toContain('<th>cosigned view A</th>');
    const flood = html.split('id="cx-CX-T-VDOS-1-001"')[1]!.split('</section>')[0]!;
    expect(flood).toMatch(/<th>admitted<\/th><th>dropped<\/th>/);
  });

  test("each corrected claim's note shows how it was checked (the audit's checked field)", () => {
    const withChecked = sharedAudit().entries.filter((e) => e.checked);
    const missing = (page: string) =>
      withChecked.flatMap((e) => {
        const notes = page.split('<aside class="note').map((a) => a.split('</aside>')[0]!);
        const n = notes.slice(1).find((a) => a.split('>')[0]!.includes(`data-claim="${esc(e.id)}"`)) ?? '';
        const k = e.checked!;
        const want = [
          ...(k.random_cases === null ? [] : [`searched ${k.random_cases} random cases`]),
          ...(k.exhaustive ? [`up to depth ${k.exhaustive.depth}`] : []),
          ...(!k.exhaustive && k.verify_default ? [`npx perfsec verify ${k.verify_default.target}`] : []),
        ];
        return want.filter((w) => !n.includes(esc(w))).map((w) => `${e.id}: no "${w}"`);
      });
    expect(withChecked.length).toBeGreaterThan(0);
    expect(missing(html)).toEqual([]);
    // the check can fail: a page without the verify scopes
    if (withChecked.some((e) => !e.checked!.exhaustive && e.checked!.verify_default))
      expect(missing(html.replace(/exhaustive scope of <code>npx perfsec verify /g, 'x'))).not.toEqual([]);
  });

  test('self-contained: no element loads anything, and a Content Security Policy forbids it', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'`);
    expect(html).not.toMatch(/<(script|img|link|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/\s(src|href|action)="[a-z]+:/i); // links are relative paths and #anchors only
    const style = html.split('<style>')[1]!.split('</style>')[0]!;
    expect(style).not.toMatch(/url\(|@import|@font-face/);
  });

  test('a draft line holding markup renders as text', async () => {
    const lines = [...draftLines(readFileSync(draft!, 'utf8'))];
    lines[1] = `<script>alert("x")</script> & <b onclick='y'>`; // line 2 is blank in the draft: no anchor there
    const file = path.join(dir, 'hostile.txt');
    writeFileSync(file, lines.join('\n'));
    const o = path.join(dir, 'hostile');
    await annotate(file, o, { seed: 0, runs: 0, audit: sharedAudit() });
    const page = readFileSync(path.join(o, 'index.html'), 'utf8');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=&#39;y&#39;&gt;');
    expect(page).not.toContain('<script>alert');
    expect(page.match(/<script>/g)).toHaveLength(1); // the page's own
  });

  test('bad input exits 2, one line: no such file, a folder, a text not the draft, a bad folder', async () => {
    const notDraft = path.join(dir, 'other.txt');
    writeFileSync(notDraft, 'Internet-Draft\nsome other text\n'.repeat(600));
    const shifted = path.join(dir, 'shifted.txt'); // the draft with one line inserted: as many lines, words moved
    const lines = draftLines(readFileSync(draft!, 'utf8'));
    writeFileSync(shifted, ['inserted', ...lines.slice(0, 1002), ...lines.slice(1003)].join('\n'));
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    mkdirSync(path.join(dir, 'folder'));
    const cases: Array<[string[], RegExp]> = [
      [['--draft', path.join(dir, 'missing.txt')], /missing\.txt: no such file/],
      [['--draft', path.join(dir, 'folder')], /folder: is a directory/],
      [['--draft', notDraft], /other\.txt: not the draft: 1200 lines, the draft has 1003/],
      [['--draft', shifted], /shifted\.txt: not the draft: anchor [^ ]+ \(draft §[^)]+\): not in lines \d+/],
      [['--draft', draft!, '--out', path.join(file, 'x')], /is not a folder/],
    ];
    for (const [args, expected] of cases) {
      const r = await perfsec('annotate', ...args, ...(args.includes('--out') ? [] : ['--out', path.join(dir, 'o2')]));
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^perfsec: error: [^\n]+\n$/); // one line, and nothing else
      expect(r.stderr).toMatch(expected);
      expect(r.stdout).toBe('');
    }
  });
});
