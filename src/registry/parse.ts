/** One registry file, bytes to a YAML document and a plain value, with located syntax errors. */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLError, type Node } from 'yaml';
import type { Diagnostic, Loc } from '../model/diagnostic.js';
import { locOfFile, locOfNode, locOfOffsets, type RegistryFile } from './locate.js';

/** A registry file larger than this is refused: no promise registry needs it, a mistake might. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** How many aliases a file may expand; more is the "billion laughs" attack, refused. */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedFile {
  file: RegistryFile;
  /** the document as plain data; undefined when the file has syntax errors */
  value: unknown;
}

export interface ParseResult {
  parsed: ParsedFile | undefined;
  /** the decoded text, when the bytes were text */
  text: string | undefined;
  diagnostics: Diagnostic[];
}

function problem(rule: string, loc: Loc, message: string, hint?: string): Diagnostic {
  return hint === undefined ? { rule, severity: 'error', message, ...loc } : { rule, severity: 'error', message, hint, ...loc };
}

const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
  DUPLICATE_KEY: 'each key may appear once in a mapping; keep one of them',
  MULTIPLE_DOCS: 'a registry file holds one YAML document; move the part after --- into a file of its own',
  BAD_INDENT: 'check the indentation of this line against the lines above it',
  MISSING_CHAR: 'a bracket or quote is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation and the `key: value` form of this line',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; is a colon or quote missing above?',
  UNEXPECTED_TOKEN: 'check the indentation and the `key: value` form of this line',
  BAD_ALIAS: 'an alias (*name) must refer to an anchor (&name) defined above it',
};

function decode(path: string, bytes: Uint8Array): { text?: string; diagnostic?: Diagnostic } {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      diagnostic: problem('unreadable-file', locOfFile(path), `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, the most a registry file may have`, 'split the registry into smaller files, or list this file under `ignore` in promise.yaml'),
    };
  }
  if (bytes.includes(0)) {
    return { diagnostic: problem('unreadable-file', locOfFile(path), 'the file is binary, not YAML text', 'remove it from the registry, or list it under `ignore` in promise.yaml') };
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
      diagnostic: problem('unreadable-file', { file: path, line, column, endLine: line, endColumn: column + 1 }, 'the file is not UTF-8 text', 'save it as UTF-8'),
    };
  }
}

export function parseRegistryFile(path: string, bytes: Uint8Array): ParseResult {
  const decoded = decode(path, bytes);
  if (decoded.text === undefined) return { parsed: undefined, text: undefined, diagnostics: decoded.diagnostic ? [decoded.diagnostic] : [] };
  const text = decoded.text;
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true, strict: true });
  } catch (err) {
    // The parser itself gave up, e.g. on nesting deeper than the stack allows.
    const message = err instanceof RangeError ? 'the file nests too deeply to read' : `the file cannot be read as YAML: ${String(err)}`;
    return { parsed: undefined, text, diagnostics: [problem('yaml-syntax', locOfFile(path), message)] };
  }
  const file: RegistryFile = { path, text, doc, lineCounter };
  const diagnostics = [...doc.errors, ...doc.warnings].map((e: YAMLError) => {
    const [start, end] = e.pos;
    const message = e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    return problem('yaml-syntax', locOfOffsets(file, start, end), message.charAt(0).toLowerCase() + message.slice(1), YAML_HINTS[e.code]);
  });
  if (diagnostics.length > 0) return { parsed: undefined, text, diagnostics };
  keepConditionText(doc.contents);
  try {
    return { parsed: { file, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) }, text, diagnostics: [] };
  } catch (err) {
    const alias = firstAlias(doc.contents);
    const loc = alias === undefined ? locOfFile(path) : locOfNode(file, alias);
    const message = err instanceof ReferenceError ? `aliases in this file expand to more than ${MAX_ALIAS_COUNT} copies` : `the file cannot be read as YAML: ${String(err)}`;
    return { parsed: undefined, text, diagnostics: [problem('yaml-syntax', loc, message, 'use fewer aliases (*name); an alias bomb is refused')] };
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
 * `csat: 4.0` must stay "4.0". Plain scalars in equality positions keep their source text.
 */
function keepConditionText(contents: unknown): void {
  if (!isMap(contents)) return;
  const standards = contents.get('standards', true);
  if (!isSeq(standards)) return;
  for (const item of standards.items) {
    if (!isMap(item)) continue;
    walkCondition(item.get('where', true));
    const measure = item.get('measure', true);
    if (isMap(measure)) walkCondition(measure.get('expect', true));
  }
}

function asText(node: unknown): void {
  if (isScalar(node) && node.type === 'PLAIN' && typeof node.value !== 'string' && node.value !== null && node.source !== undefined) {
    node.value = node.source;
  }
}

function walkCondition(node: unknown): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    if (key === 'any' || key === 'all') {
      if (isSeq(value)) for (const item of value.items) walkCondition(item);
    } else if (key === 'not') {
      walkCondition(value);
    } else if (isSeq(value)) {
      for (const item of value.items) asText(item);
    } else if (isMap(value)) {
      for (const op of value.items) {
        const name = isScalar(op.key) ? String(op.key.value) : '';
        if (name === 'eq' || name === 'ne') asText(op.value);
        if ((name === 'in' || name === 'not_in') && isSeq(op.value)) for (const item of op.value.items) asText(item);
      }
    } else {
      asText(value);
    }
  }
}
