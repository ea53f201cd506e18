/**
 * Which log files (CSV, or Parquet for the DuckDB engine) make up each source: the registry's globs, or `--log SOURCE=PATH` overrides.
 *
 * A registry's globs stay inside the registry (docs/security.md): a glob that names paths
 * outside it is refused whole, the search never enters a folder whose real path lies outside,
 * and every file found is judged by its real path. What a glob names that is not a regular file
 * (a FIFO, a device, a link to nothing) is listed all the same, so that opening it says why it
 * cannot be read (src/logs/csv.ts) instead of the source quietly having less data.
 */
import { realpath as realpathCallback, type Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern, type FileSystemAdapter } from 'tinyglobby';
import { UsageError } from '../model/errors.js';
import type { Registry, Source } from '../registry/model.js';
import { globLeavesRoot, isWithin, resolveWithin } from '../registry/within-root.js';

export interface LogFile {
  /** absolute path, for reading: the real path when there is one, so what is read is what was judged */
  abs: string;
  /** registry-relative with `/` when inside the registry, else relative to the working folder */
  display: string;
}

/** A path a source's files name that is not read, because of where it leads. */
export type LogRefusal =
  /** a glob of the registry that names paths outside it: absolute, or with a `..` part */
  | { kind: 'glob-outside'; pattern: string; index: number }
  /** a file, or a folder the glob searches, whose real path lies outside the registry */
  | { kind: 'link-outside'; display: string; folder: boolean }
  /** a folder link back to a folder that holds it: searching it would never end */
  | { kind: 'folder-loop'; display: string };

export interface SourceFiles {
  source: Source;
  /** the globs that were expanded */
  patterns: string[];
  /** true when the files came from --log rather than the registry */
  overridden: boolean;
  files: LogFile[];
  /** what the globs name but is not read, sorted */
  refused: LogRefusal[];
}

/**
 * How a log file is named to the user: registry-relative inside the registry; else relative to
 * the working folder, or absolute when that is shorter (`/dev/zero`, not `../../dev/zero`).
 */
export function displayPath(root: string, cwd: string, abs: string): string {
  if (abs !== root && isWithin(root, abs)) return relative(root, abs).split(sep).join('/');
  const fromCwd = relative(cwd, abs) || '.';
  return (isWithin(cwd, abs) || fromCwd.length <= abs.length ? fromCwd : abs).split(sep).join('/');
}

/** Where the files of one list of globs are searched, and how far. */
interface Search {
  /** the folder the globs are relative to */
  base: string;
  /** the registry root; display paths are relative to it */
  root: string;
  cwd: string;
  /** the real path of the registry root when the globs must stay inside it (the registry's own) */
  rootReal: string | undefined;
}

const lexists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** What fdir needs to know of an entry; links are shown as what they lead to, so the walk never follows one itself. */
function entry(name: string, folder: boolean): Pick<Dirent, 'name' | 'isFile' | 'isDirectory' | 'isSymbolicLink'> {
  return { name, isFile: () => !folder, isDirectory: () => folder, isSymbolicLink: () => false };
}

/**
 * The folders tinyglobby reads, through one gate: a folder whose real path lies outside the
 * registry, or that a link leads back to from below, is reported and not listed. Everything a
 * folder holds that is not a folder is shown to the glob as a file, so a FIFO or a link to
 * nothing that the glob names is found and then refused by name, never skipped unseen.
 */
function gatedFs(search: Search, refused: LogRefusal[], pattern: { text: string; index: number }): FileSystemAdapter {
  const reals = new Map<string, Promise<string | undefined>>();
  const realOf = (path: string): Promise<string | undefined> => {
    let real = reals.get(path);
    if (real === undefined) {
      real = realpath(path).catch(() => undefined);
      reals.set(path, real);
    }
    return real;
  };
  const show = (path: string) => displayPath(search.root, search.cwd, path);

  const list = async (folder: string): Promise<ReturnType<typeof entry>[]> => {
    const path = resolve(folder);
    if (search.rootReal !== undefined && !isWithin(search.root, path)) {
      refused.push({ kind: 'glob-outside', pattern: pattern.text, index: pattern.index });
      return [];
    }
    const real = await realOf(path);
    if (real === undefined) return [];
    if (search.rootReal !== undefined && !isWithin(search.rootReal, real)) {
      refused.push({ kind: 'link-outside', display: show(path), folder: true });
      return [];
    }
    for (let up = dirname(path); ; up = dirname(up)) {
      if ((await realOf(up)) === real) {
        refused.push({ kind: 'folder-loop', display: show(path) });
        return [];
      }
      if (dirname(up) === up) break;
    }
    const entries = await readdir(path, { withFileTypes: true });
    return Promise.all(
      entries.map(async (e) => {
        if (!e.isSymbolicLink()) return entry(e.name, e.isDirectory());
        const target = await stat(join(path, e.name)).catch(() => undefined);
        return entry(e.name, target?.isDirectory() === true);
      }),
    );
  };

  const adapter = {
    readdir: (folder: string, _options: unknown, callback: (error: Error | null, entries: unknown[]) => void) => {
      list(folder).then(
        (entries) => callback(null, entries),
        (error: Error) => callback(error, []),
      );
    },
    // never asked for while no entry is a link; kept from leading outside all the same
    realpath: (path: string, callback: (error: Error | null, real?: string) => void) => {
      realpathCallback(path, (error, real) => {
        if (error === null && search.rootReal !== undefined && !isWithin(search.rootReal, real)) callback(Object.assign(new Error(`${path} leads outside the registry`), { code: 'ENOENT' }));
        else callback(error, real);
      });
    },
  };
  return adapter as unknown as FileSystemAdapter;
}

