/**
 * `perfsec conformance FILE`: checks a deployment description against the capability quartet and
 * I-PS-1..I-PS-5 (draft §8). Exit 0 conformant, 1 not conformant, 2 malformed file.
 */
import type { Command } from 'commander';
import { conformance, type DeploymentDescription } from '../../../model/capabilities.js';
import { loadConstants } from '../../lib/constants.js';
import { EXIT } from '../../lib/errors.js';
import { readValidated } from '../../lib/json-file.js';
import { assertFinite } from '../../lib/finite.js';
import { printJson, say } from '../output.js';

/** Registers the command. */
export function registerConformance(program: Command): void {
  program
    .command('conformance')
    .description(
      'check a deployment description (schemas/perfsec-deployment-v1.schema.json) ' +
        'against the capability quartet and I-PS-1..I-PS-5 (draft §8)',
    )
    .argument('<file>', 'deployment description JSON')
    .option('--json', 'print one JSON document')
    .action((file: string, o: { json?: boolean }) => {
      // The schema bounds every number of the description (src/lib/domains.ts), so JOINT is finite; the check is the
      // backstop.
      const d = readValidated<DeploymentDescription>(file, 'perfsec-deployment-v1');
      const r = assertFinite(conformance(d, loadConstants().constants_us), 'conformance', 'input');
      if (o.json) printJson({ section: '§8', deployment: d.name, ...r });
      else {
        say(`${d.name}: ${r.conformant ? 'CONFORMANT' : 'NOT CONFORMANT'} to perfsec-coupling-v1 (draft §8)`);
        for (const f of r.findings)
          say(`  ${f.pass ? 'PASS' : 'FAIL'}  ${f.id.padEnd(9)} ${f.section.padEnd(11)} ${f.detail}`);
        say(`  consumer rule (§8, literal reading): ${r.consumer.accept ? 'accept' : 'reject'} (${r.consumer.reason})`);
      }
      if (!r.conformant) process.exitCode = EXIT.failed;
    });
}
