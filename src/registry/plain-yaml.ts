/**
 * A reader for the plain YAML registries are written in, several times faster than the library's
 * general lexer, parser and composer (docs/performance.md): block mappings and sequences, flow
 * mappings and sequences on one line, one-line plain and quoted scalars, comments. It builds the
 * library's own nodes (Scalar, YAMLMap, YAMLSeq, Pair) with the ranges the composer gives them,
 * resolved by the document's own core-schema tags, so everything after parsing is the same.
 *
 * Anything else (anchors, aliases, tags, merge keys, block scalars, scalars over several lines,
 * escapes, directives, tabs, carriage returns, empty values, anything the library would warn
 * about or refuse) makes it answer `undefined`, and the file goes to the library. It never
 * reports an error itself: every finding about YAML comes from the library. A differential
 * property test holds its documents to the library's (test/registry/plain-yaml.test.ts).
 */
import { Document, isScalar, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type ParseOptions, type ScalarTag, type SchemaOptions } from 'yaml';

type Node = Scalar | YAMLMap | YAMLSeq;
type Range = [number, number, number];

/** Thrown to leave the reader when the text is outside its subset. */
const OUTSIDE = Symbol('outside the plain subset');

/** The library refuses an implicit key of more than 1024 characters. */
const MAX_KEY = 1024;

/** Characters a plain scalar may not start with (YAML 1.2 c-indicator), `-?:` handled apart. */
const INDICATOR = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const FLOW_INDICATOR = new Set([',', '[', ']', '{', '}']);

/**
 * A tab, carriage return, control character, BOM, line separator or lone surrogate: the
 * library's subtleties start there.
 */
