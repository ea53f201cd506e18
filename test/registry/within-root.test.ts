/**
 * The containment check every read of the registry goes through: a path is accepted iff its
 * real path lies below the registry root's real path. The oracle is the operating system's own
 * realpath and a comparison of path parts, not the code under test.
 */
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globLeavesRoot, isWithin, resolveWithin } from '../../src/registry/within-root.js';
import { tempDir } from '../helpers/cli.js';

/** Whether the parts of `path` begin with the parts of `root`: the definition of "below", spelled out. */
function startsWithParts(root: string, path: string): boolean {
  const r = root.split(sep).filter((p) => p !== '');
  const p = path.split(sep).filter((q) => q !== '');
  return r.length <= p.length && r.every((part, i) => p[i] === part);
}

describe('isWithin', () => {
  const part = fc.constantFrom('a', 'b', 'ab', '..a', 'a..', '...', 'reg', 'reg-x', 'registry');
  it('is true exactly when the path begins with the parts of the root', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 4 }), fc.array(part, { maxLength: 6 }), (root, path) => {
        const r = posix.join('/', ...root);
        const p = posix.join('/', ...path);
        expect(isWithin(r, p)).toBe(startsWithParts(r, p));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['/reg', '/reg', true],
    ['/reg', '/reg/a.csv', true],
    ['/reg', '/reg/..data/a.csv', true],
    ['/reg', '/reg-x/a.csv', false],
    ['/reg', '/regx', false],
    ['/reg', '/', false],
    ['/', '/etc/passwd', true],
  ])('%s holds %s: %s', (root, path, inside) => {
    expect(isWithin(root, path)).toBe(inside);
  });
});

describe('resolveWithin: on a real tree with links', () => {
  const base = realpathSync(tempDir('promise-within-'));
  const root = join(base, 'registry');
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  mkdirSync(join(root, '..data'));
  mkdirSync(join(base, 'outside'));
  mkdirSync(join(base, 'registry-x'));
  writeFileSync(join(root, 'a', 'file.csv'), 'x\n');
  writeFileSync(join(root, 'a', 'b', 'deep.csv'), 'x\n');
  writeFileSync(join(root, '..data', 'x.csv'), 'x\n');
  writeFileSync(join(base, 'outside', 'secret.csv'), 'x\n');
  writeFileSync(join(base, 'registry-x', 'y.csv'), 'x\n');
  const links: [string, string][] = [
    ['in', 'a'],
    ['in-abs', join(root, 'a', 'b')],
    ['out', '../outside'],
    ['out-abs', join(base, 'outside', 'secret.csv')],
    ['up', '..'],
    ['self', '.'],
    ['gone', 'nowhere'],
    ['gone-out', '../nowhere'],
    ['loop', 'loop'],
    ['chain', 'in'],
    // `out/..` is the parent of where `out` leads: the registry's parent, so this is the registry again
    ['back', 'out/../registry'],
    ['sibling', '../registry-x'],
    ['a/b/top', '../../..'],
  ];
  for (const [name, target] of links) symlinkSync(target, join(root, name));
  symlinkSync(root, join(base, 'root-link'));
  const rootReal = realpathSync(root);

  const names = ['a', 'b', 'file.csv', 'deep.csv', '..data', 'x.csv', '..', '.', 'outside', 'secret.csv', 'registry', 'registry-x', 'y.csv', 'nope', ...links.map(([n]) => n.split('/').pop() as string)];

  it('accepts a path iff its real path lies below the root, for any mix of links, `..` and absolute starts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(root, join(base, 'root-link'), base, '/'), fc.array(fc.constantFrom(...names), { maxLength: 6 }), async (start, parts) => {
        const path = join(start, ...parts);
        let real: string | undefined;
        try {
          real = realpathSync.native(path);
        } catch {
          real = undefined;
        }
        const expected = real !== undefined && startsWithParts(rootReal, real);
        const got = await resolveWithin(rootReal, path);
        expect(got.kind === 'inside').toBe(expected);
        if (got.kind === 'inside') expect(got.real).toBe(real);
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    ['a/file.csv', 'inside'],
    ['in/file.csv', 'inside'],
    ['chain/b/deep.csv', 'inside'],
    ['back/a/file.csv', 'inside'],
    ['..data/x.csv', 'inside'],
    ['out/secret.csv', 'outside'],
    ['out-abs', 'outside'],
    ['up/outside/secret.csv', 'outside'],
    ['sibling/y.csv', 'outside'],
    ['a/b/top/outside/secret.csv', 'outside'],
    // a broken link that points outside is said to lead outside, whether or not its target exists
    ['gone-out', 'outside'],
    ['gone', 'unresolved'],
    ['loop', 'unresolved'],
  ])('%s is %s', async (path, kind) => {
    expect((await resolveWithin(rootReal, join(root, path))).kind).toBe(kind);
  });
});

describe('globLeavesRoot', () => {
  it.each([
    '../x/*.csv',
    'logs/../../x.csv',
    '..',
    '/proc/self/environ',
    '/etc/*',
    '\\\\host\\share\\x.csv',
    'C:/exports/*.csv',
    '{..,logs}/*.csv',
    'logs/{a,..}/*.csv',
    '{logs,/etc}/*',
    '@(..)/x.csv',
    '+(a|..)/x.csv',
    'logs/\\.\\./\\.\\./x.csv',
  ])('%s leaves the registry', (pattern) => {
    expect(globLeavesRoot(pattern)).toBe(true);
  });

  it.each(['logs/*.csv', 'logs/**/*.csv', './logs/a.csv', 'logs/{a,b}.csv', 'logs/day-{1..9}.csv', 'logs/...csv', 'logs/..data/*.csv', 'logs/a..b.csv', '!(old)*.csv'])('%s stays inside', (pattern) => {
    expect(globLeavesRoot(pattern)).toBe(false);
  });
});
