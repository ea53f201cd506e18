/**
 * The plain-subset reader (src/registry/plain-yaml.ts) against the library it stands in for:
 * wherever it gives a document, the library's composer gives the same nodes (classes, values,
 * sources, scalar types and formats, flow flags, all three offsets of every range), the same line
 * starts and no error or warning; random texts near the subset's edges, the bundled examples
 * and the real registries.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { locOfNode, type RegistryFile } from '../../src/registry/locate.js';
import { readPlainYaml } from '../../src/registry/plain-yaml.js';
import { YAML_OPTIONS } from '../../src/registry/parse.js';
import { writeLargeRegistry } from '../../scripts/bench/large-registry.js';
import { tempDir } from '../helpers/cli.js';

const REPO = join(import.meta.dirname, '..', '..');

/**
 * Every difference between two nodes, as paths; none when they are the same. Of the ranges, what
 * the product reads: where each node starts, where each scalar ends, and the location of each
 * node (a collection's is its first line). The third offset, and a collection's end, follow the
 * composer's attachment of trailing comment lines, which nothing reads.
 */
function differences(a: unknown, b: unknown, files: [RegistryFile, RegistryFile], path = '$'): string[] {
  const out: string[] = [];
  const kind = (n: unknown) => (isScalar(n) ? 'scalar' : isMap(n) ? 'map' : isSeq(n) ? 'seq' : isPair(n) ? 'pair' : typeof n);
  if (kind(a) !== kind(b)) return [`${path}: ${kind(a)} / ${kind(b)}`];
  if (isPair(a) && isPair(b)) return [...differences(a.key, b.key, files, `${path}.key`), ...differences(a.value, b.value, files, `${path}.value`)];
  if (!(isScalar(a) || isMap(a) || isSeq(a)) || !(isScalar(b) || isMap(b) || isSeq(b))) return out;
  const [ra, rb] = [a.range ?? [], b.range ?? []];
  if (ra[0] !== rb[0] || (isScalar(a) && ra[1] !== rb[1])) out.push(`${path}: range ${JSON.stringify(ra)} / ${JSON.stringify(rb)}`);
  const [la, lb] = [JSON.stringify(locOfNode(files[0], a)), JSON.stringify(locOfNode(files[1], b))];
  if (la !== lb) out.push(`${path}: location ${la} / ${lb}`);
  if (a.constructor !== b.constructor) out.push(`${path}: class ${a.constructor.name} / ${b.constructor.name}`);
  if (isScalar(a) && isScalar(b)) {
    for (const field of ['value', 'source', 'type', 'format', 'minFractionDigits', 'tag'] as const) {
      if (!Object.is(a[field], b[field])) out.push(`${path}: ${field} ${String(a[field])} / ${String(b[field])}`);
    }
    return out;
  }
  if ((isMap(a) || isSeq(a)) && (isMap(b) || isSeq(b))) {
    if (Boolean(a.flow) !== Boolean(b.flow)) out.push(`${path}: flow ${String(a.flow)} / ${String(b.flow)}`);
    if (a.items.length !== b.items.length) return [...out, `${path}: ${a.items.length} / ${b.items.length} items`];
    a.items.forEach((item, i) => out.push(...differences(item, b.items[i], files, `${path}[${i}]`)));
  }
  return out;
}

