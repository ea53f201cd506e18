/**
 * The package as a team gets it: `npm pack` builds the tarball, `npm install` puts it into an
 * empty project (runtime dependencies from the npm registry, nothing from anywhere else), and
 * every CI recipe's commands run from there as its runner would run them: the workflow steps,
 * the GitLab jobs, the Action's steps, both pre-commit hooks, and the steps `promise init`
 * prints. npx runs offline, so it can only take the installed package: a pin that does not
 * match the installed version fails.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { delimiter, dirname, join, posix } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AS_OF, REPO, tempDir } from '../helpers/cli.js';
import { parseXmlStrict } from '../helpers/xml.js';
import { CI, lines, list, readYaml, record, VERSION } from './recipe-commands.js';

// Each test runs the CLI (and npm) as subprocesses, many times: slow on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const PACKAGE = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;

/** The environment of a shell a runner starts: no npm_* variables of the test run leak in. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && v !== undefined) env[k] = v;
  return { ...env, NO_COLOR: '1', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_AUTHOR_NAME: 'Team', GIT_AUTHOR_EMAIL: 'team@example.com', GIT_COMMITTER_NAME: 'Team', GIT_COMMITTER_EMAIL: 'team@example.com', ...extra };
}

interface Ran {
  code: number;
  out: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()): Ran {
  const r: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** A script as the runner's bash runs it (GitLab and GitHub both stop a script at its first failure). */
const bash = (script: string, cwd: string, env: Record<string, string> = {}) => run('bash', ['-e', '-o', 'pipefail', '-c', script], cwd, cleanEnv({ npm_config_offline: 'true', ...env }));
const git = (cwd: string, ...args: string[]) => {
  const r = run('git', args, cwd);
  expect(r.code, `git ${args.join(' ')}: ${r.out}`).toBe(0);
  return r.out.trim();
};

let tarball = '';
let packed: string[] = [];
let project = '';

beforeAll(() => {
  const dir = tempDir('promise-package-');
  // dist/ is fresh: `npm test` builds it first; the package's own prepare would do the same.
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], REPO);
  expect(pack.code, pack.out).toBe(0);
  const info = (JSON.parse(pack.out.slice(pack.out.indexOf('['))) as { filename: string; files: { path: string }[] }[])[0];
  tarball = join(dir, info?.filename ?? '');
  packed = (info?.files ?? []).map((f) => f.path).sort();
  project = join(dir, 'team');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'team-promises', private: true }, null, 2)}\n`);
  const install = run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', tarball], project);
  expect(install.code, install.out).toBe(0);
}, 300_000);

describe('the tarball', () => {
  it('holds the licence the package names, the README, the command, the build and the schemas', () => {
    expect(PACKAGE.license).toBe('MIT');
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/promise.js', 'dist/cli/main.js', 'schemas/standards.schema.json']));
    expect(readFileSync(join(REPO, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });

  it('holds every file the README and the docs it ships link to', () => {
    const broken: string[] = [];
    const shipped = new Set(packed);
    for (const doc of packed.filter((p) => p.endsWith('.md'))) {
      const textOf = readFileSync(join(REPO, doc), 'utf8');
      for (const m of textOf.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = (m[1] ?? '').split('#')[0] ?? '';
        if (target === '' || /^[a-z]+:/i.test(target)) continue;
        const path = posix.normalize(posix.join(posix.dirname(doc), target)).replace(/\/$/, '');
        // a link out of the package (to data beside the repository) is not the package's to ship
        if (path.startsWith('..')) continue;
        if (!shipped.has(path) && !packed.some((p) => p.startsWith(`${path}/`))) broken.push(`${doc} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(packed).toEqual(expect.arrayContaining(['docs/ci.md', 'docs/decisions.md', 'examples/README.md', 'examples/ci/gitlab-ci.yml', 'examples/retail-bank/standards.yaml']));
  });

  it('ships no source map, and no script points at one', () => {
    expect(packed.filter((p) => p.endsWith('.map'))).toEqual([]);
    for (const js of packed.filter((p) => p.endsWith('.js'))) {
      expect(readFileSync(join(project, 'node_modules', 'promise-registry', js), 'utf8'), js).not.toContain('sourceMappingURL');
    }
  });

  it('ships neither the sources and tests nor generated logs', () => {
    expect(packed.filter((p) => /^(src|test|scripts)\//.test(p) || /^examples\/.*\/logs\//.test(p))).toEqual([]);
  });

  it('says where the project lives', () => {
    expect(PACKAGE.repository).toEqual({ type: 'git', url: 'git+https://github.com/promise-registry/promise-registry.git' });
    expect(PACKAGE.homepage).toBe('https://github.com/promise-registry/promise-registry#readme');
    expect(PACKAGE.bugs).toEqual({ url: 'https://github.com/promise-registry/promise-registry/issues' });
  });
});

