/**
 * `perfsec derive-bfd-key`: K_BFD_auth (draft §6) for one session and epoch, under the code's
 * reading of §6's byte strings or any other (`--reading`, `--all-readings`).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CANONICAL_READING, deriveBfdAuthKey, infoOf, READINGS, type BfdKeyInput } from '../../../model/hkdf.js';
import { InputError } from '../../lib/errors.js';
import { keyBytes } from '../../lib/key-hex.js';
import { printJson, say } from '../output.js';

interface Options {
  operator: string;
  kop: string;
  disc: number[];
  epoch: number;
  reading?: string;
  allReadings?: boolean;
  json?: boolean;
}

/** A 32-bit discriminator, decimal or 0x-hex. */
function discriminator(text: string, prev: number[] = []): number[] {
  const n = /^0x[0-9a-f]{1,8}$/i.test(text)
    ? parseInt(text.slice(2), 16)
    : /^\d+$/.test(text)
      ? Number(text)
      : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw new InvalidArgumentError(`must be a 32-bit BFD discriminator (decimal or 0x-hex), got '${text}'`);
  return [...prev, n];
}

function epoch(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new InvalidArgumentError(`must be a non-negative integer epoch_id, got '${text}'`);
  return Number(text);
}

/** Registers the command. */
export function registerDeriveBfdKey(program: Command): void {
  program
    .command('derive-bfd-key')
    .description('derive K_BFD_auth = HKDF-SHA256(salt, K_op, info, 32) for one BFD session and CWT epoch (draft §6)')
    .requiredOption('--operator <id>', 'CWT operator_id')
    .requiredOption('--kop <hex>', 'operator master key K_op, hex')
    .requiredOption('--disc <d>', 'a BFD discriminator (give it twice: My and Your Discriminator)', discriminator)
    .requiredOption('--epoch <e>', 'CWT epoch_id', epoch)
    .option(
      '--reading <name>',
      `reading of the §6 byte strings (${READINGS.map((r) => r.name).join(', ')})`,
      CANONICAL_READING.name,
    )
    .option('--all-readings', 'print the key under every reading of §6')
    .option('--json', 'print one JSON document')
    .action((o: Options) => {
      if (o.disc.length !== 2)
        throw new InputError(
          `--disc must be given exactly twice (the session's two discriminators), got ${o.disc.length}`,
        );
      if (o.operator === '') throw new InputError('--operator must not be empty');
      const input: BfdKeyInput = {
        operatorId: o.operator,
        kOp: keyBytes(o.kop, '--kop'),
        discriminators: [o.disc[0]!, o.disc[1]!],
        epochId: o.epoch,
      };
      const picked = o.allReadings ? READINGS : READINGS.filter((r) => r.name === o.reading);
      if (picked.length === 0)
        throw new InputError(`--reading must be one of ${READINGS.map((r) => r.name).join(', ')}, got '${o.reading}'`);
      const rows = picked.map((r) => ({
        reading: r.name,
        description: r.description,
        salt_hex: bytesToHex(r.salt(input.operatorId)),
        info_hex: bytesToHex(infoOf(input, r)),
        k_bfd_auth: bytesToHex(deriveBfdAuthKey(input, r)),
      }));
      if (o.json) {
        printJson({
          section: '§6',
          operator_id: input.operatorId,
          discriminators: input.discriminators,
          epoch_id: input.epochId,
          length: 32,
          ...(o.allReadings ? { readings: rows } : rows[0]),
        });
        return;
      }
      if (!o.allReadings) return say(rows[0]!.k_bfd_auth);
      for (const r of rows)
        say(
          (
            `${r.reading.padEnd(17)} ${r.k_bfd_auth}  ` +
            `${r.reading === CANONICAL_READING.name ? '(code default)' : ''}`
          ).trimEnd(),
        );
    });
}
