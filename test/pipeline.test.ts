/**
 * The admission pipeline (src/pipeline) decides as the models do: its rate-limit table as
 * model/token-bucket.ts and the T-VDOS-1 per-packet simulator (draft §4.1), its acceptance as the
 * T-RC-1 broker (the T-RC-1 claims of draft §5 searched against it), its witness path as
 * model/consumer.ts (draft §7), and its primitives as @noble. No timing is asserted here.
 */
import fc from 'fast-check';
import { describe, expect, inject, test } from 'vitest';
import type { BrokerFactory } from '../model/broker.js';
import { minimalSplit, play, sameWitnessSplit, type Attack } from '../model/collector.js';
import { consume, cosignedView, keysOf } from '../model/consumer.js';
import { cosignerOf } from '../model/cosignature.js';
import { verifierOf } from '../model/note.js';
import { bucketParams, DEFAULT_POLICY, TokenBucket, type BucketParams } from '../model/token-bucket.js';
import { simulateExact } from '../model/vdos-exact.js';
import tRc1 from '../properties/t-rc-1.prop.js';
import { search } from '../src/engine/search.js';
import { AdmissionPipeline } from '../src/pipeline/admission.js';
import { PIPELINE_RC_CLAIMS, pipelineBroker } from '../src/pipeline/broker-adapter.js';
import { RateLimitTable } from '../src/pipeline/rate-limit-table.js';
import { runFlood } from '../src/pipeline/flood-run.js';
import { framesOf, pipelineSetupOf } from '../src/pipeline/traffic.js';
import { DECISION } from '../src/pipeline/admission-decision.js';
import { WitnessPath } from '../src/pipeline/witness-path.js';

const seed = inject('perfsecSeed');

describe('pipeline rate limit (draft §4.1-§4.2)', () => {
  const agreement = (make: (b: BucketParams) => { offer(v: number, p: 0 | 1, t: number): boolean }) =>
    fc.property(
      fc.integer({ min: 1000, max: 100_000 }),
      fc.integer({ min: 200, max: 800 }),
      fc.integer({ min: 200, max: 1600 }),
      fc.constantFrom('rate-times-1s' as const, 'ticks' as const),
      fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 300 }),
      (tick, rlf, bf, capacity, gaps) => {
        const b = bucketParams(tick, {
          ...DEFAULT_POLICY,
          rateLimitFactor: rlf / 100,
          burstFactor: bf / 100,
          capacity,
        });
        const model = new TokenBucket(b);
        const table = make(b);
        let t = 0;
        for (const g of gaps) {
          t += g;
          expect(table.offer(1, 1, t)).toBe(model.offer(t));
        }
      },
    );

  test('the agreement can fail: a table that never caps its tokens at the burst budget is caught', () => {
    const uncapped = (b: BucketParams) => {
      const units = [b.capacityUnits, b.capacityUnits, b.capacityUnits, b.capacityUnits];
      const last = [0, 0, 0, 0];
      return {
        offer: (v: number, p: 0 | 1, t: number) => {
          const i = v * 2 + p;
          units[i]! += (t - last[i]!) * b.refillPerUs; // no min(capacity, ...): draft §4.2's burst budget ignored
          last[i] = t;
          if (units[i]! < b.unitsPerToken) return false;
          units[i]! -= b.unitsPerToken;
          return true;
        },
      };
    };
    expect(fc.check(agreement(uncapped), { seed, numRuns: 300 }).failed).toBe(true);
  });

  test('the compact table admits exactly what model/token-bucket.ts admits, packet by packet', () => {
    fc.assert(
      agreement((b) => new RateLimitTable(3, b)),
      { seed, numRuns: 60 },
    );
  });

  test(
    'under an insider flood the pipeline forwards exactly the packets ' +
      'the T-VDOS-1 per-packet simulator admits, and accepts all of them',
    () => {
      const s = { n: 3, tickMs: 50, coalition: 2, floodFactor: 16, durationTicks: 40 };
      const { forwarded, decisions } = runFlood(s, DEFAULT_POLICY);
      for (const v of decisions) expect([DECISION.accepted, DECISION.rateLimited]).toContain(v);
      expect(forwarded).toEqual(simulateExact(s, DEFAULT_POLICY).admitted);
    },
  );

  test('with one bucket per vantage (the other reading of §4.1-§4.2), the same agreement', () => {
    const s = { n: 2, tickMs: 50, coalition: 1, floodFactor: 8, durationTicks: 40 };
    const policy = { ...DEFAULT_POLICY, scope: 'per-vantage' as const };
    expect(runFlood(s, policy).forwarded).toEqual(simulateExact(s, policy).admitted);
  });

  test("a snapshot on another vantage's connection is rejected (header-mismatch)", () => {
    const w = pipelineSetupOf(2);
    const p = new AdmissionPipeline({ ...w, policy: null, tickMs: 50 });
    const f = framesOf(w, { n: 2, tickMs: 50, coalition: 0, floodFactor: 1, durationTicks: 1 }).find(
      (x) => x.path === 0 && x.vantage === 0,
    )!;
    expect(p.admitSnapshot(1, f.bytes, f.tUs)).toBe(DECISION.headerMismatch);
    expect(p.admitSnapshot(0, f.bytes, f.tUs)).toBe(DECISION.accepted);
  });
});