describe('installed into an empty project', () => {
  it('runs as promise and as promise-registry, the version package.json has', () => {
    for (const bin of ['promise', 'promise-registry']) {
      const r = run(join(project, 'node_modules', '.bin', bin), ['--version'], project);
      expect(r.code, r.out).toBe(0);
      expect(r.out.trim()).toBe(VERSION);
    }
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(manifest.devDependencies)).toEqual(['promise-registry']);
  });

  it('checks a shipped example registry', () => {
    const r = run(join(project, 'node_modules', '.bin', 'promise-registry'), ['check', '--registry', 'node_modules/promise-registry/examples/retail-bank', '--format', 'json'], project);
    expect(r.code, r.out).toBe(0);
    expect((JSON.parse(r.out) as { summary: { errors: number } }).summary.errors).toBe(0);
  });

  it('prints next steps after init that run as they are pasted', () => {
    const r = run(join(project, 'node_modules', '.bin', 'promise-registry'), ['init', 'my registry', '--timezone', 'Europe/Berlin'], project);
    expect(r.code, r.out).toBe(0);
    const steps = r.out.slice(r.out.indexOf('\nNext:\n') + 7).trimEnd().split('\n').map((l) => l.trim());
    expect(steps[0]).toBe("cd 'my registry'");
    expect(steps.length).toBeGreaterThan(2);
    let cwd = project;
    for (const step of steps) {
      if (step.startsWith('cd ')) {
        const cd = bash(`${step} && pwd`, cwd);
        expect(cd.code, step).toBe(0);
        cwd = cd.out.trim();
        expect(cwd).toBe(join(project, 'my registry'));
        continue;
      }
      const ran = bash(step, cwd);
      expect(ran.code, `${step}\n${ran.out}`).toBe(0);
    }
  });
});

let repositories = 0;

/**
 * A git repository of promise files inside the project (so npx finds the installed package):
 * a registry from init at `folder`, committed on main, and a branch `feature` for the change.
 */
function teamRepository(folder = '.'): { repo: string; base: string; registry: string } {
  const repo = join(project, `repo-${++repositories}`);
  const registry = join(repo, folder);
  mkdirSync(registry, { recursive: true });
  const init = run(join(project, 'node_modules', '.bin', 'promise-registry'), ['init', '.', '--timezone', 'UTC', '--as-of', AS_OF, '--name', 'Team'], registry);
  expect(init.code, init.out).toBe(0);
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '--message', 'The registry');
  const base = git(repo, 'rev-parse', 'HEAD');
  // as a checkout with fetch-depth 0 has it
  git(repo, 'update-ref', 'refs/remotes/origin/main', base);
  git(repo, 'checkout', '--quiet', '-b', 'feature');
  return { repo, base, registry };
}

