/**
 * The CI recipes (docs/ci.md): examples/ci, the Action (action.yml) and the pre-commit hook
 * (.pre-commit-hooks.yaml) parse as their runners read them, pin the version package.json
 * has, and name only commands and flags the CLI has. test/ci/package.test.ts runs them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CHECK_FORMATS } from '../../src/report/check/index.js';
import { DIFF_FORMATS } from '../../src/report/diff/index.js';
import { BIN, REPO } from '../helpers/cli.js';
import { CI, lines, list, promiseCommands, readYaml, record, VERSION } from './recipe-commands.js';

const RECIPES = ['github-actions.yml', 'gitlab-ci.yml', 'pre-commit', 'pre-commit-config.yaml'];
const PACKAGE = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string>; repository: { url: string } };
const REPOSITORY = PACKAGE.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const text = (path: string) => readFileSync(path, 'utf8');

/** Every file a team copies or points at, with the promise commands in it. */
const SOURCES = [...RECIPES.map((r) => join(CI, r)), join(REPO, 'action.yml'), join(REPO, 'docs', 'ci.md'), join(REPO, 'README.md')];

const helpCache = new Map<string, string>();
function help(command: string): string {
  const cached = helpCache.get(command);
  if (cached !== undefined) return cached;
  const r = spawnSync(process.execPath, [BIN, command, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.status, `promise ${command} --help`).toBe(0);
  helpCache.set(command, r.stdout);
  return r.stdout;
}

const FORMATS: Record<string, readonly string[]> = { check: Object.keys(CHECK_FORMATS), diff: Object.keys(DIFF_FORMATS) };

describe('examples/ci', () => {
  it('holds the recipes docs/ci.md describes, and no registry', () => {
    expect(readdirSync(CI).sort()).toEqual([...RECIPES].sort());
    expect(existsSync(join(CI, 'promise.yaml'))).toBe(false);
    const doc = text(join(REPO, 'docs', 'ci.md'));
    for (const name of RECIPES) expect(doc, `docs/ci.md names ${name}`).toContain(`examples/ci/${name}`);
  });

  it.each([...RECIPES.filter((r) => r.includes('.y')).map((r) => join(CI, r)), join(REPO, 'action.yml'), join(REPO, '.pre-commit-hooks.yaml')])('%s parses as YAML without an error or a warning', (path) => {
    expect(() => readYaml(path)).not.toThrow();
  });
});

describe('every recipe pins the version package.json has', () => {
  it.each(SOURCES)('%s', (path) => {
    const commands = promiseCommands(text(path));
    if (!/README\.md$|pre-commit-config\.yaml$/.test(path)) expect(commands.length, 'runs promise-registry through npx').toBeGreaterThan(0);
    for (const c of commands) {
      expect(c.version === VERSION || c.version === '$PROMISE_VERSION', c.line).toBe(true);
    }
    for (const m of text(path).matchAll(/promise-registry@(v?\d+\.\d+\.\d+)/g)) expect(m[1], m[0]).toMatch(new RegExp(`^v?${VERSION.replace(/\./g, '\\.')}$`));
    for (const m of text(path).matchAll(/^\s*rev: (\S+)/gm)) expect(m[1]).toBe(`v${VERSION}`);
  });

  it('the Action runs its own release by default', () => {
    const action = record(readYaml(join(REPO, 'action.yml')));
    expect(record(record(action.inputs).version).default).toBe(VERSION);
  });
});

describe('every recipe names commands and flags the CLI has', () => {
  const all = SOURCES.flatMap((path) => promiseCommands(text(path)).map((c) => ({ ...c, path })));

  it.each(all.map((c) => [c.line, c] as const))('%s', (_, c) => {
    const [command, ...rest] = c.args;
    expect(command, c.line).toBeDefined();
    const usage = help(command ?? '');
    for (const [i, word] of rest.entries()) {
      if (!word.startsWith('--')) continue;
      expect(usage, `promise ${command} has ${word}`).toMatch(new RegExp(`(^|[\\s,])${word}\\b`, 'm'));
      if (word === '--format') expect(FORMATS[command ?? ''] ?? [], c.line).toContain(rest[i + 1]);
    }
  });

  it('the pre-commit hook runs a command the package installs', () => {
    const hooks = list(readYaml(join(REPO, '.pre-commit-hooks.yaml'))).map(record);
    const hook = hooks.find((h) => h.id === 'promise-check');
    const [bin, command, ...flags] = String(hook?.entry).split(' ');
    expect(Object.keys(PACKAGE.bin)).toContain(bin);
    expect(PACKAGE.bin[bin ?? '']).toBe('bin/promise.js');
    expect(command).toBe('check');
    expect(flags).toEqual([]);
    help(command ?? '');
  });
});

describe('the GitHub Action (action.yml)', () => {
  const action = record(readYaml(join(REPO, 'action.yml')));
  const runs = record(action.runs);
  const steps = list(runs.steps).map(record);
  const inputs = record(action.inputs);

  it('is a composite action with inputs for the version, the registry, fail-on and SARIF', () => {
    expect(runs.using).toBe('composite');
    expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['version', 'registry', 'fail-on', 'sarif', 'sarif-file']));
    for (const [name, input] of Object.entries(inputs)) expect(String(record(input).description ?? ''), name).not.toBe('');
    expect(record(inputs.registry).default).toBe('.');
    expect(record(inputs.sarif).default).toBe('false');
  });

  it('runs check --format github on the registry given, failing on the severity given', () => {
    const check = steps.find((s) => String(s.run ?? '').includes('--format github'));
    expect(check?.shell).toBe('bash');
    expect(check?.if).toBeUndefined();
    const [command] = promiseCommands(String(check?.run));
    expect(command?.args).toEqual(['check', '--registry', '$PROMISE_REGISTRY', '--format', 'github', '--fail-on', '$PROMISE_FAIL_ON']);
    expect(record(check?.env)).toEqual({ PROMISE_VERSION: '${{ inputs.version }}', PROMISE_REGISTRY: '${{ inputs.registry }}', PROMISE_FAIL_ON: '${{ inputs.fail-on }}' });
  });

  it('writes SARIF and uploads it with upload-sarif only when asked, before the check can fail', () => {
    const write = steps.findIndex((s) => String(s.run ?? '').includes('--format sarif'));
    const upload = steps.findIndex((s) => String(s.uses ?? '').startsWith('github/codeql-action/upload-sarif@'));
    const check = steps.findIndex((s) => String(s.run ?? '').includes('--format github'));
    expect(write).toBeGreaterThanOrEqual(0);
    expect(upload).toBeGreaterThan(write);
    expect(check).toBeGreaterThan(upload);
    for (const i of [write, upload]) expect(String(steps[i]?.if)).toContain("inputs.sarif == 'true'");
    expect(record(steps[upload]?.with).sarif_file).toBe('${{ inputs.sarif-file }}');
    expect(record(steps[write]?.env).PROMISE_SARIF).toBe('${{ inputs.sarif-file }}');
  });

  it('passes inputs to the shell through env only', () => {
    for (const s of steps) expect(String(s.run ?? ''), 'no ${{ }} inside a run script').not.toContain('${{');
  });
});

