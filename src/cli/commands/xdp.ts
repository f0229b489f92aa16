/**
 * `perfsec xdp check`: the real XDP limiter on this machine (src/wire/xdp/check.ts): c_xdp as the
 * kernel measures it beside the draft's 0.05 µs, and its parity with the T-VDOS-1 per-packet
 * simulator. Where XDP is not permitted (not root, tools missing) it prints one line saying so and
 * exits 0: the rest of the tools run without it. Exit 1 when a mismatch is unexplained or a mutant
 * is not caught.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_POLICY, type CapacityReading } from '../../../model/token-bucket.js';
import { InputError } from '../../lib/errors.js';
import { xdpCheck } from '../../wire/xdp/check.js';
import { domainNumber } from '../options.js';
import { printJson, say } from '../output.js';

interface Options {
  json?: boolean;
  tickMs: number;
  rateLimitFactor: number;
  burstFactor: number;
  capacity: string;
  vantages: number;
  packets: number;
  mutants?: boolean;
}

const READINGS: readonly CapacityReading[] = ['rate-times-1s', 'ticks'];

/** A whole number in [1, MAX] (commander reports the one-line error). */
const count =
  (max: number) =>
  (text: string): number => {
    const n = /^[0-9]{1,7}$/.test(text) ? Number(text) : NaN;
    if (!(n >= 1 && n <= max)) throw new InvalidArgumentError(`must be a whole number in [1, ${max}], got '${text}'`);
    return n;
  };

/** Registers the command group and `xdp check`. */
export function registerXdp(program: Command): void {
  const xdp = program.command('xdp').description('the draft §4.1 rate limit as a real XDP program (root only)');
  xdp
    .command('check')
    .description('measure c_xdp with the kernel BPF statistics and check parity with the model (needs root)')
    .option('--tick-ms <ms>', 'T_tick of the buckets, ms', domainNumber('t_tick_ms'), 50)
    .option('--rate-limit-factor <f>', 'draft §4.2 rate_limit_factor', domainNumber('rate_limit_factor'), 4)
    .option('--burst-factor <f>', 'draft §4.2 burst_factor', domainNumber('burst_factor'), 8)
    .option('--capacity <reading>', `burst budget reading: ${READINGS.join(' or ')}`, DEFAULT_POLICY.capacity)
    .option('--vantages <n>', 'buckets in the parity schedule (1-64)', count(64), 4)
    .option('--packets <n>', 'packets of the c_xdp run (1-1000000)', count(1_000_000), 20_000)
    .option('--mutants', 'also run the deliberately wrong buckets (burst+1, rate*2): each must be caught')
    .option('--json', 'print one JSON document')
    .action(async (o: Options) => {
      if (!READINGS.includes(o.capacity as CapacityReading))
        throw new InputError(`--capacity must be ${READINGS.join(' or ')}, got ${o.capacity}`);
      const policy = {
        ...DEFAULT_POLICY,
        rateLimitFactor: o.rateLimitFactor,
        burstFactor: o.burstFactor,
        capacity: o.capacity as CapacityReading,
      };
      const r = await xdpCheck({
        policy,
        tickMs: o.tickMs,
        vantages: o.vantages,
        packets: o.packets,
        mutants: o.mutants,
      });
      if (o.json) printJson(r);
      else if (!r.available)
        say(`xdp: ${r.why ?? 'not available'}; nothing measured (the other commands run without it)`);
      else {
        const c = r.c_xdp_kernel_ns;
        const run = r.cxdp_run!;
        say(
          `c_xdp = ${c === null ? 'n/a' : `${c.toFixed(1)} ns`} per packet (kernel run_time_ns ${run.run_time_ns} / ` +
            `run_cnt ${run.run_cnt}; passed ${run.passed}, dropped ${run.dropped}) beside the draft's ` +
            `${r.c_xdp_draft_ns} ns${c === null ? '' : ` (${(c / r.c_xdp_draft_ns).toFixed(2)}x)`}`,
        );
        const p = r.parity!;
        say(
          `parity: ${p.packets} packets, model admitted ${p.admitted_model}, XDP forwarded ${p.forwarded_xdp}, ` +
            `${p.mismatches} mismatches: ${p.explained}`,
        );
        for (const m of r.mutants)
          say(
            `mutant ${m.mutant}: ${m.unexplained_mismatches} unexplained of ${m.mismatches} mismatches: ` +
              `${m.caught ? 'caught' : 'NOT CAUGHT'}`,
          );
        if (r.socket_lost > 0) say(`note: the receiving socket lost ${r.socket_lost} forwarded packets`);
        say(r.ok ? 'xdp check: PASS' : 'xdp check: FAIL');
      }
      if (!r.ok) process.exitCode = 1;
    });
}
