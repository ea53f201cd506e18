/** Which CSV files make up each source: the registry's globs, or `--log SOURCE=PATH` overrides. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { existsSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { UsageError } from '../model/errors.js';
import type { Registry, Source } from '../registry/model.js';

export interface LogFile {
  /** absolute path, for reading */
  abs: string;
  /** registry-relative with `/` when inside the registry, else relative to the working folder */
  display: string;
}

export interface SourceFiles {
  source: Source;
  /** the globs that were expanded */
  patterns: string[];
  /** true when the files came from --log rather than the registry */
  overridden: boolean;
  files: LogFile[];
}

export function displayPath(root: string, cwd: string, abs: string): string {
  const fromRoot = relative(root, abs);
  const inside = fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
  return (inside ? fromRoot : relative(cwd, abs)).split(sep).join('/');
}

async function expand(patterns: readonly string[], base: string): Promise<string[]> {
  const found = await glob([...patterns], { cwd: base, absolute: true, onlyFiles: true, expandDirectories: false });
  return [...new Set(found.map((p) => resolve(p)))].sort();
}

const GLOB = /[*?[\]{}!]/;

/**
 * The log files of every source; overrides name paths relative to the working folder. A path
 * given on the command line without glob characters must exist: the user named that file.
 */
export async function findSourceFiles(registry: Registry, overrides: ReadonlyMap<string, readonly string[]>, cwd: string): Promise<Map<string, SourceFiles>> {
  const out = new Map<string, SourceFiles>();
  for (const [id, paths] of overrides) {
    for (const path of paths) {
      if (!GLOB.test(path) && !existsSync(resolve(cwd, path))) {
        throw new UsageError(`--log ${id}=${path}: no such file`, 'give the path of a CSV file, relative to the working folder, or a glob such as exports/*.csv');
      }
    }
  }
  for (const source of registry.sources) {
    const override = overrides.get(source.id);
    const patterns = override === undefined ? source.files : [...override];
    const base = override === undefined ? registry.root : cwd;
    const files = (await expand(patterns, base)).map((abs) => ({ abs, display: displayPath(registry.root, cwd, abs) }));
    out.set(source.id, { source, patterns, overridden: override !== undefined, files });
  }
  return out;
}
