/**
 * `npm ci` on a clean clone installs what package.json asks for: package-lock.json is exactly
 * what npm writes for package.json (on every platform: each optional binding is locked), and
 * CI and the README install with `npm ci`, which refuses a lock file out of step.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  bin?: Record<string, string>;
  [key: string]: unknown;
}

const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { name: string; version: string; lockfileVersion: number; packages: Record<string, LockEntry> };
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;

/** Runs npm in a copy of the manifest and lock (never in the checkout), with npm's own variables unset. */
function npmInCopy(args: string[]): { dir: string; r: SpawnSyncReturns<string> } {
  const dir = tempDir('promise-lock-');
  for (const file of ['package.json', 'package-lock.json', '.npmrc']) if (existsSync(join(REPO, file))) copyFileSync(join(REPO, file), join(dir, file));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  const r = spawnSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, env, encoding: 'utf8', timeout: 240_000 });
  return { dir, r };
}

describe('package-lock.json', () => {
  it('is what npm writes for package.json', () => {
    // Only the registry's metadata is read (from the cache when it has it); nothing is installed or run.
    const { dir, r } = npmInCopy(['install', '--package-lock-only']);
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    const written = readFileSync(join(dir, 'package-lock.json'), 'utf8');
    expect(written, 'run `npm install` and commit package-lock.json').toBe(readFileSync(join(REPO, 'package-lock.json'), 'utf8'));
  }, 300_000);

  it('locks the package as package.json declares it', () => {
    const root = lock.packages[''] ?? {};
    expect(lock.name).toBe(manifest.name);
    expect(lock.version).toBe(manifest.version);
    expect(lock.lockfileVersion).toBe(3);
    for (const field of ['dependencies', 'devDependencies', 'bin', 'engines', 'license'] as const) expect(root[field], field).toEqual(manifest[field]);
  });

  it('locks every optional dependency, so each platform installs its own binding', () => {
    // chdb (a dev dependency: the ClickHouse of the engine tests) names bindings for macOS and arm64
    // Linux that its authors have not published (npm view answers 404). A fresh `npm install` leaves
    // them out of the lock, and then `npm ci` refuses it ("Missing: @chdb/lib-darwin-arm64@ from lock
    // file"); their entries are kept in the lock without a download address, which npm keeps as they
    // are and `npm ci` skips on the platforms they are not for.
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        const nested = `${path === '' ? '' : `${path}/`}node_modules/${dep}`;
        if (lock.packages[nested] === undefined && lock.packages[`node_modules/${dep}`] === undefined) missing.push(`${path} -> ${dep}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('installing with npm ci', () => {
  it('accepts the lock file as it is', () => {
    // --dry-run checks the lock against package.json as `npm ci` does and installs nothing
    const { r } = npmInCopy(['ci', '--dry-run']);
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  }, 300_000);

  it('is what CI runs: exactly the README\'s test command', () => {
    const run = readFileSync(join(REPO, '.ci', 'run'), 'utf8');
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const first = /```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trimEnd().split('\n') ?? [];
    expect(first).toHaveLength(2);
    expect(first[1]).toBe('npm ci && npm test');
    expect(first[0]).toMatch(/^npm ci && /);
    expect(run.split('\n').filter((l) => /\bnpm (ci|install|i)\b/.test(l))).toEqual(['npm ci && npm test']);
  });
});