describe('the GitHub Actions workflow', () => {
  const workflow = record(readYaml(join(CI, 'github-actions.yml')));
  const jobs = Object.values(record(workflow.jobs)).map(record);
  const steps = jobs.flatMap((j) => list(j.steps).map(record));
  const runs = steps.map((s) => String(s.run ?? ''));

  it('runs on pull requests, relabelling included, and may comment on them', () => {
    const on = record(workflow.on);
    expect(Object.keys(on)).toContain('pull_request');
    expect(lines(record(on.pull_request).types)).toEqual(expect.arrayContaining(['opened', 'synchronize', 'labeled', 'unlabeled']));
    expect(record(workflow.permissions)['pull-requests']).toBe('write');
  });

  it('checks out the whole history, so the base revision exists', () => {
    const checkout = steps.find((s) => String(s.uses ?? '').startsWith('actions/checkout@'));
    expect(record(checkout?.with)['fetch-depth']).toBe(0);
  });

  it('checks with --format github, then diffs against the base branch, and comments with it', () => {
    const check = runs.findIndex((r) => r.includes(`npx --yes promise-registry@${VERSION} check --format github`));
    const diff = runs.findIndex((r) => r.includes(`npx --yes promise-registry@${VERSION} diff "origin/$BASE_REF" --format md --out promise-diff.md`));
    const comment = runs.findIndex((r) => r.includes('gh pr comment') && r.includes('--body-file promise-diff.md') && r.includes('--edit-last'));
    expect(check).toBeGreaterThanOrEqual(0);
    expect(diff).toBeGreaterThan(check);
    expect(comment).toBeGreaterThan(diff);
    expect(record(steps[comment]?.env).GH_TOKEN).toBe('${{ github.token }}');
  });

  it('fails on a loosened promise unless the label is set; the base branch reaches the shell through env only', () => {
    const gate = steps.find((s) => String(s.run ?? '').includes('--fail-on loosened'));
    expect(String(gate?.if)).toContain("'loosening-approved'");
    for (const r of runs) expect(r, 'no ${{ }} expression inside a run script').not.toContain('${{');
  });
});