/** What is wrong with the reader's answer for `text`; empty when it agrees with the library or declines. */
function disagreement(text: string): string[] {
  const plain = readPlainYaml(text, YAML_OPTIONS);
  if (plain === undefined) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const problems = [...doc.errors, ...doc.warnings].map((e) => `the library: ${e.code} ${e.message}`);
  const files: [RegistryFile, RegistryFile] = [
    { path: 'f.yaml', text, doc: plain.doc, lineCounter: plain.lineCounter },
    { path: 'f.yaml', text, doc: doc as Document.Parsed, lineCounter },
  ];
  problems.push(...differences(plain.doc.contents, doc.contents, files));
  if (JSON.stringify(plain.lineCounter.lineStarts) !== JSON.stringify(lineCounter.lineStarts)) problems.push(`line starts ${JSON.stringify(plain.lineCounter.lineStarts)} / ${JSON.stringify(lineCounter.lineStarts)}`);
  if (problems.length === 0) expect(plain.doc.toJS()).toStrictEqual(doc.toJS());
  return problems;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

describe('the plain-subset YAML reader', () => {
  it('reads a registry file as the library composes it', () => {
    const text = [
      '# owners and their promises',
      'version: 1',
      "name: 'Bank''s registry'",
      'timezone: "Europe/Berlin"   # where the clocks are',
      '',
      'owners:',
      '  - { id: team-0, name: Team 0, kind: team }',
      '  - id: team-1',
      '    tags: [a, "b", 3, 4.50, ~, true, 0x1F, 1e3, .inf]',
      '    hours: { weekdays: [08:00-12:30, "13:00-17:00"], sat: 09:00-12:00 }',
      '    empty: {}',
      'list:',
      '- a#b',
      '- -5',
      '-   nested: { a: { b: [] } }',
      '    more:',
      '      - x',
      'url: http://example.com/a?b=c#frag',
      '',
    ].join('\n');
    expect(readPlainYaml(text, YAML_OPTIONS)).toBeDefined();
    expect(disagreement(text)).toStrictEqual([]);
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'a: { x: 1 }\nb:\n  <<: { x: 2 }\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a plain scalar over two lines', 'a: one\n  two\n'],
    ['a quoted scalar over two lines', 'a: "one\n  two"\n'],
    ['an escape', 'a: "tab\\there"\n'],
    ['an empty value', 'a:\nb: 1\n'],
    ['a tab', 'a:\t1\n'],
    ['a carriage return', 'a: 1\r\nb: 2\r\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
    ['a trailing comma', 'a: [1, 2, ]\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a top-level sequence', '- a\n'],
    ['a lone surrogate', 'a: \ud800\n'],
    ['a BOM', '\ufeffa: 1\n'],
    ['a scalar document', 'hello\n'],
    ['an empty file', ''],
    ['a comment without a space before it', 'a: [1]# c\n'],
    ['a key with a space before its colon', 'a : 1\n'],
    ['a flow entry without a value', 'a: { b, c: 1 }\n'],
    ['a pair in a flow sequence', 'a: [b: 1]\n'],
    ['a compact nested mapping', 'a: b: c\n'],
    ['deeper indentation after a value', 'a: 1\n  b: 2\n'],
  ])('declines %s, which goes to the library', (_what, text) => {
    expect(readPlainYaml(text, YAML_OPTIONS)).toBeUndefined();
  });

  it('reads a long line of quoted quotes in linear time, and leaves a mapping past the bound to the library', () => {
    const quotes = `a: '${"''".repeat(200_000)}'\n`;
    expect(disagreement(quotes)).toStrictEqual([]);
    expect(readPlainYaml(quotes, YAML_OPTIONS)?.doc.toJS()).toStrictEqual({ a: "'".repeat(200_000) });
    const keys = Array.from({ length: 11 }, (_, i) => `k${i}: v`).join('\n');
    expect(readPlainYaml(keys, YAML_OPTIONS, 10)).toBeUndefined();
    expect(readPlainYaml(`a: { ${Array.from({ length: 11 }, (_, i) => `k${i}: v`).join(', ')} }`, YAML_OPTIONS, 10)).toBeUndefined();
    expect(readPlainYaml(keys, YAML_OPTIONS, 11)).toBeDefined();
  });

  it('agrees with the library on every bundled and real registry file it reads', () => {
    // and the registry the bench times `promise check` on, at a small size
    const large = join(tempDir(), 'large');
    writeLargeRegistry(large, 40, 3);
    const files = [...yamlFiles(join(REPO, 'examples')), ...yamlFiles(join(REPO, 'test')), ...yamlFiles(join(REPO, 'scripts')), ...yamlFiles(large)];
    let read = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(disagreement(text), file).toStrictEqual([]);
      if (readPlainYaml(text, YAML_OPTIONS) !== undefined) read++;
    }
    // most registry files are in the subset: the fast path is the common one
    expect(read).toBeGreaterThan(files.length / 2);
  });

  it('agrees with the library on random texts near the edges of the subset (property)', () => {
    const atom = fc.constantFrom('a', 'b c', '1', '-1', '0x1F', '0o7', '1.50', '.inf', '-.Inf', '.NaN', 'null', '~', 'Null', 'true', 'False', 'TRUE', '1e3', '+12', '2026-12-25', '08:00-12:30', 'a#b', 'a #b', 'a:b', 'a: b', 'http://x/y?z#f', '"q"', "'s''t'", '"a\\"b"', '""', "''", '-', '- a', '?', ':', '<<', '&a', '*a', '!t', '|', '>', '%', '@', '`', '{}', '[]', '{ a: 1 }', '[a, b]', '[a, [b]]', '{ a: [1, 2], b: { c: d } }', '{a: 1}', '{ "k": v }', '[ a , b ]', '[a,b]', ' ', '#', '# c', 'é', '😀', '\u00a0', '\u2028', ',', '[', '}', 'a,b', 'a]');
    const line = fc.tuple(fc.nat({ max: 6 }), fc.constantFrom('', '- ', '-  ', 'key: ', 'key:', 'k2: ', '"q": ', "'s': ", '# '), atom, fc.constantFrom('', ' ', '  # note', '#x'));
    const text = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => `${lines.map(([indent, lead, value, tail]) => `${' '.repeat(indent)}${lead}${value}${tail}`).join('\n')}\n`);
    // texts the reader takes: keys at column 0 with nested blocks, to reach deep paths often
    const clean = fc.constantFrom('a', 'Team 0', 'We answer within 4 hours.', '1', '-1', '4.50', '0x1F', '1e3', '~', 'null', 'true', 'False', '2026-12-25', '08:00-12:30', 'a#b', '"q"', "'s''t'", '""', '{}', '[]', '{ a: 1 }', '[a, b]', '[a, [b]]', '{ a: [1, 2], b: { c: d } }', '{ "k": v }', '[ a , b ]', '[a,b]', 'é 😀', 'a, b', 'x # note', '[a] # note', 'no', 'nULL', 'NULLs', 'tRUE', 'Truee', 'f', '+', '-.5', '.5', '1.', '0o8', '0xg', '+1e-3', '~x', '9 lives');
    const value = fc.oneof({ weight: 5, arbitrary: clean }, { weight: 1, arbitrary: atom });
    const block = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, value.map((v) => ({ lines: [], inline: v })), tie('map'), tie('seq')),
      map: fc.array(fc.tuple(fc.constantFrom('id', 'name', 'a b', '"q"', "'s'", '1', 'true', 'x-y'), tie('node') as fc.Arbitrary<{ lines: string[]; inline?: string }>), { minLength: 1, maxLength: 4 }).map((pairs) => ({
        lines: pairs.flatMap(([k, v]) => (v.inline !== undefined ? [`${k}: ${v.inline}`] : [`${k}:`, ...v.lines.map((l) => `  ${l}`)])),
      })),
      seq: fc.array(tie('node') as fc.Arbitrary<{ lines: string[]; inline?: string }>, { minLength: 1, maxLength: 4 }).map((items) => ({
        lines: items.flatMap((v) => (v.inline !== undefined ? [`- ${v.inline}`] : v.lines.length > 0 ? [`- ${(v.lines[0] as string).trimStart()}`, ...v.lines.slice(1).map((l) => `  ${l}`)] : ['-'])),
      })),
    }));
    // with comment and blank lines at random places and depths
    const extra = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.constantFrom('# c', '', '   ', '#')), { maxLength: 3 });
    const document = fc.tuple(block.map, extra).map(([m, lines]) => {
      const out = [...m.lines];
      for (const [at, indent, l] of lines) out.splice(at % (out.length + 1), 0, `${' '.repeat(indent)}${l}`);
      return `${out.join('\n')}\n`;
    });
    let read = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: text }, { weight: 3, arbitrary: document }), (t) => {
        expect(disagreement(t)).toStrictEqual([]);
        if (readPlainYaml(t, YAML_OPTIONS) !== undefined) read++;
      }),
      { numRuns: 3000 },
    );
    // the property is about the texts the reader takes: enough of them must be generated
    expect(read).toBeGreaterThan(900);
  });
});
