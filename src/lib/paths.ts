/**
 * Where the project's own files live, whatever the working directory.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root (the folder with package.json). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A path inside the project. */
export function projectPath(...parts: string[]): string {
  return path.join(ROOT, ...parts);
}

/** A path relative to the project root, with forward slashes, for messages and receipts. */
export function relativeToRoot(p: string): string {
  const rel = path.relative(ROOT, path.resolve(p));
  return rel.startsWith('..') ? p : rel.split(path.sep).join('/');
}

/** The shared folder beside the repository (the draft text, public vectors): PERFSEC_SHARED, else ../shared. */
export function sharedPath(...parts: string[]): string {
  return path.join(process.env.PERFSEC_SHARED ?? path.join(ROOT, '..', 'shared'), ...parts);
}
