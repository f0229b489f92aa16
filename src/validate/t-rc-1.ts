/**
 * Validator checks for T-RC-1 (draft §5): the acceptance rule under adversary search (A), the
 * epoch boundary and cross-epoch claims on scripted sequences and under search (B), the wire
 * codecs, the whole property search and the conformance vectors. The draft's printed statements
 * that the search refutes pass only while their stored counterexamples reproduce, and only
 * together with the corrected rule beside them.
 */
import fc from 'fast-check';
import { signBfd } from '../../model/bfd/auth.js';
import { honestPush } from '../../model/bfd/honest-push.js';
import { decodeBfd } from '../../model/bfd/packet.js';
import { decodeSnapshot } from '../lib/snapshot-decode.js';
import { brokerConfig } from '../../properties/t-rc-1/world.js';
import { checkClaim } from '../engine/check-claim.js';
import { selectClaims } from '../registry/theorems.js';
import { decide } from '../vectors/t-rc-1.js';
import { Script } from '../vectors/t-rc-1-scenarios.js';
import { vectorsCheck } from './artifact-checks.js';
import type { Check, CheckContext, CheckResult } from './registry.js';
import { searchCheck } from './search-checks.js';

/** Searches the holding claims among IDS and replays the refuted ones; one line. */
function claimsResult(ids: readonly string[], ctx: CheckContext): CheckResult {
  const bad: string[] = [];
  const held: string[] = [];
  const refuted: string[] = [];
  for (const { claim } of selectClaims('T-RC-1').filter(({ claim }) => ids.includes(claim.id))) {
    const c = checkClaim(claim, { seed: ctx.seed, numRuns: Math.min(ctx.runs, claim.numRuns ?? ctx.runs) });
    const name = claim.id.replace('T-RC-1.', '');
    if (c.status === 'holds') held.push(name);
    else if (c.status === 'refuted-as-pinned') refuted.push(`${name} (${c.pin.id})`);
    else bad.push(c.detail);
  }
  if (held.length + refuted.length + bad.length !== ids.length)
    bad.push(`expected ${ids.length} claims, found ${held.length + refuted.length + bad.length}`);
  return bad.length > 0
    ? { pass: false, detail: bad.join('; ') }
    : { pass: true, detail: `hold: ${held.join(', ')}; as printed, refuted: ${refuted.join(', ')}` };
}

const WORLD = { overlapMs: 200, lifetimeMs: 300, v1Sessions: 2 as const };

/** The draft §5 EPOCH BOUNDARY rules on scripted sequences: (sequence, expected decisions). */
function boundaryScripts(): Array<[string, (s: Script) => void, string[]]> {
  return [
    [
      'seq kept across the boundary',
      (s) => {
        s.push('v1', 0, 900);
        s.push('v1', 0, 1010);
      },
      ['accept', 'accept'],
    ],
    [
      'counter restarts at -1',
      (s) => {
        s.snapshot('v1', 900);
        s.snapshot('v1', 910);
        s.snapshot('v1', 1010);
      },
      ['accept', 'accept', 'accept'],
    ],
    [
      'overlap accepts both epochs',
      (s) => {
        s.snapshot('v1', 1010);
        s.snapshot('v1', 950, 1100);
      },
      ['accept', 'accept'],
    ],
    [
      'push replayed across epochs: (a)',
      (s) => {
        const p = s.push('v1', 0, 900);
        s.again(p, 1100);
      },
      ['accept', 'reject:bfd-replay'],
    ],
    [
      'snapshot replayed across epochs: (b), not (a)',
      (s) => {
        const a = s.snapshot('v1', 990);
        s.again(a, 1100);
      },
      ['accept', 'reject:cwt-replay'],
    ],
    [
      'forged new epoch_id: authentication, not (a)',
      (s) => {
        const a = s.snapshot('v1', 990);
        s.forgeSnapshot(a, 1100, { epoch_id: 1 });
      },
      ['accept', 'reject:auth-failure'],
    ],
  ];
}

/** The T-RC-1 checks. */
export const T_RC_1_CHECKS: readonly Check[] = [
  {
    id: 'check:t-rc-1/acceptance',
    title:
      'acceptance predicate: accepted iff authentic, OEM-bound, (a) AND (b) AND (c); nothing accepted twice; ' +
      'no false reject; one reason per rejection (adversary search)',
    section: '§5',
    run: (ctx) =>
      claimsResult(
        selectClaims('T-RC-1')
          .map(({ claim }) => claim.id)
          .filter((id) => id.startsWith('T-RC-1.A.')),
        ctx,
      ),
  },
  {
    id: 'check:t-rc-1/epoch-boundary',
    title:
      'epoch boundary: counter restarts, BFD seq kept, overlap accepts both; ' +
      'cross-epoch replay and forge rejected (scripted and searched)',
    section: '§5',
    run: (ctx) => {
      const config = brokerConfig(WORLD);
      const wrong: string[] = [];
      for (const [name, build, want] of boundaryScripts()) {
        const s = new Script(config, WORLD.lifetimeMs);
        build(s);
        const got = decide(config, s.steps);
        if (got.join() !== want.join()) wrong.push(`${name}: expected ${want.join(', ')}, got ${got.join(', ')}`);
      }
      const searched = claimsResult(
        selectClaims('T-RC-1')
          .map(({ claim }) => claim.id)
          .filter((id) => id.startsWith('T-RC-1.B.')),
        ctx,
      );
      if (wrong.length > 0 || !searched.pass)
        return { pass: false, detail: [...wrong, ...(searched.pass ? [] : [searched.detail])].join('; ') };
      return {
        pass: true,
        detail:
          `${boundaryScripts().length} scripted boundary sequences decide as §5 (corrected) says; ` +
          `${searched.detail}`,
      };
    },
  },
  {
    id: 'check:t-rc-1/codecs',
    title: 'BFD Control (RFC 5880, HMAC-SHA256 section) and CWT snapshot decoders round-trip and never throw',
    section: '§5',
    run: ({ seed }) => {
      const r = fc.check(
        fc.property(fc.uint8Array({ maxLength: 96 }), fc.integer({ min: 0, max: 0xffffffff }), (bytes, seq) => {
          decodeBfd(bytes);
          decodeSnapshot(bytes);
          const d = decodeBfd(signBfd(honestPush({ vantageDisc: 1, brokerDisc: 2 }, seq), new Uint8Array(32)));
          return d.ok && d.packet.seq === seq;
        }),
        { seed, numRuns: 500 },
      );
      return {
        pass: !r.failed,
        detail: r.failed
          ? `failed at seed ${r.seed} path ${r.counterexamplePath}: ${r.errorInstance}`
          : '500 random inputs decoded without a throw; seqs round-trip',
      };
    },
  },
  searchCheck('T-RC-1'),
  vectorsCheck('T-RC-1', '§5', 't-rc-1.json'),
];