describe('pipeline snapshot HMAC over the received bytes (draft §3.1 path A)', () => {
  const w = pipelineSetupOf(1);
  const f = framesOf(w, { n: 1, tickMs: 50, coalition: 0, floodFactor: 1, durationTicks: 1 }).find(
    (x) => x.path === 0,
  )!;
  const text = Buffer.from(f.bytes).toString('utf8');
  const fresh = () => new AdmissionPipeline({ ...w, policy: null, tickMs: 50 });
  test(
    'a canonical snapshot is accepted; the same body encoded ' +
      'with whitespace is accepted through the canonical bytes',
    () => {
      expect(fresh().acceptSnapshot(f.bytes, 0)).toBe(DECISION.accepted);
      expect(fresh().acceptSnapshot(Buffer.from(JSON.stringify(JSON.parse(text), null, 1)), 0)).toBe(DECISION.accepted);
    },
  );
  test('a changed field before the tag is rejected (auth-failure), with or without whitespace', () => {
    const changed = text.replace('"counter":0', '"counter":7');
    expect(fresh().acceptSnapshot(Buffer.from(changed), 0)).toBe(DECISION.authFailure);
    expect(fresh().acceptSnapshot(Buffer.from(JSON.stringify(JSON.parse(changed), null, 1)), 0)).toBe(
      DECISION.authFailure,
    );
  });
});

describe(
  'pipeline acceptance is T-RC-1 (draft §5): the claims the model ' +
    'satisfies under the default reading, searched against the pipeline',
  () => {
    const claims = tRc1.claims(pipelineBroker);
    for (const id of PIPELINE_RC_CLAIMS) {
      test(id, () => {
        const c = claims.find((x) => x.id === id);
        expect(c, id).toBeDefined();
        const r = search(c!, { seed, numRuns: 25 });
        expect(r.failed, `${id} seed ${seed} path ${r.path}: ${r.error}`).toBe(false);
      });
    }

    test('the search can fail: a pipeline that lets bfd-replay through is caught by T-RC-1.A.no-double-accept', () => {
      const leaky: BrokerFactory = (config) => {
        const b = pipelineBroker(config);
        return {
          ...b,
          receivePush: (bytes, now) => {
            const d = b.receivePush(bytes, now);
            return !d.accepted && d.reason === 'bfd-replay' ? { accepted: true, kind: 'push', detail: 'leaky' } : d;
          },
        };
      };
      const c = tRc1.claims(leaky).find((x) => x.id === 'T-RC-1.A.no-double-accept')!;
      expect(search(c, { seed, numRuns: 300 }).failed).toBe(true);
    });
  },
);

describe('pipeline on arbitrary input never throws', () => {
  test('random and mutated bytes on paths A and B, random notes on path C: a decision, never an exception', () => {
    const w = pipelineSetupOf(2);
    const honest = framesOf(w, { n: 2, tickMs: 50, coalition: 0, floodFactor: 1, durationTicks: 2 });
    const { log, witnesses } = keysOf(2);
    const path = new WitnessPath(verifierOf(log), witnesses.map(cosignerOf), 2);
    const mutated = fc
      .tuple(fc.constantFrom(...honest), fc.nat(), fc.integer({ min: 1, max: 255 }))
      .map(([f, i, x]) => {
        const b = f.bytes.slice();
        b[i % b.length]! ^= x;
        return b;
      });
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 120 }), mutated),
        fc.nat({ max: 1 }),
        fc.string({ maxLength: 200 }),
        (bytes, v, note) => {
          const p = new AdmissionPipeline({ ...w, policy: DEFAULT_POLICY, tickMs: 50 });
          for (const decision of [
            p.admitPush(bytes, 0),
            p.admitSnapshot(v, bytes, 0),
            p.acceptPush(bytes, 0),
            p.acceptSnapshot(bytes, 0),
          ]) {
            expect(Object.values(DECISION)).toContain(decision);
          }
          expect(path.admit(note).ok).toBe(false);
        },
      ),
      { seed, numRuns: 200 },
    );
  });
});

describe('pipeline witness path (draft §7) decides as model/consumer.ts', () => {
  const attacks: Attack[] = [
    {
      w: 4,
      q: 2,
      c: 0,
      policy: 'first-cosign-wins',
      placement: 'extension',
      values: { A: [1, 2], B: [1, 3] },
      moves: minimalSplit(4, 2, 0),
    },
    {
      w: 3,
      q: 2,
      c: 1,
      policy: 'c2sp',
      placement: 'extension',
      values: { A: [0.5, 2], B: [0.25, 2] },
      moves: sameWitnessSplit(3),
    },
  ];
  for (const [i, a] of attacks.entries()) {
    test(`attack ${i}: both views, honest and tampered, same decisions and values`, () => {
      const o = play(a);
      const { log, witnesses } = keysOf(a.w);
      const path = new WitnessPath(verifierOf(log), witnesses.map(cosignerOf), a.q);
      for (const view of ['A', 'B'] as const) {
        const note = cosignedView(a, o, view);
        const tampered = note.replace(/d_max=[^\n]*/, 'd_max=99');
        const flipped = note.replace(
          / (\S)(\S*)\n$/,
          (_m, c: string, rest: string) => ` ${c === 'A' ? 'B' : 'A'}${rest}\n`,
        );
        for (const n of [note, tampered, flipped]) {
          const want = consume(n, a, a.q);
          const got = path.admit(n);
          expect(got.ok, n).toBe(want.ok);
          if (got.ok && want.ok) expect(got.value.values).toEqual(want.value.values);
        }
      }
    });
  }
});
