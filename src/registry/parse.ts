/** One registry file, bytes to a YAML document and a plain value, with located syntax errors. */
import { Composer, CST, isAlias, isCollection, isMap, isNode, isScalar, isSeq, LineCounter, Lexer, Parser, YAMLParseError, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic, Loc } from '../model/diagnostic.js';
import { locOfFile, locOfNode, locOfOffsets, mergedPairs, type RegistryFile } from './locate.js';
import { readPlainYaml } from './plain-yaml.js';
import { schemaFinding, UNPREFIXED, unreadableFinding, yamlSyntaxFinding } from './rule-messages.js';

/** A registry file larger than this is refused: no promise registry needs it, a mistake might. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/**
 * All registry files together may hold no more than this: 3,000 standards take about 1 MB, and
 * loading takes some 100 MB of memory per MB of YAML (docs/decisions.md).
 */
export const MAX_REGISTRY_BYTES = 8 * 1024 * 1024;
/** How many aliases a file may expand; more is the "billion laughs" attack, refused. */
export const MAX_ALIAS_COUNT = 100;
/**
 * Keys one mapping may hold. An entity has a dozen fields and a `within` map a value per
 * priority or product line; past this, a file is not a registry file (docs/decisions.md).
 */
export const MAX_MAPPING_KEYS = 10_000;
/** Up to this many keys a duplicate is looked for pair by pair, as cheap as a Map at this size. */
const SMALL_MAPPING = 16;

export interface ParsedFile {
  file: RegistryFile;
  /** the document as plain data; undefined when the file has syntax errors */
  value: unknown;
  /** whether a key is `__proto__` (or starts with NUL): then it is validated escaped (own-keys.ts) */
  protoKeys: boolean;
}

export interface ParseResult {
  parsed: ParsedFile | undefined;
  /** the decoded text, when the bytes were text */
  text: string | undefined;
  diagnostics: Diagnostic[];
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

function decode(path: string, bytes: Uint8Array): { text?: string; diagnostic?: Diagnostic } {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      diagnostic: unreadableFinding('fileTooLarge', { mib: MAX_FILE_BYTES / 1024 / 1024 }, locOfFile(path)),
    };
  }
  if (bytes.includes(0)) {
    return { diagnostic: unreadableFinding('binary', {}, locOfFile(path)) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const before = loose.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return {
      diagnostic: unreadableFinding('notUtf8', {}, { file: path, line, column, endLine: line, endColumn: column + 1 }),
    };
  }
}

/**
 * YAML 1.2, core schema, for every file whatever its `%YAML` directive says (docs/decisions.md):
 * `yes` and `2026-12-25` stay text. The YAML 1.1 types the library would otherwise build without
 * a word (`!!binary`, `!!timestamp`, and the collections below) are left unresolved, and the
 * library's own duplicate-key test is off: it compares each key with every key before it, so a
 * mapping of 80,000 keys took 24 s; checkMappings does the same test in linear time.
 */
export const YAML_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: false,
  merge: true,
  strict: true,
  schema: 'core',
  resolveKnownTags: false,
} as const;

/**
 * A set, an ordered map or a list of pairs is not a mapping of registry fields: read as one, its
 * entries would vanish (a `--- !!omap` file of owners would declare none). Left unresolved, they
 * come back as the library's warning at the tag, which becomes a `schema` error there.
 */
const TYPED_TAG = /^Unresolved tag: tag:yaml\.org,2002:(set|omap|pairs)$/;

function fromYamlError(file: RegistryFile, e: YAMLError, severity: 'error' | 'warning'): Diagnostic {
  const [start, end] = e.pos;
  const loc = locOfOffsets(file, start, end);
  const typed = TYPED_TAG.exec(e.message)?.[1];
  if (typed !== undefined) return schemaFinding('typedCollection', { ...UNPREFIXED, tag: typed }, loc);
  if (e.code === 'MULTIPLE_DOCS') return yamlSyntaxFinding('multipleDocs', {}, loc);
  const source = file.text.slice(start, end);
  if (severity === 'warning' && e.code === 'TAG_RESOLVE_FAILED' && source.startsWith('!')) {
    return yamlSyntaxFinding('unknownTag', { tag: source }, loc, { severity: 'warning' });
  }
  // the library's sentence, without the location it appends (ours is the diagnostic's own)
  const text = e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
  const detail = text.charAt(0).toLowerCase() + text.slice(1);
  if (severity === 'warning') return yamlSyntaxFinding('parserWarning', { code: e.code, detail }, loc, { severity: 'warning' });
  return yamlSyntaxFinding('parser', { code: e.code, detail }, loc);
}

/** Where a mapping went over MAX_MAPPING_KEYS: its first key, and the key past the bound. */
interface TooManyKeys {
  first: number;
  key: number;
  end: number;
}