/** Sets the monthly standard's target (95% in the sample registry). */
function writeTarget(registry: string, target: string): void {
  const file = join(registry, 'standards.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/target: \d+%\n    period: month/, `target: ${target}\n    period: month`));
}

function setTarget(repo: string, target: string): void {
  writeTarget(repo, target);
  git(repo, 'commit', '--quiet', '--all', '--message', `target ${target}`);
}

function breakRegistry(repo: string): void {
  const file = join(repo, 'promises.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('owner: customer-care', 'owner: customer-cars'));
}

describe('the GitHub Actions workflow, step by step', () => {
  const workflow = record(readYaml(join(CI, 'github-actions.yml')));
  const steps = Object.values(record(workflow.jobs)).flatMap((j) => list(record(j).steps).map(record));
  const promiseSteps = steps.filter((s) => String(s.run ?? '').includes('promise-registry@'));

  function runSteps(repo: string): Record<string, Ran> {
    const summary = join(repo, '..', `summary-${repo.slice(-6)}.md`);
    const out: Record<string, Ran> = {};
    for (const step of promiseSteps) out[String(step.name)] = bash(String(step.run), repo, { BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary });
    return out;
  }

  it('checks, writes the diff and passes a pull request that tightens a promise', () => {
    const { repo } = teamRepository();
    setTarget(repo, '97%');
    const results = Object.values(runSteps(repo));
    expect(results).toHaveLength(3);
    for (const r of results) expect(r.code, r.out).toBe(0);
    expect(results[0]?.out).toContain('no problems');
    expect(readFileSync(join(repo, 'promise-diff.md'), 'utf8')).toMatch(/tightened/i);
  });

  it('fails the check on an error, and the gate on a pull request that loosens a promise', () => {
    const { repo } = teamRepository();
    setTarget(repo, '80%');
    breakRegistry(repo);
    const broken = Object.values(runSteps(repo));
    expect(broken[0]?.code).toBe(1);
    expect(broken[0]?.out).toMatch(/^::error file=promises\.yaml,line=\d+/m);
    // a registry with an error cannot be compared: the diff step stops the job too
    expect(broken[1]?.code, broken[1]?.out).toBe(2);
    git(repo, 'checkout', '--quiet', '--', 'promises.yaml');
    const loosened = Object.values(runSteps(repo));
    expect(loosened.map((r) => r.code)).toEqual([0, 0, 1]);
    expect(loosened[2]?.out).toMatch(/loosened/);
  });
});

describe('the GitLab jobs, script by script', () => {
  const pipeline = record(readYaml(join(CI, 'gitlab-ci.yml')));
  const script = (name: string) => lines(record(pipeline[name]).script).join('\n');

  it('promises: writes the Code Quality and JUnit reports, and fails on an error after both', () => {
    const { repo, base } = teamRepository();
    const env = { CI_MERGE_REQUEST_DIFF_BASE_SHA: base };
    const clean = bash(script('promises'), repo, env);
    expect(clean.code, clean.out).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, 'gl-code-quality.json'), 'utf8'))).toEqual([]);
    breakRegistry(repo);
    const broken = bash(script('promises'), repo, env);
    expect(broken.code, broken.out).toBe(1);
    const issues = JSON.parse(readFileSync(join(repo, 'gl-code-quality.json'), 'utf8')) as { check_name: string; location: { path: string } }[];
    expect(issues.map((i) => [i.check_name, i.location.path])).toEqual([['unknown-ref', 'promises.yaml']]);
    expect(parseXmlStrict(readFileSync(join(repo, 'promise-check.xml'), 'utf8')).attributes.failures).toBe('1');
  });

  it('promises-diff and promises-loosened: against the base commit, not the target tip', () => {
    const { repo, base } = teamRepository();
    setTarget(repo, '80%');
    // main moves on after the merge request branched: its tip is not the merge request's base
    git(repo, 'checkout', '--quiet', 'main');
    setTarget(repo, '70%');
    git(repo, 'update-ref', 'refs/remotes/origin/main', git(repo, 'rev-parse', 'HEAD'));
    git(repo, 'checkout', '--quiet', 'feature');
    const env = { CI_MERGE_REQUEST_DIFF_BASE_SHA: base };
    const diff = bash(script('promises-diff'), repo, env);
    expect(diff.code, diff.out).toBe(0);
    const md = readFileSync(join(repo, 'promise-diff.md'), 'utf8');
    expect(md).toMatch(/95% → 80%/);
    const gate = bash(script('promises-loosened'), repo, env);
    expect(gate.code, gate.out).toBe(1);
  });
});