const NOT_PLAIN = /[\t\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The first characters a core-schema null, boolean, integer or float can start with (`~`,
 * `null`, `true`, `false`, digits, signs, `.inf`, `.nan`): any other plain scalar is text
 * without a test of the schema's expressions.
 */
const TYPED_START = new Set(['~', 'n', 'N', 't', 'T', 'f', 'F', '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

class Reader {
  private readonly tags: ScalarTag[];

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly maxKeys: number,
  ) {
    this.tags = doc.schema.tags.filter((tag): tag is ScalarTag => tag.default === true && tag.test !== undefined && tag.collection === undefined);
  }

  private out(): never {
    throw OUTSIDE;
  }

  /** A mapping past the bound on keys goes to the library, which refuses it in its own words. */
  private bound(map: YAMLMap): void {
    if (map.items.length > this.maxKeys) this.out();
  }

  private at(offset: number): string {
    return this.text.charAt(offset);
  }

  /** The offset after the spaces from `offset`. */
  private spaces(offset: number): number {
    while (this.text.charCodeAt(offset) === 32) offset++;
    return offset;
  }

  private lineEnd(offset: number): number {
    const end = this.text.indexOf('\n', offset);
    return end === -1 ? this.text.length : end;
  }

  /**
   * The end of a node's line as the composer counts it: after the spaces, an optional comment
   * (which needs a space before it) and the line break.
   */
  private endOfLine(offset: number): number {
    const after = this.spaces(offset);
    const c = this.at(after);
    if (c === '#') {
      if (after === offset) this.out();
      return this.newline(this.lineEnd(after));
    }
    if (c === '\n' || c === '') return this.newline(after);
    return this.out();
  }

  private newline(offset: number): number {
    return offset < this.text.length ? offset + 1 : offset;
  }

  /** The first line from `offset` (a line start) with content: its start and indent; blank and comment lines skipped. */
  private contentLine(offset: number): { start: number; indent: number } | undefined {
    while (offset < this.text.length) {
      const first = this.spaces(offset);
      const c = this.at(first);
      if (c === '\n') offset = first + 1;
      else if (c === '#') offset = this.newline(this.lineEnd(first));
      else if (c === '') return undefined;
      else {
        // `---` and `...` at a line's start end a document, whatever follows them
        if (first === offset && /^(---|\.\.\.)([ \n]|$)/.test(this.text.slice(first, first + 4))) this.out();
        return { start: first, indent: first - offset };
      }
    }
    return undefined;
  }

  read(): Node {
    const first = this.contentLine(0);
    if (first === undefined || first.indent !== 0) this.out();
    if (this.isDash(first.start)) this.out();
    const [node, end] = this.blockMap(first.start, 0);
    // the composer's document ends with the trailing comments and blank lines, at the text's end
    if (this.contentLine(end) !== undefined) this.out();
    return node;
  }

  /** The node of a key whose value starts on a later line, at the line `next`; `column` is the key's. */
  private blockValue(next: { start: number; indent: number } | undefined, column: number): [Node, number] {
    if (next === undefined) this.out();
    const dash = this.isDash(next.start);
    if (next.indent > column) return dash ? this.blockSeq(next.start, next.indent) : this.blockMap(next.start, next.indent);
    if (next.indent === column && dash) return this.blockSeq(next.start, column);
    return this.out();
  }

  private isDash(offset: number): boolean {
    if (this.at(offset) !== '-') return false;
    const c = this.at(offset + 1);
    return c === ' ' || c === '\n' || c === '';
  }

  /** A block mapping whose first key starts at `start`, its keys at `column`. Returns it and the offset after it. */
  private blockMap(start: number, column: number): [YAMLMap, number] {
    const map = new YAMLMap(this.doc.schema);
    let offset = start;
    let end = start;
    for (;;) {
      const [key, colon] = this.implicitKey(offset);
      let value: Node;
      const afterColon = this.spaces(colon + 1);
      const c = this.at(afterColon);
      if (c === '\n' || c === '' || c === '#') {
        if (c === '#' && afterColon === colon + 1) this.out();
        const lineDone = this.newline(this.lineEnd(afterColon));
        [value, end] = this.blockValue(this.contentLine(lineDone), column);
      } else {
        if (afterColon === colon + 1) this.out();
        [value, end] = this.value(afterColon, false);
      }
      map.items.push(new Pair(key, value));
      this.bound(map);
      const next = this.contentLine(end);
      if (next === undefined || next.indent < column) break;
      if (next.indent > column || this.isDash(next.start)) this.out();
      offset = next.start;
    }
    map.range = [start, end, end];
    return [map, end];
  }

  /** A block sequence whose first `-` is at `start`, in column `column`. */
  private blockSeq(start: number, column: number): [YAMLSeq, number] {
    const seq = new YAMLSeq(this.doc.schema);
    let offset = start;
    let end = start;
    for (;;) {
      const content = this.spaces(offset + 1);
      const c = this.at(content);
      let item: Node;
      if (c === '\n' || c === '' || c === '#') {
        if (c === '#' && content === offset + 1) this.out();
        const next = this.contentLine(this.newline(this.lineEnd(content)));
        if (next === undefined || next.indent <= column) this.out();
        [item, end] = this.isDash(next.start) ? this.blockSeq(next.start, next.indent) : this.blockMap(next.start, next.indent);
      } else if (this.isDash(content)) {
        [item, end] = this.blockSeq(content, content - this.lineStart(content));
      } else if (this.keyAhead(content)) {
        [item, end] = this.blockMap(content, content - this.lineStart(content));
      } else {
        [item, end] = this.value(content, false);
      }
      seq.items.push(item);
      const next = this.contentLine(end);
      if (next === undefined || next.indent < column) break;
      if (next.indent > column) this.out();
      if (!this.isDash(next.start)) break;
      offset = next.start;
    }
    seq.range = [start, end, end];
    return [seq, end];
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Whether an implicit key (a scalar and `:`) starts at `offset`. */
  private keyAhead(offset: number): boolean {
    const c = this.at(offset);
    if (c === '"' || c === "'") {
      const close = this.quotedEnd(offset);
      return this.at(close) === ':';
    }
    if (c === '[' || c === '{') return false;
    const end = this.plainEnd(offset, false);
    return this.at(end) === ':';
  }

  /** A key at `offset`: its node and the offset of its `:`. */
  private implicitKey(offset: number): [Scalar, number] {
    const key = this.scalar(offset, false);
    const colon = (key.range as Range)[1];
    if (this.at(colon) !== ':' || colon - offset > MAX_KEY) this.out();
    // `<<` is a merge key: the library's business
    if (key.type === Scalar.PLAIN && key.source === '<<') this.out();
    return [key, colon];
  }

  /** A plain or quoted scalar at `offset`, its range ending where its text does. */
  private scalar(offset: number, flow: boolean): Scalar {
    const c = this.at(offset);
    if (c === '"' || c === "'") return this.quoted(offset, this.quotedEnd(offset));
    const valueEnd = this.plainEnd(offset, flow);
    if (valueEnd === offset) this.out();
    return this.plain(offset, valueEnd);
  }

  /**
   * A scalar or a flow collection at `offset`, and the offset after what follows it: in a block,
   * the rest of its line; in a flow collection, its spaces.
   */
  private value(offset: number, flow: boolean): [Node, number] {
    const c = this.at(offset);
    let node: Node;
    let valueEnd: number;
    if (c === '[' || c === '{') {
      [node, valueEnd] = this.flowCollection(offset);
    } else {
      node = this.scalar(offset, flow);
      valueEnd = (node.range as Range)[1];
      // `a: b: c`, a mapping nested on one line
      if (!flow && this.at(valueEnd) === ':') this.out();
    }
    const end = flow ? this.spaces(valueEnd) : this.endOfLine(valueEnd);
    (node.range as Range)[2] = end;
    return [node, end];
  }

  /** A flow mapping or sequence opened at `offset` and closed on the same line: it and the offset after its close. */
  private flowCollection(offset: number): [YAMLMap | YAMLSeq, number] {
    const map = this.at(offset) === '{';
    const close = map ? '}' : ']';
    const collection = map ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    collection.flow = true;
    let at = this.spaces(offset + 1);
    if (this.at(at) === close) {
      collection.range = [offset, at + 1, at + 1];
      return [collection, at + 1];
    }
    for (;;) {
      if (map) {
        const key = this.scalar(at, true);
        const colon = this.spaces((key.range as Range)[1]);
        (key.range as Range)[2] = colon;
        if (this.at(colon) !== ':') this.out();
        const valueAt = this.spaces(colon + 1);
        if (valueAt === colon + 1) this.out();
        const [value, after] = this.value(valueAt, true);
        (collection as YAMLMap).items.push(new Pair(key, value));
        this.bound(collection as YAMLMap);
        at = after;
      } else {
        const [item, after] = this.value(at, true);
        if (this.at(after) === ':') this.out();
        (collection as YAMLSeq).items.push(item);
        at = after;
      }
      const c = this.at(at);
      if (c === close) break;
      if (c !== ',') this.out();
      at = this.spaces(at + 1);
      // a trailing comma, an empty entry: the library's business
      if (this.at(at) === close || this.at(at) === ',') this.out();
    }
    const end = at + 1;
    collection.range = [offset, end, end];
    return [collection, end];
  }

  /**
   * Where a one-line plain scalar from `offset` ends (before its trailing spaces): at a `: ` or a
   * `:` before the line's end, a ` #`, the line's end and, in a flow collection, a flow
   * indicator or a `:` before one. Out of the subset when it starts with an indicator.
   */
  private plainEnd(offset: number, flow: boolean): number {
    const text = this.text;
    const first = text.charAt(offset);
    if (INDICATOR.has(first)) this.out();
    if (first === '-' || first === '?' || first === ':') {
      const next = text.charAt(offset + 1);
      if (next === ' ' || next === '\n' || next === '' || (flow && FLOW_INDICATOR.has(next))) this.out();
      // `? key` and `-` before a value are indicators; past the first, the library is surer
      if (first !== '-') this.out();
    }
    let at = offset;
    let end = offset;
    for (;;) {
      const c = text.charAt(at);
      if (c === '' || c === '\n') break;
      if (c === ' ') {
        at++;
        continue;
      }
      if (c === ':') {
        const next = text.charAt(at + 1);
        if (next === ' ' || next === '\n' || next === '' || (flow && FLOW_INDICATOR.has(next))) {
          if (end !== at) this.out(); // a space before the `:` of a key
          break;
        }
      } else if (c === '#') {
        if (at !== end) break; // a comment
      } else if (flow && FLOW_INDICATOR.has(c)) {
        break;
      }
      at++;
      end = at;
    }
    return end;
  }

  /** The offset after a one-line quoted scalar's closing quote; out of the subset for an escape or a line break. */
  private quotedEnd(offset: number): number {
    const quote = this.at(offset);
    const newline = this.lineEnd(offset);
    let at = offset + 1;
    for (;;) {
      const close = this.text.indexOf(quote, at);
      if (close === -1 || close > newline) this.out();
      if (quote === '"' && this.text.slice(at, close).includes('\\')) this.out();
      if (quote === "'" && this.at(close + 1) === "'") {
        at = close + 2;
        continue;
      }
      return close + 1;
    }
  }

  private quoted(start: number, valueEnd: number): Scalar {
    const double = this.at(start) === '"';
    const inner = this.text.slice(start + 1, valueEnd - 1);
    const value = double ? inner : inner.replaceAll("''", "'");
    const scalar = new Scalar(value);
    scalar.range = [start, valueEnd, valueEnd] satisfies Range;
    scalar.source = value;
    scalar.type = double ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    return scalar;
  }

  private plain(start: number, valueEnd: number): Scalar {
    const source = this.text.slice(start, valueEnd);
    const tag = TYPED_START.has(source.charAt(0)) ? this.tags.find((t) => t.test?.test(source)) : undefined;
    let scalar: Scalar;
    if (tag === undefined) {
      scalar = new Scalar(source);
    } else {
      const resolved: unknown = tag.resolve(source, () => this.out(), this.doc.options);
      scalar = isScalar(resolved) ? resolved : new Scalar(resolved);
      if (tag.format !== undefined) scalar.format = tag.format;
    }
    scalar.range = [start, valueEnd, valueEnd] satisfies Range;
    scalar.source = source;
    scalar.type = Scalar.PLAIN;
    return scalar;
  }
}

/**
 * The text as a document of the library's nodes, with a LineCounter of its lines as the library's
 * parser fills one; or undefined when the text is outside the plain subset or a mapping in it
 * holds more than `maxKeys` keys.
 */
export function readPlainYaml(text: string, options: DocumentOptions & SchemaOptions & ParseOptions, maxKeys = Infinity): { doc: Document.Parsed; lineCounter: LineCounter } | undefined {
  if (NOT_PLAIN.test(text)) return undefined;
  const doc = new Document(undefined, null, options) as Document.Parsed;
  let contents: Node;
  try {
    contents = new Reader(text, doc, maxKeys).read();
  } catch (err) {
    // nesting deeper than this reader's stack: the library says what it makes of it
    if (err === OUTSIDE || err instanceof RangeError) return undefined;
    throw err;
  }
  doc.contents = contents as Document.Parsed['contents'];
  doc.range = [0, (contents.range as Range)[2], text.length];
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  return { doc, lineCounter };
}