/**
 * Counts the keys of each mapping from the lexer's tokens as they stream past, so that a file
 * with a mapping of 80,000 keys is refused at its 10,001st key, before the parser and composer
 * have spent seconds and hundreds of megabytes on the rest. Block mappings are told apart by
 * the column of their keys (a shallower line or a `-` closes the deeper ones), flow mappings by
 * their braces. It may count too few keys (a flow mapping of keys without values), never too
 * many; checkMappings counts again, exactly, on the composed document.
 */
class KeyCounter {
  constructor(private readonly bound: number) {}

  private offset = 0;
  private lineStart = 0;
  /** column and offset of the first token of the current line or `-` item; -1 before it */
  private itemColumn = -1;
  private itemOffset = 0;
  private atScalar = false;
  /** offset of the first token of the current flow item; -1 before it */
  private flowItem = -1;
  private readonly blocks: { column: number; count: number; first: number }[] = [];
  private flows: { map: boolean; count: number; first: number }[] = [];
  over: TooManyKeys | undefined;

  /** Takes one lexeme; false once a mapping has more keys than the bound. */
  push(lexeme: string): boolean {
    if (this.atScalar) {
      this.atScalar = false;
      this.content();
      // A block scalar's lexeme holds its lines and the line break after them, a quoted
      // scalar's its line breaks: the next token starts a new line.
      const newline = lexeme.lastIndexOf('\n');
      if (newline !== -1) {
        this.lineStart = this.offset + newline + 1;
        this.itemColumn = -1;
      }
      this.offset += lexeme.length;
      return true;
    }
    switch (CST.tokenType(lexeme)) {
      case 'scalar':
        this.atScalar = true;
        return true;
      case 'doc-mode':
        return true;
      case 'flow-error-end':
        this.flows = [];
        return true;
      case 'newline':
        this.offset += lexeme.length;
        this.lineStart = this.offset;
        this.itemColumn = -1;
        return true;
      case 'space':
      case 'comment':
      case 'directive-line':
      case 'byte-order-mark':
        break;
      case 'doc-start':
      case 'doc-end':
        this.blocks.length = 0;
        this.flows = [];
        break;
      case 'seq-item-ind':
        if (this.flows.length === 0) {
          this.close(this.offset - this.lineStart);
          this.itemColumn = -1;
        }
        break;
      case 'map-value-ind':
        if (!this.key()) return false;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        this.content();
        this.flows.push({ map: lexeme === '{', count: 0, first: this.offset });
        this.flowItem = -1;
        break;
      case 'comma':
        this.flowItem = -1;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        this.flows.pop();
        break;
      case 'single-quoted-scalar':
      case 'double-quoted-scalar': {
        this.content();
        const newline = lexeme.lastIndexOf('\n');
        if (newline !== -1) this.lineStart = this.offset + newline + 1;
        break;
      }
      default:
        this.content();
    }
    // No other token spans a line break.
    this.offset += lexeme.length;
    return true;
  }

  private content(): void {
    if (this.flows.length > 0) {
      if (this.flowItem === -1) this.flowItem = this.offset;
      return;
    }
    if (this.itemColumn !== -1) return;
    this.itemColumn = this.offset - this.lineStart;
    this.itemOffset = this.offset;
  }

  /** Mappings whose keys sit deeper than `column` have ended. */
  private close(column: number): void {
    while (this.blocks.length > 0 && (this.blocks[this.blocks.length - 1] as { column: number }).column > column) this.blocks.pop();
  }

  private key(): boolean {
    const flow = this.flows[this.flows.length - 1];
    if (flow !== undefined) {
      if (!flow.map) return true;
      flow.count++;
      return this.check(flow, this.flowItem === -1 ? this.offset : this.flowItem);
    }
    const column = this.itemColumn === -1 ? this.offset - this.lineStart : this.itemColumn;
    const at = this.itemColumn === -1 ? this.offset : this.itemOffset;
    this.close(column);
    const top = this.blocks[this.blocks.length - 1];
    if (top !== undefined && top.column === column) {
      top.count++;
      return this.check(top, at);
    }
    this.blocks.push({ column, count: 1, first: at });
    return true;
  }

  private check(mapping: { count: number; first: number }, key: number): boolean {
    if (mapping.count <= this.bound) return true;
    this.over = { first: mapping.first, key, end: this.offset };
    return false;
  }
}

/**
 * The first mapping of `text` that the lexer's count finds with more than `bound` keys (its
 * first key's offset), as compose counts them; for the property test that holds the count to
 * the composed document's.
 */
export function lexedMappingOver(text: string, bound: number): number | undefined {
  const counter = new KeyCounter(bound);
  for (const lexeme of new Lexer().lex(text)) if (!counter.push(lexeme)) break;
  return counter.over?.first;
}

