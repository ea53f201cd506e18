import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument, stringify, visit } from 'yaml';
import { sortDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';
import { lexedMappingOver, MAX_MAPPING_KEYS, parseRegistryFile } from '../../src/registry/parse.js';
import { load } from '../helpers/memory-reader.js';

const where = (ds: readonly Diagnostic[]) => sortDiagnostics(ds).map((d) => `${d.severity} ${d.rule} ${d.file}:${d.line}:${d.column}`);
const parse = (text: string) => parseRegistryFile('file.yaml', new TextEncoder().encode(text));

const OWNERS = 'owners:\n  - id: support\n    name: Support\n    kind: team\n';

describe('YAML as the YAML 1.2 spec reads it', () => {
  it.each([
    ['a tag it does not know', 'owners:\n  - id: support\n    name: !fancy Support\n    kind: team\n', 'warning yaml-syntax owners.yaml:3:11', /unknown tag !fancy/],
    ['a YAML 1.1 scalar tag', 'owners:\n  - id: support\n    name: !!binary U3VwcG9ydA==\n    kind: team\n', 'warning yaml-syntax owners.yaml:3:11', /unknown tag !!binary/],
    ['an unknown directive', `%FANCY on\n---\n${OWNERS}`, 'warning yaml-syntax owners.yaml:1:1', /directive/],
    ['a %YAML 1.1 directive', `%YAML 1.1\n---\n${OWNERS}`, 'warning yaml-syntax owners.yaml:1:1', /YAML 1\.2/],
  ])('%s is a warning, and the file is read', async (_, text, expected, message) => {
    const { diagnostics, registry } = await load({ 'owners.yaml': text });
    const yaml = diagnostics.filter((d) => d.rule === 'yaml-syntax');
    expect(where(yaml)).toEqual([expected]);
    expect(yaml[0]?.message).toMatch(message);
    expect(registry.owners.map((o) => [o.id, o.name])).toEqual([['support', expect.stringMatching(/^(Support|U3VwcG9ydA==)$/)]]);
  });

  it('a %YAML 1.1 file is still read with the 1.2 core schema: yes stays text', async () => {
    const { registry } = await load({ 'owners.yaml': `%YAML 1.1\n---\n${OWNERS.replace('name: Support', 'name: yes')}` });
    expect(registry.owners[0]?.name).toBe('yes');
  });

  it.each([
    ['!!omap', '--- !!omap\n- owners:\n  - id: support\n    name: Support\n    kind: team\n', 'error schema owners.yaml:1:5', /ordered map/],
    ['!!set', '--- !!set\n? owners\n', 'error schema owners.yaml:1:5', /a set/],
    ['!!pairs', '--- !!pairs\n- owners: []\n', 'error schema owners.yaml:1:5', /pairs/],
    ['!!set on a collection', 'owners: !!set\n  ? support\n', 'error schema owners.yaml:1:9', /a set/],
    ['!!omap on an entity', 'owners:\n  - !!omap\n    - id: support\n', 'error schema owners.yaml:2:5', /ordered map/],
  ])('a mapping tagged %s is a located error, never read as empty', async (_, text, expected, message) => {
    const { diagnostics } = await load({ 'owners.yaml': text });
    expect(where(diagnostics)).toEqual([expected]);
    expect(diagnostics[0]?.message).toMatch(message);
    expect(diagnostics[0]?.hint).toMatch(/remove the tag/);
  });

  it('several documents in one file: the message speaks of YAML documents', async () => {
    const { diagnostics } = await load({ 'owners.yaml': `${OWNERS}---\npromises: []\n` });
    expect(where(diagnostics)).toEqual(['error yaml-syntax owners.yaml:5:1']);
    expect(diagnostics[0]?.message).toBe('the file holds more than one YAML document: a second one starts here');
    expect(`${diagnostics[0]?.message} ${diagnostics[0]?.hint}`).not.toMatch(/parseAllDocuments|\(\)/);
  });

  it('the tags of the core schema need no word', async () => {
    const { diagnostics, registry } = await load({ 'owners.yaml': '!!map\nowners: !!seq\n  - id: !!str support\n    name: Support\n    kind: team\n' });
    expect(diagnostics).toEqual([]);
    expect(registry.owners.map((o) => o.id)).toEqual(['support']);
  });
});

/** DUPLICATE_KEY as the yaml library's own (quadratic) test reports it: line and column. */
function libraryDuplicates(text: string): string[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: true, strict: true, schema: 'core', resolveKnownTags: false, prettyErrors: false });
  return doc.errors
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => {
      const p = lineCounter.linePos(e.pos[0]);
      return `${p.line}:${p.col}`;
    })
    .sort();
}

