/**
 * Finding a source's log files on a real disk, with real links: the registry's globs stay inside
 * the registry, `--log` may point anywhere, and what a glob names that is no regular file is
 * listed so that reading it says why (never skipped unseen).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSourceFiles, type SourceFiles } from '../../src/logs/files.js';
import { fsRegistryReader } from '../../src/registry/fs-reader.js';
import { loadRegistry } from '../../src/registry/load.js';
import { tempDir } from '../helpers/cli.js';

const HEADER = 'id,opened_at\n';

/** A folder holding `registry/` (a source `logs` whose files are `files`) and `outside/secret.csv`. */
function layout(files: string | string[]): { base: string; root: string } {
  const base = realpathSync(tempDir('promise-files-'));
  const root = join(base, 'registry');
  mkdirSync(join(root, 'logs'), { recursive: true });
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(root, 'promise.yaml'), 'version: 1\nname: Files\n');
  writeFileSync(join(root, 'sources.yaml'), `sources:\n  - id: logs\n    files: ${JSON.stringify(files)}\n    key: id\n`);
  writeFileSync(join(root, 'logs', 'a.csv'), HEADER);
  writeFileSync(join(base, 'outside', 'secret.csv'), HEADER);
  return { base, root };
}

async function find(root: string, overrides: Record<string, string[]> = {}, cwd = root): Promise<SourceFiles> {
  const { registry, diagnostics } = await loadRegistry(fsRegistryReader(root), root);
  // the walk for YAML files has its own say on folder links (test/cli/security.test.ts)
  expect(diagnostics.filter((d) => d.severity === 'error' && d.rule !== 'unreadable-file')).toEqual([]);
  const found = await findSourceFiles(registry, new Map(Object.entries(overrides)), cwd);
  return found.get('logs') as SourceFiles;
}

const shown = (s: SourceFiles) => ({ files: s.files.map((f) => f.display), refused: s.refused });

describe('globs of the registry stay inside it', () => {
  it.each([
    ['a parent folder', '../outside/*.csv'],
    ['`..` in the middle', 'logs/../../outside/secret.csv'],
    ['an absolute path', '/proc/self/environ'],
    ['an absolute glob', '/etc/*'],
    ['`..` inside braces', '{..,logs}/outside/*.csv'],
    ['`..` inside an extglob', '@(..)/outside/*.csv'],
  ])('%s is refused whole: %s', async (_, pattern) => {
    const { root } = layout(pattern);
    expect(shown(await find(root))).toEqual({ files: [], refused: [{ kind: 'glob-outside', pattern, index: 0 }] });
  });

  it('refuses the glob that leaves, and reads the others; an exclusion that leaves is refused too', async () => {
    const { root } = layout(['logs/*.csv', '../outside/*.csv', '!../outside/x.csv']);
    expect(shown(await find(root))).toEqual({
      files: ['logs/a.csv'],
      refused: [
        { kind: 'glob-outside', pattern: '../outside/*.csv', index: 1 },
        { kind: 'glob-outside', pattern: '!../outside/x.csv', index: 2 },
      ],
    });
  });

  it('a matched file that is a link to a file outside is refused by its registry path', async () => {
    const { base, root } = layout('logs/*.csv');
    symlinkSync(join(base, 'outside', 'secret.csv'), join(root, 'logs', 'abs.csv'));
    symlinkSync('../../outside/secret.csv', join(root, 'logs', 'rel.csv'));
    symlinkSync('/proc/self/environ', join(root, 'logs', 'environ.csv'));
    symlinkSync('../../outside/nothing.csv', join(root, 'logs', 'gone-out.csv'));
    expect(shown(await find(root))).toEqual({
      files: ['logs/a.csv'],
      refused: ['logs/abs.csv', 'logs/environ.csv', 'logs/gone-out.csv', 'logs/rel.csv'].map((display) => ({ kind: 'link-outside', display, folder: false })),
    });
  });

  it('a literal path through a folder link that leads outside is refused', async () => {
    const { base, root } = layout('ext/secret.csv');
    symlinkSync(join(base, 'outside'), join(root, 'ext'));
    expect(shown(await find(root))).toEqual({ files: [], refused: [{ kind: 'link-outside', display: 'ext/secret.csv', folder: false }] });
  });

  it('never searches a folder link that leads outside; reports it when the glob would search it', async () => {
    const { base, root } = layout('logs/**/*.csv');
    symlinkSync(join(base, 'outside'), join(root, 'logs', 'ext'));
    // the whole disk: a search that followed it would not end soon
    symlinkSync('/', join(root, 'logs', 'disk'));
    expect(shown(await find(root))).toEqual({
      files: ['logs/a.csv'],
      refused: [
        { kind: 'link-outside', display: 'logs/disk', folder: true },
        { kind: 'link-outside', display: 'logs/ext', folder: true },
      ],
    });
  });

  it('says nothing of a folder link the glob would not search', async () => {
    const { base, root } = layout('logs/*.csv');
    symlinkSync(join(base, 'outside'), join(root, 'logs', 'ext'));
    expect(shown(await find(root))).toEqual({ files: ['logs/a.csv'], refused: [] });
  });

  it('a logs folder that is itself a link outside is refused', async () => {
    const { base, root } = layout('exports/*.csv');
    symlinkSync(join(base, 'outside'), join(root, 'exports'));
    expect(shown(await find(root))).toEqual({ files: [], refused: [{ kind: 'link-outside', display: 'exports', folder: true }] });
  });

  it('a folder link back to a folder above it is reported, not searched in circles', async () => {
    const { root } = layout('logs/**/*.csv');
    symlinkSync('..', join(root, 'logs', 'up'));
    symlinkSync('.', join(root, 'logs', 'here'));
    expect(shown(await find(root))).toEqual({
      files: ['logs/a.csv'],
      refused: [
        { kind: 'folder-loop', display: 'logs/here' },
        { kind: 'folder-loop', display: 'logs/up' },
      ],
    });
  });

  it('follows links that stay inside, reads their real path, and reads a file reached twice once', async () => {
    const { root } = layout('**/*.csv');
    mkdirSync(join(root, 'archive'));
    writeFileSync(join(root, 'archive', 'old.csv'), HEADER);
    symlinkSync('../archive', join(root, 'logs', 'archived'));
    symlinkSync('a.csv', join(root, 'logs', 'current.csv'));
    const found = await find(root);
    expect(shown(found)).toEqual({ files: ['archive/old.csv', 'logs/a.csv'], refused: [] });
    expect(found.files.map((f) => f.abs)).toEqual([join(root, 'archive', 'old.csv'), join(root, 'logs', 'a.csv')]);
  });

  it('the registry root reached through a link is the same registry', async () => {
    const { base } = layout('logs/*.csv');
    symlinkSync(join(base, 'registry'), join(base, 'link'));
    expect(shown(await find(join(base, 'link')))).toEqual({ files: ['logs/a.csv'], refused: [] });
  });
});

