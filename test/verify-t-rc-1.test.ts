/**
 * T-RC-1 under `perfsec verify` (issue 19, Deliver 1 and 2), in small scopes: each claim pinned as refuted shows a
 * counterexample no longer than its stored one, which replays on a fresh world through the property's own
 * predicate and lies in the rig's generator domain; each holding claim shows none; a broken broker, a check that
 * always fails and a step that does not copy the world are caught; a copied step agrees with a run from scratch.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { faithfulBroker } from '../model/broker.js';
import type { CommandJson } from '../properties/t-rc-1/commands.js';
import { reasonOutside } from '../src/engine/generator-domain.js';
import { projectPath } from '../src/lib/paths.js';
import { explore, type Explorable } from '../src/verify/explore.js';
import { defaultScope, type Scope, type VerifyTarget } from '../src/verify/target.js';
import { rcClaim, STORED_COMMANDS, T_RC_1_TARGETS, tRc1Targets } from '../src/verify/t-rc-1.js';
import { brokerFields, Interner, stateKey } from '../src/verify/t-rc-1-key.js';
import { rcModel, type RcNode } from '../src/verify/t-rc-1-model.js';
import { replayTrace, traceCommands } from '../src/verify/t-rc-1-trace.js';
import { runLive, type WorldCopy } from '../src/verify/t-rc-1-world.js';
import { RC_MUTANTS } from './mutants/t-rc-1.js';

const target = (id: string, targets: readonly VerifyTarget[] = T_RC_1_TARGETS) => {
  const t = targets.find((x) => x.claim === id);
  if (!t) throw new Error(`no target ${id}`);
  return t;
};
/** Small scopes for a test: one session of v1 (two where the claim needs them), two packets. */
const small = (t: VerifyTarget, over: Scope = {}): Scope => ({
  ...defaultScope(t),
  sessions: 1,
  inflight: 2,
  packets: 2,
  ...over,
});
const refuted = T_RC_1_TARGETS.filter((t) => t.refutedWithin !== undefined).map((t) => t.claim);
const holding = T_RC_1_TARGETS.filter((t) => t.refutedWithin === undefined).map((t) => t.claim);

/** The shortest counterexample breadth first finds in the small scope; shorter than stored where shrinking stalled. */
const SHORTEST: Readonly<Record<string, number>> = {
  'T-RC-1.A.iff-printed': 2, // stored 3: emit, forge(bump); the last emit is after the violation
  'T-RC-1.A.reasons-printed': 2, // stored 3, likewise
  'T-RC-1.A.proof-honest-stream': 4,
  'T-RC-1.A.seq-per-vantage': 4,
  'T-RC-1.A.carried-overlap': 5, // stored 6: the final drop is after the violation
  'T-RC-1.A.rfc5880-seq-memory': 4,
  'T-RC-1.B.replay-by-a': 4, // stored 5: the final emit is after the violation
  'T-RC-1.B.forge-by-a': 3,
};

/** Where a claim needs more, or its counterexample needs no forgery (the widest branching), the small scope says so. */
const SCOPES: Readonly<Record<string, Scope>> = {
  'T-RC-1.A.seq-per-vantage': { sessions: 2, forges: 0 },
  'T-RC-1.A.proof-honest-stream': { forges: 0 },
  'T-RC-1.A.carried-overlap': { forges: 0, advances: 1 },
  'T-RC-1.A.rfc5880-seq-memory': { forges: 0 },
  'T-RC-1.B.replay-by-a': { forges: 0 },
};

describe('T-RC-1 claims pinned as refuted: found exhaustively at the stored length or shorter', () => {
  test('refutedWithin is the command count of each stored counterexample', () => {
    for (const t of T_RC_1_TARGETS.filter((x) => x.refutedWithin !== undefined)) {
      const cx = rcClaim(faithfulBroker, t.claim).refutedBy!;
      const stored = JSON.parse(readFileSync(projectPath('spec', 'counterexamples', `${cx}.json`), 'utf8')) as {
        property: string;
        value: [unknown, { commands: unknown[] }];
      };
      expect(stored.value[1].commands.length, cx).toBe(t.refutedWithin);
      expect(STORED_COMMANDS[cx]).toBe(t.refutedWithin);
    }
    expect(refuted).toHaveLength(8);
  });

  test.each(refuted)('%s', (id) => {
    const t = target(id);
    const scope = small(t, SCOPES[id]);
    const r = explore(t.model(scope), { maxDepth: t.refutedWithin!, maxStates: 100_000 });
    const cx = r.counterexample!;
    expect(cx, `no counterexample: ${JSON.stringify(r)}`).toBeDefined();
    expect(cx.trace.length - 1).toBe(SHORTEST[id]);
    expect(cx.trace.length - 1).toBeLessThanOrEqual(t.refutedWithin!);
    const c = rcClaim(faithfulBroker, id);
    expect(replayTrace(c, cx.trace)).toBe(cx.violation); // the same violation on a fresh world, through the rig
    const { params, commands } = traceCommands(cx.trace);
    expect(reasonOutside(c.arbitraries[0], params, 'world')).toBeNull();
    const list = { commands: commands.map((cmd) => ({ cmd, hasRan: true })) };
    expect(reasonOutside(c.arbitraries[1]!, list, 'commands')).toBeNull();
  });
});

