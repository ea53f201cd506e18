/**
 * The CI recipes of examples/ci (docs/ci.md): each YAML recipe parses without error and has the
 * structure that makes it work; the plain git hook is run in a repository made here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { BIN, REPO, tempDir } from '../helpers/cli.js';

const CI = join(REPO, 'examples', 'ci');
const RECIPES = ['github-actions.yml', 'gitlab-ci.yml', 'pre-commit', 'pre-commit-config.yaml'];

/** Parses a recipe as YAML: one document, no error and no warning. */
function parseRecipe(name: string): Record<string, unknown> {
  const docs = parseAllDocuments(readFileSync(join(CI, name), 'utf8'), { prettyErrors: true });
  expect(Array.isArray(docs) ? docs.length : 0, `${name}: exactly one YAML document`).toBe(1);
  const doc = (docs as Exclude<typeof docs, { empty: true }>)[0];
  expect(doc?.errors.map((e) => e.message) ?? ['no document'], `${name}: YAML errors`).toEqual([]);
  expect(doc?.warnings.map((e) => e.message), `${name}: YAML warnings`).toEqual([]);
  const value = doc?.toJS() as unknown;
  expect(value !== null && typeof value === 'object' && !Array.isArray(value), `${name}: a mapping`).toBe(true);
  return value as Record<string, unknown>;
}

const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const lines = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

describe('examples/ci', () => {
  it.each(RECIPES.filter((r) => r.includes('.y')))('%s parses as YAML without an error or a warning', (name) => {
    expect(Object.keys(parseRecipe(name)).length).toBeGreaterThan(0);
  });

  it('holds the recipes docs/ci.md describes, and no registry', () => {
    expect(readdirSync(CI).sort()).toEqual([...RECIPES].sort());
    expect(existsSync(join(CI, 'promise.yaml'))).toBe(false);
    const doc = readFileSync(join(REPO, 'docs', 'ci.md'), 'utf8');
    for (const name of RECIPES) expect(doc, `docs/ci.md names ${name}`).toContain(`examples/ci/${name}`);
  });
});

describe('the GitHub Actions workflow', () => {
  const workflow = parseRecipe('github-actions.yml');
  const jobs = Object.values(record(workflow.jobs)).map(record);
  const steps = jobs.flatMap((j) => (Array.isArray(j.steps) ? j.steps.map(record) : []));
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

  it('runs promise check --format github, then promise diff against the base branch, and comments with it', () => {
    const check = runs.findIndex((r) => r.includes('promise check --format github'));
    const diff = runs.findIndex((r) => /promise diff "origin\/\$BASE_REF" --format md --out promise-diff\.md/.test(r));
    const comment = runs.findIndex((r) => r.includes('gh pr comment') && r.includes('--body-file promise-diff.md'));
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

describe('the GitLab CI job', () => {
  const pipeline = parseRecipe('gitlab-ci.yml');
  const job = (name: string) => {
    const own = record(pipeline[name]);
    const base = record(pipeline[String(own.extends ?? '')]);
    return { ...base, ...own };
  };

  it('runs on merge requests, with the whole history and the target branch fetched', () => {
    const base = job('promises');
    expect(JSON.stringify(base.rules)).toContain('merge_request_event');
    expect(record(base.variables).GIT_DEPTH).toBe('0');
    expect(lines(base.before_script).join('\n')).toMatch(/git fetch origin .*CI_MERGE_REQUEST_TARGET_BRANCH_NAME/);
  });

  it('has a script with promise check and promise diff, the diff posted as a note', () => {
    const script = lines(job('promises').script).join('\n');
    expect(script).toContain('promise check --format junit --out promise-check.xml');
    expect(script).toContain('promise diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --format md --out promise-diff.md');
    expect(script).toContain('/merge_requests/$CI_MERGE_REQUEST_IID/notes');
    expect(record(record(job('promises').artifacts).reports).junit).toBe('promise-check.xml');
  });

  it('has a job that fails while a promise is loosened', () => {
    expect(lines(job('promises-loosened').script).join('\n')).toContain('promise diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --fail-on loosened');
  });
});

describe('the pre-commit hooks', () => {
  it('.pre-commit-config.yaml: a local hook that runs promise check once, on YAML and CSV changes', () => {
    const config = parseRecipe('pre-commit-config.yaml');
    const repos = Array.isArray(config.repos) ? config.repos.map(record) : [];
    const local = repos.find((r) => r.repo === 'local');
    const hook = (Array.isArray(local?.hooks) ? local.hooks.map(record) : []).find((h) => h.id === 'promise-check');
    expect(hook).toMatchObject({ entry: 'promise check', language: 'system', pass_filenames: false });
    expect(new RegExp(String(hook?.files)).test('promises/standards.yaml')).toBe(true);
    expect(new RegExp(String(hook?.files)).test('logs/tickets.csv')).toBe(true);
  });

  it('the plain hook is an executable shell script that runs promise check', () => {
    const text = readFileSync(join(CI, 'pre-commit'), 'utf8');
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).toMatch(/^exec promise check$/m);
    expect(statSync(join(CI, 'pre-commit')).mode & 0o111).not.toBe(0);
  });

  it('the plain hook lets a commit of a valid registry through and stops one with an error', () => {
    const repo = tempDir('promise-hook-');
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, NO_COLOR: '1' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, env: { ...env, PATH: path }, encoding: 'utf8' });
    // `promise` on PATH, as an installed one would be
    const bin = tempDir('promise-bin-');
    writeFileSync(join(bin, 'promise'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'promise'), 0o755);
    const path = `${bin}${delimiter}${process.env.PATH ?? ''}`;
    execFileSync('git', ['init', '--quiet'], { cwd: repo, env });
    git('config', 'user.name', 'Registry Tests');
    git('config', 'user.email', 'registry-tests@example.com');
    copyFileSync(join(CI, 'pre-commit'), join(repo, '.git', 'hooks', 'pre-commit'));
    chmodSync(join(repo, '.git', 'hooks', 'pre-commit'), 0o755);

    writeFileSync(join(repo, 'promise.yaml'), 'version: 1\nname: Hooked\n');
    writeFileSync(join(repo, 'owners.yaml'), 'owners:\n  - { id: support, name: Support, kind: team }\n');
    writeFileSync(join(repo, 'promises.yaml'), 'promises:\n  - { id: reply, statement: We reply., dimension: responsiveness, owner: support }\n');
    git('add', '--all');
    const ok = git('commit', '--quiet', '--message', 'A registry');
    expect(ok.status, ok.stderr + ok.stdout).toBe(0);

    writeFileSync(join(repo, 'promises.yaml'), 'promises:\n  - { id: reply, statement: We reply., dimension: responsiveness, owner: suport }\n');
    git('add', '--all');
    const refused = git('commit', '--quiet', '--message', 'A typo');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('unknown-ref');
    expect(git('log', '--oneline').stdout.trim().split('\n')).toHaveLength(1);
  });
});