/** A glob that excludes (`!old/*.csv`); `!(...)` is an extglob that matches. */
const isNegated = (pattern: string): boolean => pattern.startsWith('!') && !pattern.startsWith('!(');

/** The files the globs name, and what they name that is not read. */
async function expand(patterns: readonly string[], search: Search): Promise<{ files: LogFile[]; refused: LogRefusal[] }> {
  const refused: LogRefusal[] = [];
  const contained = search.rootReal !== undefined;
  const leaves = (pattern: string, index: number): boolean => {
    if (!contained || !globLeavesRoot(isNegated(pattern) ? pattern.slice(1) : pattern)) return false;
    refused.push({ kind: 'glob-outside', pattern, index });
    return true;
  };
  // an exclusion outside the registry would move the search there too
  const ignore = [...patterns.entries()].filter(([index, p]) => isNegated(p) && !leaves(p, index)).map(([, p]) => p.slice(1));
  const found: string[] = [];
  for (const [index, pattern] of patterns.entries()) {
    if (isNegated(pattern) || leaves(pattern, index)) continue;
    const path = resolve(search.base, pattern);
    // a path that is there is meant as written, even with characters a glob would read otherwise
    if (await lexists(path)) found.push(path);
    else if (isDynamicPattern(pattern)) {
      const fs = gatedFs(search, refused, { text: pattern, index });
      found.push(...(await glob([pattern], { cwd: search.base, absolute: true, onlyFiles: true, expandDirectories: false, ignore, fs })).map((p) => resolve(p)));
    }
  }

  const files: LogFile[] = [];
  const seen = new Set<string>();
  const show = (path: string) => displayPath(search.root, search.cwd, path);
  for (const path of [...new Set(found)].sort()) {
    let abs = path;
    if (search.rootReal !== undefined) {
      const where = await resolveWithin(search.rootReal, path);
      if (where.kind === 'outside') {
        const folder = await stat(path).then((s) => s.isDirectory(), () => false);
        refused.push({ kind: 'link-outside', display: show(path), folder });
        continue;
      }
      if (where.kind === 'inside') abs = where.real;
    } else {
      abs = await realpath(path).catch(() => path);
    }
    // the same file reached through two links is read once
    if (seen.has(abs)) continue;
    seen.add(abs);
    files.push({ abs, display: show(path) });
  }
  return { files: files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)), refused: sortRefusals(refused) };
}

function refusalKey(r: LogRefusal): string {
  return r.kind === 'glob-outside' ? `0 ${String(r.index).padStart(6, '0')} ${r.pattern}` : `1 ${r.display} ${r.kind}`;
}

function sortRefusals(refused: readonly LogRefusal[]): LogRefusal[] {
  const byKey = new Map(refused.map((r) => [refusalKey(r), r]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k) as LogRefusal);
}

/**
 * The log files of every source. The registry's globs are relative to its root and stay inside
 * it; overrides name paths relative to the working folder, anywhere: the user chose them. A
 * path given on the command line without glob characters must exist: the user named that file.
 */
export async function findSourceFiles(registry: Registry, overrides: ReadonlyMap<string, readonly string[]>, cwd: string): Promise<Map<string, SourceFiles>> {
  const out = new Map<string, SourceFiles>();
  for (const [id, paths] of overrides) {
    for (const path of paths) {
      if (!isDynamicPattern(path) && !(await lexists(resolve(cwd, path)))) {
        throw new UsageError(`--log ${id}=${path}: no such file`, 'give the path of a CSV file (or, with --engine duckdb, a Parquet file), relative to the working folder, or a glob such as exports/*.csv');
      }
    }
  }
  const rootReal = await realpath(registry.root);
  for (const source of registry.sources) {
    const override = overrides.get(source.id);
    const patterns = override === undefined ? source.files : [...override];
    const search: Search =
      override === undefined ? { base: registry.root, root: registry.root, cwd, rootReal } : { base: cwd, root: registry.root, cwd, rootReal: undefined };
    const { files, refused } = await expand(patterns, search);
    out.set(source.id, { source, patterns, overridden: override !== undefined, files, refused });
  }
  return out;
}
