/**
 * Which code produced a report (issue 19, "search merge ... refuses shards of different ... commits"): the
 * project's version and the git commit of its tree. The commit is read from `.git` itself, not from a `git`
 * process (a container may have none): HEAD, then a loose ref or packed-refs. `.git` is input like any other
 * file, so everything read is checked: regular files only, through src/lib/read-file.ts (a FIFO in place of
 * HEAD never blocks), a ref name under refs/ without `.` or `..` parts, a hash of 40 or 64 lowercase hex digits.
 * Anything else (no `.git`, a tarball, a symbolic ref chain, a corrupt file) is "unknown", never an error.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { readJson } from './json-file.js';
import { ROOT } from './paths.js';
import { readInputText } from './read-file.js';

/** The commit of a tree whose commit cannot be read. */
export const UNKNOWN_COMMIT = 'unknown';

/** A SHA-1 (40) or SHA-256 (64) object name, as git writes it. */
const HASH = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** A ref name under refs/: parts of letters, digits and `_ . + -`, split by single slashes. */
const REF = /^refs(?:\/[A-Za-z0-9_.+-]{1,255}){1,32}$/;
/** Longest HEAD or ref file taken as one (a ref line is under 300 characters). */
const MAX_LINE = 1024;

/** The text of FILE, or null when it is missing, not a regular file or unreadable. */
function textOf(file: string): string | null {
  try {
    return readInputText(file);
  } catch {
    return null; // a missing or odd file only means the commit is unknown
  }
}

/** The first line of FILE, trimmed, when it is short enough to be a HEAD or a ref. */
function lineOf(file: string): string | null {
  const t = textOf(file)?.trim();
  return t && t.length <= MAX_LINE && !t.includes('\n') ? t : null;
}

/** The git folder of ROOT and its common folder (they differ in a worktree, whose `.git` is a "gitdir:" file). */
function gitFolders(root: string): { dir: string; common: string } | null {
  const dotGit = path.join(root, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return { dir: dotGit, common: dotGit };
  } catch {
    return null; // no .git: not a checkout
  }
  const dir = /^gitdir: (.+)$/.exec(lineOf(dotGit) ?? '')?.[1];
  if (!dir) return null;
  const gitDir = path.resolve(root, dir);
  const common = lineOf(path.join(gitDir, 'commondir'));
  return { dir: gitDir, common: common ? path.resolve(gitDir, common) : gitDir };
}

/** A ref name that stays inside the git folder: under refs/, no `.`/`..` part, no `.lock` part. */
function safeRef(ref: string): boolean {
  return REF.test(ref) && ref.split('/').every((p) => p !== '.' && p !== '..' && !p.endsWith('.lock'));
}

/** The commit checked out in ROOT (default: this project's tree), or {@link UNKNOWN_COMMIT}. */
export function gitCommit(root: string = ROOT): string {
  const git = gitFolders(root);
  const head = git && lineOf(path.join(git.dir, 'HEAD'));
  if (!git || !head) return UNKNOWN_COMMIT;
  if (HASH.test(head)) return head; // a detached HEAD (what CI checks out)
  const ref = /^ref: (\S+)$/.exec(head)?.[1];
  if (!ref || !safeRef(ref)) return UNKNOWN_COMMIT;
  for (const dir of new Set([git.dir, git.common])) {
    const loose = lineOf(path.join(dir, ref));
    if (loose && HASH.test(loose)) return loose;
  }
  for (const line of textOf(path.join(git.common, 'packed-refs'))?.split('\n') ?? []) {
    const [hash, name] = line.trim().split(' ');
    if (name === ref && hash && HASH.test(hash)) return hash;
  }
  return UNKNOWN_COMMIT;
}

/** The project's version (package.json), or "unknown" when it cannot be read. */
export function projectVersion(root: string = ROOT): string {
  try {
    const v = (readJson(path.join(root, 'package.json')) as { version?: unknown } | null)?.version;
    return typeof v === 'string' && /^[0-9A-Za-z.+-]{1,64}$/.test(v) ? v : 'unknown';
  } catch {
    return 'unknown'; // package.json is the project's own file; a broken one is not the report's concern
  }
}