function ourDuplicates(text: string): string[] {
  return parse(text)
    .diagnostics.filter((d) => d.message === 'map keys must be unique')
    .map((d) => `${d.line}:${d.column}`)
    .sort();
}

const KEYS = ['a', '"a"', "'a'", '1', '1.0', '"1"', '0x1', '~', 'null', '""', 'true', 'True', '.nan', '.NaN', '-0', '0', '<<', '!!str a', '!!str 1', '&x a'];

/** A mapping written by hand from a pool of keys that collide often, in block or flow style. */
const mapping: fc.Arbitrary<string> = fc.letrec<{ map: string }>((tie) => ({
  map: fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.boolean(), fc.oneof({ depthSize: 'small' }, fc.constantFrom('1', 'x', '[]', '{}'), tie('map'))), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
    )
    .map(([flow, pairs, explicit]) => {
      const valueOf = (v: string) => (v.includes('\n') ? `{ ${v.trim().split('\n').join(', ')} }` : v);
      if (flow) return `{ ${pairs.map(([k, _, v]) => `${k}: ${valueOf(v)}`).join(', ')} }`;
      return pairs.map(([k, q, v]) => (q && explicit ? `? ${k}\n: ${valueOf(v)}` : `${k}: ${valueOf(v)}`)).join('\n');
    }),
})).map;

