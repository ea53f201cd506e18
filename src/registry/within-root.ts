/**
 * Keeping reads inside the registry. Whoever may change the registry (a pull request) controls
 * every path in it, links included; a file is read only when its real path, every link
 * resolved, lies below the real path of the registry root, as the git reader insists for a
 * revision (docs/security.md).
 */
import { lstat, readlink, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Whether `path` is `root` or lies below it. Both absolute; give real paths (fs.realpath) when
 * links may lead elsewhere. A name such as `..data` is inside; only a `..` part leads out.
 */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export type Resolved =
  /** the real path lies below the root */
  | { kind: 'inside'; real: string }
  /** the real path lies outside the root, or a link that leads to nothing points outside it */
  | { kind: 'outside' }
  /** there is no real path: a link to nothing, a link loop, a part that is no folder, no permission */
  | { kind: 'unresolved'; error: unknown };

/** Where `path` really leads, judged against `rootReal`, the real path of the registry root. */
export async function resolveWithin(rootReal: string, path: string): Promise<Resolved> {
  try {
    const real = await realpath(path);
    return isWithin(rootReal, real) ? { kind: 'inside', real } : { kind: 'outside' };
  } catch (error) {
    // a broken link that points outside is said to lead outside: what lies there is not our business
    if (await linksOutside(rootReal, path)) return { kind: 'outside' };
    return { kind: 'unresolved', error };
  }
}

async function linksOutside(rootReal: string, path: string): Promise<boolean> {
  try {
    if (!(await lstat(path)).isSymbolicLink()) return false;
    return !isWithin(rootReal, resolve(await realpath(dirname(path)), await readlink(path)));
  } catch {
    return false;
  }
}

/** `..` as a whole part of a glob, also inside braces and extglobs: `{..,logs}/*.csv`, `@(..)/x.csv`. */
const PARENT_PART = /(?:^|[/\\{,(|])\.\.(?=$|[/\\},)|])/;
/** An absolute path, also as one alternative of a brace or extglob: `/x`, `C:x`, `\\host`, `{logs,/etc}/x`. */
const ABSOLUTE = /^(?:[/\\]|[A-Za-z]:)|[{,(|][/\\]/;

/**
 * Whether a glob, relative to the registry root, names paths outside it: an absolute path or a
 * `..` part. A brace range such as `{1..9}` is not a `..` part. The search for files is gated
 * as well (src/logs/files.ts), so this decides only how early, and how clearly, it is said.
 */
export function globLeavesRoot(pattern: string): boolean {
  // an escaped character is that character: `\.\./x` is `../x`
  const unescaped = pattern.replace(/\\([^/\\])/g, '$1');
  return ABSOLUTE.test(pattern) || PARENT_PART.test(pattern) || PARENT_PART.test(unescaped);
}