describe('the Action, step by step', () => {
  const action = record(readYaml(join(REPO, 'action.yml')));
  const inputs = record(action.inputs);
  const steps = list(record(action.runs).steps).map(record).filter((s) => s.run !== undefined);

  /** Runs the Action's shell steps as the runner would: `${{ inputs.x }}` in env from the inputs. */
  function runAction(repo: string, given: Record<string, string>): { ran: Record<string, Ran>; output: string } {
    const value = (name: string) => given[name] ?? String(record(inputs[name]).default ?? '');
    const output = join(dirname(repo), `output-${repo.slice(-6)}`);
    writeFileSync(output, '');
    const ran: Record<string, Ran> = {};
    for (const step of steps) {
      const condition = String(step.if ?? '');
      if (condition.includes("inputs.sarif == 'true'") && value('sarif') !== 'true') continue;
      const env: Record<string, string> = { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: `${output}.md` };
      for (const [k, v] of Object.entries(record(step.env))) env[k] = String(v).replace(/\$\{\{ inputs\.([a-z-]+) \}\}/g, (_, n: string) => value(n));
      ran[String(step.name)] = bash(String(step.run), repo, env);
    }
    return { ran, output: readFileSync(output, 'utf8') };
  }

  it('checks with annotations, and writes SARIF for the upload when asked', () => {
    const { repo } = teamRepository();
    const plain = runAction(repo, {});
    expect(Object.keys(plain.ran)).toEqual(['Check the registry']);
    expect(plain.ran['Check the registry']?.code).toBe(0);
    breakRegistry(repo);
    const { ran, output } = runAction(repo, { sarif: 'true' });
    expect(ran['Write SARIF']?.code, ran['Write SARIF']?.out).toBe(0);
    expect(output).toBe('file=promise-check.sarif\n');
    const sarif = JSON.parse(readFileSync(join(repo, 'promise-check.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toEqual(['unknown-ref']);
    expect(ran['Check the registry']?.code).toBe(1);
    expect(ran['Check the registry']?.out).toMatch(/^::error file=promises\.yaml/m);
  });

  it('takes the registry folder and fail-on from its inputs', () => {
    const { repo, registry } = teamRepository('promises');
    const inFolder = runAction(repo, { registry: 'promises', 'fail-on': 'info' });
    // the sample registry has no findings at all, so even fail-on info passes
    expect(inFolder.ran['Check the registry']?.code, inFolder.ran['Check the registry']?.out).toBe(0);
    breakRegistry(registry);
    const broken = runAction(repo, { registry: 'promises' });
    expect(broken.ran['Check the registry']?.code).toBe(1);
    expect(broken.ran['Check the registry']?.out).toMatch(/^::error file=promises\/promises\.yaml,/m);
  });
});

describe('the pre-commit hooks', () => {
  function commitTwice(repo: string, env: Record<string, string>) {
    const commit = (message: string) => run('git', ['commit', '--quiet', '--all', '--message', message], repo, cleanEnv({ npm_config_offline: 'true', ...env }));
    writeTarget(repo, '97%');
    const ok = commit('Tighter');
    breakRegistry(repo);
    const refused = commit('A typo');
    return { ok, refused };
  }

  it('the plain git hook lets a valid commit through and stops one with an error', () => {
    const { repo } = teamRepository();
    copyFileSync(join(CI, 'pre-commit'), join(repo, '.git', 'hooks', 'pre-commit'));
    chmodSync(join(repo, '.git', 'hooks', 'pre-commit'), 0o755);
    const { ok, refused } = commitTwice(repo, {});
    expect(ok.code, ok.out).toBe(0);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('unknown-ref');
  });

  it('npm pack prints only the tarball name, which pre-commit reads, though prepare prints a build log', () => {
    // pre-commit installs a node hook with `npm pack` in a clone of the hook's repository and
    // takes its output as the file name; the repository's .npmrc keeps the prepare script's
    // output (npm runs it in the foreground by default) out of it.
    expect(String(record(PACKAGE.scripts).prepare)).not.toBe('');
    const dir = join(project, '..', 'pack-output');
    mkdirSync(dir);
    copyFileSync(join(REPO, '.npmrc'), join(dir, '.npmrc'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'noisy', version: '1.0.0', scripts: { prepare: 'echo building the package' } }));
    const r = spawnSync('npm', ['pack'], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('noisy-1.0.0.tgz\n');
    expect(existsSync(join(dir, 'noisy-1.0.0.tgz'))).toBe(true);
  });

  it('the pre-commit framework hook: its entry runs from the package installed as pre-commit installs a node hook', () => {
    const hook = list(readYaml(join(REPO, '.pre-commit-hooks.yaml'))).map(record)[0] ?? {};
    // pre-commit packs the hook repository and installs the tarball globally into its own environment
    const envDir = join(project, '..', 'hook-env');
    const install = run('npm', ['install', '--global', '--prefix', envDir, '--no-audit', '--no-fund', tarball], project);
    expect(install.code, install.out).toBe(0);
    const { repo } = teamRepository();
    writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), `#!/bin/sh\nexec ${String(hook.entry)}\n`);
    chmodSync(join(repo, '.git', 'hooks', 'pre-commit'), 0o755);
    const path = `${join(envDir, 'bin')}${delimiter}${process.env.PATH ?? ''}`;
    expect(existsSync(join(envDir, 'bin', String(hook.entry).split(' ')[0] ?? ''))).toBe(true);
    const { ok, refused } = commitTwice(repo, { PATH: path });
    expect(ok.code, ok.out).toBe(0);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('unknown-ref');
  });
});
