/**
 * `npm ci` on a clean clone installs what package.json asks for: package-lock.json is exactly
 * what npm writes for package.json (on every platform: each optional binding is locked), and
 * CI and the README install with `npm ci`, which refuses a lock file out of step.
 */
import { spawnSync } from 'node:child_process';
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

describe('package-lock.json', () => {
  it('is what npm writes for package.json', () => {
    const dir = tempDir('promise-lock-');
    for (const file of ['package.json', 'package-lock.json', '.npmrc']) if (existsSync(join(REPO, file))) copyFileSync(join(REPO, file), join(dir, file));
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
    // Only the registry's metadata is read (from the cache when it has it); nothing is installed or run.
    const r = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, env, encoding: 'utf8', timeout: 240_000 });
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
    const missing: string[] = [];
    // chdb (a dev dependency: the ClickHouse of the engine tests) names bindings for macOS and arm64
    // Linux that its authors have not published to the registry (npm view answers 404): npm cannot lock them
    const unpublished = new Set(['@chdb/lib-darwin-arm64', '@chdb/lib-darwin-x64', '@chdb/lib-linux-arm64-gnu']);
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        if (path === 'node_modules/chdb' && unpublished.has(dep)) continue;
        const nested = `${path === '' ? '' : `${path}/`}node_modules/${dep}`;
        if (lock.packages[nested] === undefined && lock.packages[`node_modules/${dep}`] === undefined) missing.push(`${path} -> ${dep}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('installing with npm ci', () => {
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
