/**
 * `perfsec replay FILE`: reproduces a stored counterexample against the faithful model, from its
 * stored value and from its seed and path (exactly: src/engine/replay.ts), or, for a record an
 * exhaustive search found, by re-running that search within its scope (src/verify/regenerate.ts).
 * Exit 0 reproduced, 1 not reproduced (the reason on the first line), 2 a malformed record or one
 * beyond the replay budget.
 */
import type { Command } from 'commander';
import { isExhaustive, loadCounterexample } from '../../engine/counterexamples.js';
import { EXIT, InputError } from '../../lib/errors.js';
import { replay } from '../../engine/replay.js';
import { allClaims } from '../../registry/theorems.js';
import { regenerate } from '../../verify/regenerate.js';
import { printJson, say } from '../output.js';

/** Registers the command. */
export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('reproduce a stored counterexample (exit 0 when it still refutes its claim)')
    .argument('<file>', 'a counterexample file, e.g. spec/counterexamples/CX-T-VDOS-1-001.json')
    .option('--json', 'print one JSON document')
    .action((file: string, o: { json?: boolean }) => {
      const cx = loadCounterexample(file);
      if (cx.model !== 'faithful')
        throw new InputError(
          `${file}: found against model '${cx.model}'; only counterexamples of the faithful model replay here`,
        );
      const claim = allClaims().find(({ claim: c }) => c.id === cx.property)?.claim;
      if (!claim) throw new InputError(`${file}: names claim '${cx.property}', which no theorem declares`);
      const r = replay(claim, cx, (x) => regenerate(claim, x));
      process.exitCode = r.reproduced ? EXIT.ok : EXIT.failed;
      // issue 16: what is shown is the value evaluated (revived, as fast-check prints it), never the
      // stored valueText, which nothing checks; a value outside the domain is not evaluated at all.
      const shown = r.evaluated ?? '(not evaluated)';
      if (o.json) {
        printJson({
          id: cx.id,
          property: cx.property,
          claim: claim.title,
          found_by: cx.origin ?? 'fast-check',
          seed: cx.seed ?? null,
          path: cx.path ?? null,
          ...(isExhaustive(cx) ? { exhaustive: cx.exhaustive } : {}),
          reproduced: r.reproduced,
          evaluated: r.evaluated,
          outcome: r.value,
          rerun: r.seed,
          summary: r.summary,
        });
        return;
      }
      say(r.summary);
      say(`  claim: ${claim.title}`);
      say(`  value: ${shown}`);
      if (isExhaustive(cx))
        say(
          `  found by exhaustive search (no seed or path: seed and path regeneration skipped, the search re-run ` +
            `instead): ${cx.exhaustive.command}`,
        );
    });
}