describe('duplicate keys, found in linear time', () => {
  it('are reported where the yaml library reports them, and only there', () => {
    fc.assert(
      fc.property(mapping, fc.constantFrom('top level', 'nested', 'in a list'), (text, placement) => {
        // An anchor may be defined once per document: number them.
        let n = 0;
        const body = text.replace(/&x /g, () => `&x${n++} `).split('\n');
        const lines = placement === 'top level' ? body : placement === 'nested' ? ['top:', ...body.map((l) => `  ${l}`)] : body.map((l, i) => `${i === 0 ? '- ' : '  '}${l}`);
        const source = `${lines.join('\n')}\n`;
        expect(ourDuplicates(source)).toEqual(libraryDuplicates(source));
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['a block mapping', 'a: 1\nb: 2\na: 3\n'],
    ['a flow mapping', '{ a: 1, b: 2, a: 3 }\n'],
    ['numbers written two ways', 'x:\n  1: a\n  1.0: b\n'],
    ['quoted and plain', 'x: { "a": 1, a: 2 }\n'],
    ['nested in a list', 'list:\n  - id: a\n    id: b\n'],
    ['a merge key twice is no duplicate', 'base: &b { x: 1 }\nother: &o { y: 1 }\nm:\n  <<: *b\n  <<: *o\n'],
  ])('%s: the same diagnostics as the library', (_, text) => {
    expect(ourDuplicates(text)).toEqual(libraryDuplicates(text));
  });
});

/** Every YAMLMap of a composed document, with its number of keys. */
function mapSizes(text: string): number[] {
  const sizes: number[] = [];
  visit(parseDocument(text, { uniqueKeys: false }), {
    Map(_, node) {
      sizes.push(node.items.length);
    },
  });
  return sizes;
}

const plain = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('text', 'two words', 'a: colon', '- dash', '# hash', 'multi\nline\ntext', '', 42, true, null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('id', 'name', 'a b', 'key: x', '- k', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'), tie('value'), { maxKeys: 7 }),
  ),
})).value;

describe('keys per mapping, counted as the lexer streams past', () => {
  it('never counts more keys than a mapping has, and finds every mapping over the bound', () => {
    fc.assert(
      fc.property(plain, fc.integer({ min: 0, max: 5 }), fc.constantFrom(0, 1, 3), fc.integer({ min: 1, max: 5 }), (value, flowLevel, indentSeq, bound) => {
        const text = stringify(value, { flowCollectionPadding: true, collectionStyle: flowLevel === 0 ? 'flow' : 'any', indentSeq: indentSeq !== 0, indent: indentSeq === 3 ? 3 : 2 });
        const over = mapSizes(text).some((n) => n > bound);
        expect(lexedMappingOver(text, bound) !== undefined).toBe(over);
      }),
      { numRuns: 600 },
    );
  });

  it.each([
    ['a list at the keys\' own column', 'a:\n- x\n- y\nb: 1\n'],
    ['comments at any column', 'a: 1\n    # aside\nb:\n  # inside\n  c: 1\n# end\n'],
    ['explicit keys', '? a\n: 1\n? b\n: { c: 1, d: 2 }\n'],
    ['anchors, tags and aliases', '&k a: &v 1\n!!str b: *v\nc:\n  - &m { x: 1 }\n  - *m\n'],
    ['block scalars between keys', 'a: |\n  one: 1\n  two: 2\nb: >-\n  folded: x\nc:\n  d: 1\n'],
    ['quoted keys with colons', '"a: b": 1\n\'c: d\': 2\ne:\n  "f": 3\n'],
    ['a list of mappings', '- a: 1\n  b: 2\n-   c: 1\n    d: 2\n- - e: 1\n    f: 2\n  - g: 1\n'],
    ['several documents', 'a: 1\nb: 2\n---\nc: 1\n...\n---\nd: 1\n'],
    ['a flow mapping over lines', 'a: { b: 1,\n  c: 2, d: [ { e: 1 } ] }\nf: 1\n'],
  ])('%s: counted as composed', (_, text) => {
    // Several documents: the composer reads one at a time, each is counted from its own start.
    const sizes = text.split(/^---\n/m).flatMap(mapSizes);
    for (const bound of [1, 2, 3]) expect(lexedMappingOver(text, bound) !== undefined, `bound ${bound}`).toBe(sizes.some((n) => n > bound));
  });

  it('a mapping past the bound is refused at its first key over it, before it is composed', () => {
    const keys = Array.from({ length: MAX_MAPPING_KEYS + 5 }, (_, i) => `k${i}: ${i}\n`).join('');
    const r = parse(`owners:\n  - id: support\n    extra:\n${keys.replace(/^/gm, '      ')}`);
    expect(r.parsed).toBeUndefined();
    expect(where(r.diagnostics)).toEqual([`error yaml-syntax file.yaml:${4 + MAX_MAPPING_KEYS}:7`]);
    expect(r.diagnostics[0]?.message).toBe('the mapping that starts on line 4 has more than 10,000 keys, the most a registry mapping may have');
  });

  it('a mapping of exactly the bound is read', () => {
    const keys = Array.from({ length: MAX_MAPPING_KEYS }, (_, i) => `  k${i}: ${i}\n`).join('');
    const r = parse(`x:\n${keys}`);
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys((r.parsed?.value as { x: object }).x)).toHaveLength(MAX_MAPPING_KEYS);
  });

  it('the same bound holds where the lexer cannot count (keys without values in a flow mapping)', () => {
    const keys = Array.from({ length: MAX_MAPPING_KEYS + 1 }, (_, i) => `k${i}`).join(', ');
    const r = parse(`x: { ${keys} }\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['the mapping that starts on line 1 has 10,001 keys, more than the 10,000 a registry mapping may have']);
  });
});