describe('what is not a regular file is listed, to be refused when opened', () => {
  it('a FIFO, a link to nothing, a link loop; a folder named as a literal path', async () => {
    const { root } = layout(['logs/*.csv', 'logs/folder']);
    execFileSync('mkfifo', [join(root, 'logs', 'pipe.csv')]);
    symlinkSync('nothing.csv', join(root, 'logs', 'gone.csv'));
    symlinkSync('loop.csv', join(root, 'logs', 'loop.csv'));
    mkdirSync(join(root, 'logs', 'folder'));
    expect(shown(await find(root))).toEqual({ files: ['logs/a.csv', 'logs/folder', 'logs/gone.csv', 'logs/loop.csv', 'logs/pipe.csv'], refused: [] });
  });
});

describe('--log is the user\'s own choice', () => {
  it('may name a file outside the registry, by a relative or an absolute path, or /dev/zero', async () => {
    const { base, root } = layout('logs/*.csv');
    const rel = await find(root, { logs: ['../outside/secret.csv'] }, root);
    expect(shown(rel)).toEqual({ files: ['../outside/secret.csv'], refused: [] });
    const glob = await find(root, { logs: [join(base, 'outside', '*.csv')] }, join(base, 'outside'));
    expect(shown(glob)).toEqual({ files: ['secret.csv'], refused: [] });
    expect(shown(await find(root, { logs: ['/dev/zero'] }, root))).toEqual({ files: ['/dev/zero'], refused: [] });
  });

  it('lists a folder, a FIFO or a link to nothing it names, and finds FIFOs its globs name', async () => {
    const { base, root } = layout('logs/*.csv');
    execFileSync('mkfifo', [join(base, 'outside', 'pipe.csv')]);
    symlinkSync('nothing.csv', join(base, 'outside', 'gone.csv'));
    const cwd = join(base, 'outside');
    expect(shown(await find(root, { logs: ['pipe.csv', 'gone.csv', '.'] }, cwd))).toEqual({ files: ['.', 'gone.csv', 'pipe.csv'], refused: [] });
    expect(shown(await find(root, { logs: ['*.csv'] }, cwd))).toEqual({ files: ['gone.csv', 'pipe.csv', 'secret.csv'], refused: [] });
  });
});