/** Whether `text` has more line breaks or more commas than a mapping may have keys. */
function mayHoldTooManyKeys(text: string): boolean {
  for (const mark of ['\n', '\r', ',']) {
    let count = 0;
    for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) if (++count >= MAX_MAPPING_KEYS) return true;
  }
  return false;
}

/** The file's text as YAML: its first document, and a MULTIPLE_DOCS error at a second one. */
function compose(text: string, lineCounter: LineCounter): { doc: Document.Parsed; over?: undefined } | { doc?: undefined; over: TooManyKeys } {
  const parser = new Parser(lineCounter.addNewLine);
  const counter = new KeyCounter(MAX_MAPPING_KEYS);
  // As Parser.parse, with each lexeme counted on its way to the parser. A file of fewer lines
  // and commas than the bound cannot hold a mapping past it (each key but the first starts a
  // line or follows a comma): it goes to the parser as it is, at the parser's own speed.
  const tokens = mayHoldTooManyKeys(text) ? counted : () => parser.parse(text);
  function* counted() {
    lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      if (!counter.push(lexeme)) return;
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  const composer = new Composer(YAML_OPTIONS);
  let doc: Document.Parsed | undefined;
  // As the library's parseDocument: the first document, and an error where a second begins.
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (counter.over !== undefined) break;
    if (doc === undefined) {
      doc = next;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'multiple documents'));
      break;
    }
  }
  if (counter.over !== undefined) return { over: counter.over };
  // compose(..., true, ...) always yields a document, an empty file included.
  return { doc: doc as Document.Parsed };
}

/** `count` when it is known: the lexer stops counting at the first key past the bound. */
function tooManyKeys(lineCounter: LineCounter, first: number, count: number | undefined, at: Loc): Diagnostic {
  const line = lineCounter.linePos(first).line;
  return count === undefined
    ? yamlSyntaxFinding('tooManyKeys', { line, bound: MAX_MAPPING_KEYS }, at)
    : yamlSyntaxFinding('tooManyKeysCounted', { line, keys: count, bound: MAX_MAPPING_KEYS }, at);
}

/**
 * What the library's duplicate-key test reported, in linear time (a Map per mapping), at the
 * same place (the key) with the same words; and the bound on keys per mapping, which keeps a
 * hostile file from costing the schema checks and the diagnostics a pass per key.
 */
function checkMappings(file: RegistryFile, contents: unknown): { diagnostics: Diagnostic[]; protoKeys: boolean } {
  const out: Diagnostic[] = [];
  let protoKeys = false;
  const stack: unknown[] = [contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) {
      for (const item of node.items) if (isCollection(item)) stack.push(item);
    } else if (isMap(node)) {
      if (node.items.length > MAX_MAPPING_KEYS) {
        const first = node.items[0]?.key;
        const over = node.items[MAX_MAPPING_KEYS]?.key;
        const start = isNode(first) && first.range ? first.range[0] : (node.range?.[0] ?? 0);
        const at = isNode(over) && over.range ? locOfNode(file, over) : locOfOffsets(file, start, start);
        out.push(tooManyKeys(file.lineCounter, start, node.items.length, at));
        continue;
      }
      // Most mappings hold a handful of keys: compared pair by pair, they need no Map.
      const items = node.items;
      const seen = items.length > SMALL_MAPPING ? new Map<unknown, true>() : undefined;
      for (let index = 0; index < items.length; index++) {
        const { key, value } = items[index] as (typeof items)[number];
        if (isCollection(value)) stack.push(value);
        if (!isScalar(key)) {
          if (isCollection(key)) stack.push(key);
          continue;
        }
        const k: unknown = key.value;
        if (typeof k === 'string' && (k === '__proto__' || k.startsWith('\u0000'))) protoKeys = true;
        // The library's test is `a.value === b.value`, under which NaN is no duplicate of NaN.
        if (k !== k) continue;
        let repeated = false;
        if (seen === undefined) {
          for (let i = 0; i < index && !repeated; i++) {
            const before = (items[i] as (typeof items)[number]).key;
            repeated = isScalar(before) && before.value === k;
          }
        } else {
          repeated = seen.has(k);
          seen.set(k, true);
        }
        if (repeated) {
          const at = key.range?.[0] ?? 0;
          out.push(yamlSyntaxFinding('duplicateKey', {}, locOfOffsets(file, at, at + 1)));
        }
      }
    }
  }
  return { diagnostics: out, protoKeys };
}