test("every command the widest scope enables lies in the rig's generator domain", () => {
  const t = target('T-RC-1.A.iff');
  const widest = Object.fromEntries(Object.entries(t.scope).map(([k, p]) => [k, p.max]));
  const m = rcModel(rcClaim(faithfulBroker, t.claim), widest);
  let n = [...m.initial()][0]!;
  for (const j of [...m.actions(n)].filter((x) => x.op === 'emit')) n = m.step(n, j); // every emission: 3 + 2
  n = m.step(n, { op: 'deliver', i: 0 });
  const commands = [...m.actions(n)];
  expect(new Set(commands.map((j) => j.op))).toEqual(
    new Set(['emit', 'deliver', 'drop', 'replay', 'forge', 'advance']),
  );
  const domain = rcClaim(faithfulBroker, t.claim).arbitraries[1]!;
  for (const cmd of commands)
    expect(reasonOutside(domain, { commands: [{ cmd, hasRan: true }] }, 'commands')).toBeNull();
});

describe('T-RC-1 holding claims: no counterexample in a small scope', () => {
  test.each(holding)('%s', (id) => {
    const t = target(id);
    const r = explore(t.model({ ...small(t), sessions: 2, depth: 3 }), { maxDepth: 3, maxStates: 100_000 });
    expect(r.counterexample?.violation).toBeUndefined();
    expect(r).toMatchObject({ complete: true, depth: 3 });
  });
});

/** The broker that drops predicate (a) (test/mutants/t-rc-1.ts): a push replayed is accepted again. */
const dropA = RC_MUTANTS.find((m) => m.name.startsWith('drop-a:'))!.subject;

describe('T-RC-1 verify can fail', () => {
  test('a broker without predicate (a) is caught by seq-kept: emit, deliver, replay', () => {
    const t = target('T-RC-1.A.seq-kept', tRc1Targets(dropA));
    const r = explore(t.model(small(t, { depth: 3 })), { maxDepth: 3, maxStates: 100_000 });
    expect(r.counterexample?.violation).toMatch(/^accepted twice \(push /);
    expect(r.counterexample!.trace.map((s) => s.action ?? '')).toEqual([
      '',
      'emit(v1,push,s0)',
      'deliver(0)',
      'replay(0)',
    ]);
    expect(replayTrace(rcClaim(dropA, t.claim), r.counterexample!.trace)).toBe(r.counterexample!.violation);
    expect(replayTrace(rcClaim(faithfulBroker, t.claim), r.counterexample!.trace)).toBeUndefined();
  });

  test('a check that always fails is caught in the initial world', () => {
    const m = target('T-RC-1.A.iff').model(small(target('T-RC-1.A.iff')));
    const r = explore({ ...m, check: () => 'always' } as Explorable<unknown, unknown>, { maxDepth: 3, maxStates: 10 });
    expect(r.counterexample?.trace).toHaveLength(1);
  });
});

describe('T-RC-1 states: a copied step agrees with a run from scratch', () => {
  const id = 'T-RC-1.A.iff';
  const scope = { ...small(target(id)), sessions: 2 };
  /** Walks every command sequence to DEPTH, comparing each state's key with the world run from scratch. */
  function disagreements(copy?: WorldCopy, depth = 3): string[] {
    const c = rcClaim(faithfulBroker, id);
    const m = copy ? rcModel(c, scope, copy) : rcModel(c, scope);
    const intern = new Interner();
    const bad: string[] = [];
    const walk = (n: RcNode, cmds: CommandJson[]) => {
      if (cmds.length === depth || bad.length > 0) return;
      for (const j of m.actions(n)) {
        const child = m.step(n, j);
        const run = runLive(c, n.params, [...cmds, j]);
        const fresh = brokerFields(runLive(c, n.params, []).world.broker);
        if (stateKey(m.live(child), intern, fresh) !== stateKey(run, intern, fresh))
          bad.push(JSON.stringify([...cmds, j]));
        walk(child, [...cmds, j]);
      }
    };
    for (const n of m.initial()) walk(n, []);
    return bad;
  }

  test('every state to depth 3 of a small scope', () => expect(disagreements()).toEqual([]));

  test('a step that runs on the parent world itself (no copy) is caught', () =>
    expect(disagreements((w) => w, 2).length).toBeGreaterThan(0));
});