describe('the GitLab CI jobs', () => {
  const pipeline = record(readYaml(join(CI, 'gitlab-ci.yml')));
  const job = (name: string) => {
    const own = record(pipeline[name]);
    const base = record(pipeline[String(own.extends ?? '')]);
    return { ...base, ...own };
  };
  const script = (name: string) => lines(job(name).script).join('\n');

  it('run on merge requests, with the whole history', () => {
    for (const name of ['promises', 'promises-diff', 'promises-loosened']) {
      expect(JSON.stringify(job(name).rules), name).toContain('merge_request_event');
      expect(record(job(name).variables).GIT_DEPTH).toBe('0');
    }
  });

  it('check: a Code Quality report and a JUnit report, both written before the job fails', () => {
    const s = script('promises');
    const [quality, junit] = promiseCommands(s);
    expect(quality?.args).toEqual(['check', '--format', 'gitlab', '--out', 'gl-code-quality.json']);
    expect(junit?.args).toEqual(['check', '--format', 'junit', '--out', 'promise-check.xml']);
    for (const c of [quality, junit]) expect(c?.line).toMatch(/\|\| status=\$\?$/);
    expect(lines(job('promises').script).at(-1)).toBe('exit "$status"');
    const artifacts = record(job('promises').artifacts);
    expect(artifacts.when).toBe('always');
    expect(record(artifacts.reports)).toEqual({ codequality: 'gl-code-quality.json', junit: 'promise-check.xml' });
  });

  it('diffs against the merge request base commit, never the target branch tip', () => {
    for (const name of ['promises-diff', 'promises-loosened']) {
      expect(promiseCommands(script(name))[0]?.args.slice(0, 2), name).toEqual(['diff', '$CI_MERGE_REQUEST_DIFF_BASE_SHA']);
    }
    expect(promiseCommands(script('promises-loosened'))[0]?.args).toEqual(['diff', '$CI_MERGE_REQUEST_DIFF_BASE_SHA', '--fail-on', 'loosened']);
    expect(text(join(CI, 'gitlab-ci.yml'))).not.toContain('CI_MERGE_REQUEST_TARGET_BRANCH_NAME');
  });

  it('updates one merge-request note, found by its marker, through the notes API with curl', () => {
    const s = script('promises-diff');
    expect(s).toContain('/merge_requests/$CI_MERGE_REQUEST_IID/notes');
    expect(s).toMatch(/--request PUT[\s\S]*"\$api\/\$note"/);
    expect(s).toContain('--request POST');
    expect(s).toContain("marker='<!-- promise-registry diff -->'");
    expect(s).toContain('PRIVATE-TOKEN: $PROMISE_NOTE_TOKEN');
    expect(lines(record(job('promises-diff').artifacts).paths)).toEqual(['promise-diff.md']);
  });
});

describe('the pre-commit hooks', () => {
  it('.pre-commit-hooks.yaml: a node hook that runs the check once, on YAML and CSV changes', () => {
    const hooks = list(readYaml(join(REPO, '.pre-commit-hooks.yaml'))).map(record);
    expect(hooks.map((h) => h.id)).toEqual(['promise-check']);
    const hook = hooks[0] ?? {};
    expect(hook).toMatchObject({ language: 'node', pass_filenames: false });
    expect(new RegExp(String(hook.files)).test('promises/standards.yaml')).toBe(true);
    expect(new RegExp(String(hook.files)).test('logs/tickets.csv')).toBe(true);
    expect(new RegExp(String(hook.files)).test('README.md')).toBe(false);
  });

  it('examples/ci/pre-commit-config.yaml points at this repository, its release and its hook', () => {
    const config = record(readYaml(join(CI, 'pre-commit-config.yaml')));
    const repos = list(config.repos).map(record);
    expect(repos).toHaveLength(1);
    expect(repos[0]?.repo).toBe(REPOSITORY);
    expect(repos[0]?.rev).toBe(`v${VERSION}`);
    expect(list(repos[0]?.hooks).map((h) => record(h).id)).toEqual(['promise-check']);
  });

  it('the plain hook is an executable shell script that runs the pinned check', () => {
    const hook = text(join(CI, 'pre-commit'));
    expect(hook.startsWith('#!/bin/sh\n')).toBe(true);
    expect(hook).toMatch(new RegExp(`^exec npx --yes promise-registry@${VERSION.replace(/\./g, '\\.')} check$`, 'm'));
    expect(statSync(join(CI, 'pre-commit')).mode & 0o111).not.toBe(0);
  });
});

describe('docs/ci.md, as a team copies it', () => {
  const doc = text(join(REPO, 'docs', 'ci.md'));

  it('shows the Action, the pre-commit hook and the GitLab job with the pinned version', () => {
    expect(doc).toContain(`uses: promise-registry/promise-registry@v${VERSION}`);
    expect(doc).toContain(`- repo: ${REPOSITORY}\n    rev: v${VERSION}\n    hooks:\n      - id: promise-check`);
    expect(doc).toContain(`npx --yes promise-registry@${VERSION} check --format gitlab --out gl-code-quality.json`);
    expect(doc).toContain('codequality: gl-code-quality.json');
    expect(doc).toContain('$CI_MERGE_REQUEST_DIFF_BASE_SHA');
    expect(doc).toContain('PROMISE_NOTE_TOKEN');
  });

  it('its YAML blocks parse', () => {
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      const docs = parseBlock(block);
      expect(docs).not.toBeNull();
    }
  });
});

function parseBlock(block: string): unknown {
  const doc = parseDocument(block);
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  return doc.toJS() as unknown;
}
