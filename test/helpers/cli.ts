/** Runs the built CLI as a user would: a subprocess, no colour, a fixed clock via --as-of. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
export const BIN = join(REPO, 'bin', 'promise.js');
export const AS_OF = '2026-11-16T08:00:00Z';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `timeoutMs` kills a run that would hang (a FIFO opened for a blocking read, say), so that the
 * test fails instead of the whole suite waiting for ever; it is no assertion on speed.
 */
export function promise(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined, GITHUB_STEP_SUMMARY: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    input: options.input ?? '',
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const }),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const madeDirs = new Set<string>();

/** A new folder under the system's temporary folder, removed after the test file (test/helpers/temp-cleanup.ts). */
export function tempDir(prefix = 'promise-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.add(dir);
  return dir;
}

/** Removes the folders tempDir made, as far as it can (a test may have left one unreadable on purpose). */
export function removeTempDirs(): void {
  for (const dir of madeDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // left for the system's own clean-up of its temporary folder
    }
  }
  madeDirs.clear();
}

/** Runs a command with `--out` into a temporary file (a breach list outgrows a child's stdout buffer); `stdout` is the file's text. */
export function promiseOut(args: readonly string[], options: Parameters<typeof promise>[1] = {}): Run {
  const dir = tempDir('promise-out-');
  try {
    const out = join(dir, 'out');
    const r = promise([...args, '--out', out], options);
    return { code: r.code, stderr: r.stderr, stdout: existsSync(out) ? readFileSync(out, 'utf8') : '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every file below `dir` with a hash of its content and its mtime: to prove nothing was written. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const st = statSync(path);
        out[relative(dir, path)] = `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${st.mtimeMs}`;
      }
    }
  };
  walk(dir);
  return out;
}