export function parseRegistryFile(path: string, bytes: Uint8Array): ParseResult {
  const decoded = decode(path, bytes);
  if (decoded.text === undefined) return { parsed: undefined, text: undefined, diagnostics: decoded.diagnostic ? [decoded.diagnostic] : [] };
  const text = decoded.text;
  let lineCounter = new LineCounter();
  let composed;
  try {
    // A mapping past the bound sends the file to the library, whose lexer refuses it early.
    const plain = readPlainYaml(text, YAML_OPTIONS, MAX_MAPPING_KEYS);
    if (plain !== undefined) lineCounter = plain.lineCounter;
    composed = plain === undefined ? compose(text, lineCounter) : { doc: plain.doc };
  } catch (err) {
    // The parser itself gave up, e.g. on nesting deeper than the stack allows.
    const diagnostic = err instanceof RangeError ? yamlSyntaxFinding('tooDeep', {}, locOfFile(path)) : yamlSyntaxFinding('unreadable', { detail: String(err) }, locOfFile(path));
    return { parsed: undefined, text, diagnostics: [diagnostic] };
  }
  if (composed.over !== undefined) {
    const { first, key, end } = composed.over;
    const from = lineCounter.linePos(key);
    const to = lineCounter.linePos(end);
    const at = { file: path, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
    return { parsed: undefined, text, diagnostics: [tooManyKeys(lineCounter, first, undefined, at)] };
  }
  const doc = composed.doc;
  const file: RegistryFile = { path, text, doc, lineCounter };
  const mappings = checkMappings(file, doc.contents);
  const diagnostics = [...doc.errors.map((e) => fromYamlError(file, e, 'error')), ...doc.warnings.map((e) => fromYamlError(file, e, 'warning')), ...mappings.diagnostics];
  if (doc.directives.yaml.explicit && doc.directives.yaml.version === '1.1') {
    diagnostics.push(yamlSyntaxFinding('yaml11', {}, locOfOffsets(file, 0, lineEnd(text, 0)), { severity: 'warning' }));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { parsed: undefined, text, diagnostics };
  keepConditionText(doc);
  try {
    return { parsed: { file, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), protoKeys: mappings.protoKeys }, text, diagnostics };
  } catch (err) {
    const alias = firstAlias(doc.contents);
    const loc = alias === undefined ? locOfFile(path) : locOfNode(file, alias);
    const diagnostic = err instanceof ReferenceError ? yamlSyntaxFinding('aliasBomb', { max: MAX_ALIAS_COUNT }, loc) : yamlSyntaxFinding('unreadableAliases', { detail: String(err) }, loc);
    return { parsed: undefined, text, diagnostics: [...diagnostics, diagnostic] };
  }
}

function firstAlias(node: unknown): Node | undefined {
  let found: Node | undefined;
  const visit = (n: unknown): void => {
    if (found !== undefined || n === null || typeof n !== 'object') return;
    if (isAlias(n)) {
      found = n;
      return;
    }
    if (isMap(n)) for (const p of n.items) visit(p.value);
    if (isSeq(n)) for (const item of n.items) visit(item);
  };
  visit(node);
  return found;
}

/**
 * SPEC §1: equality in a condition compares text, so `zip: 02134` must stay "02134" and
 * `csat: 4.0` must stay "4.0". Plain scalars in equality positions keep their source text,
 * in a condition written in place, behind an alias or merged in with `<<`.
 */
function keepConditionText(doc: Document.Parsed): void {
  const get = (node: unknown, key: string): unknown => {
    const value = mergedPairs(doc, node).find((p) => isScalar(p.key) && p.key.value === key)?.value;
    return isAlias(value) ? value.resolve(doc) : value;
  };
  const standards = get(doc.contents, 'standards');
  if (!isSeq(standards)) return;
  for (const entry of standards.items) {
    const item = isAlias(entry) ? entry.resolve(doc) : entry;
    walkCondition(doc, get(item, 'where'));
    walkCondition(doc, get(get(item, 'measure'), 'expect'));
  }
}

function asText(node: unknown): void {
  if (isScalar(node) && node.type === 'PLAIN' && typeof node.value !== 'string' && node.value !== null && node.source !== undefined) {
    node.value = node.source;
  }
}

function walkCondition(doc: Document.Parsed, condition: unknown): void {
  const resolved = (n: unknown): unknown => (isAlias(n) ? n.resolve(doc) : n);
  const node = resolved(condition);
  if (!isMap(node)) return;
  for (const pair of mergedPairs(doc, node)) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = resolved(pair.value);
    if (key === 'any' || key === 'all') {
      if (isSeq(value)) for (const item of value.items) walkCondition(doc, item);
    } else if (key === 'not') {
      walkCondition(doc, value);
    } else if (isSeq(value)) {
      for (const item of value.items) asText(item);
    } else if (isMap(value)) {
      for (const op of mergedPairs(doc, value)) {
        const name = isScalar(op.key) ? String(op.key.value) : '';
        const operand = resolved(op.value);
        if (name === 'eq' || name === 'ne') asText(operand);
        if ((name === 'in' || name === 'not_in') && isSeq(operand)) for (const item of operand.items) asText(item);
      }
    } else {
      asText(value);
    }
  }
}
