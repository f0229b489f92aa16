/**
 * JSON Schema 2020-12 validation of every document the project reads or writes (ajv + ajv-formats),
 * with one-line errors that name the offending field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { InputError } from './errors.js';
import { projectPath } from './paths.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv2020,
) => Ajv2020;

let ajv: Ajv2020 | undefined;

function instance(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const dir = projectPath('schemas');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    ajv.addSchema(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as object, file.replace(/\.schema\.json$/, ''));
  }
  return ajv;
}

/** The compiled validator of schemas/NAME.schema.json. */
export function validatorFor(name: string): ValidateFunction {
  const v = instance().getSchema(name);
  if (!v) throw new Error(`no schema named ${name} in schemas/`);
  return v;
}

/** One ajv error as a phrase naming the field: "missing field 'verdict'", "/n must be integer". */
export function describeError(e: ErrorObject): string {
  const at = e.instancePath || '/';
  const parent = e.instancePath ? `${e.instancePath.slice(1)}/` : '';
  switch (e.keyword) {
    case 'required':
      return `missing field '${parent}${String(e.params.missingProperty)}'`;
    case 'additionalProperties':
      return `unknown field '${parent}${String(e.params.additionalProperty)}'`;
    case 'enum':
      return (
        `field '${at.slice(1)}' must be one of ` +
        `${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
      );
    case 'format':
      return `field '${at.slice(1)}' must be a valid ${String(e.params.format)}`;
    default:
      return `field '${at.slice(1) || '(document)'}' ${e.message ?? 'is invalid'}`;
  }
}

/** The phrase for a document whose check overflowed the stack (see problems). */
export const TOO_LARGE_TO_CHECK = 'a value is too long or too deeply nested to check';

/**
 * The problems of DATA against schema NAME, one phrase each; empty when valid. issue 16: a
 * schema-valid shape can still be too big to check: a 10-million-character hex string makes V8's
 * regular expression for a `pattern` overflow its stack (RangeError), which is the input's fault,
 * not a bug of the tool, so it is reported as a problem of the document (exit 2, no value quoted).
 */
export function problems(name: string, data: unknown): string[] {
  const v = validatorFor(name);
  try {
    return v(data) ? [] : (v.errors ?? []).map(describeError);
  } catch (e) {
    if (e instanceof RangeError) return [TOO_LARGE_TO_CHECK];
    throw e;
  }
}

/** Throws InputError("WHAT: first problem (and N more)") unless DATA is valid against schema NAME. */
export function assertValid<T>(name: string, data: unknown, what: string): T {
  const found = problems(name, data);
  if (found.length > 0) {
    const more = found.length > 1 ? ` (and ${found.length - 1} more: ${found.slice(1, 4).join('; ')})` : '';
    throw new InputError(`${what}: ${found[0]}${more}`);
  }
  return data as T;
}
