/** From YAML nodes to 1-based locations: every diagnostic points at the offending value. */
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Loc } from '../model/diagnostic.js';

export type YamlPath = readonly (string | number)[];

/** A parsed registry file: its text, its YAML document and the counter that maps offsets. */
export interface RegistryFile {
  /** registry-relative path with `/` */
  path: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Where an entity lives: its file and the path of its node within the file. */
export interface At {
  file: string;
  path: YamlPath;
}

export function locOfOffsets(file: RegistryFile, start: number, end: number): Loc {
  const from = file.lineCounter.linePos(start);
  const to = file.lineCounter.linePos(Math.max(start, end));
  return { file: file.path, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/** The start of a file: for problems with the file as a whole. */
export function locOfFile(path: string): Loc {
  return { file: path, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  while (end > offset && /\s/.test(text[end - 1] as string)) end--;
  return end;
}

/** A scalar's own range; a collection's first line only, so carets stay on one line. */
export function locOfNode(file: RegistryFile, node: Node): Loc {
  const [start, valueEnd] = node.range ?? [0, 0];
  if (isScalar(node) || isAlias(node)) return locOfOffsets(file, start, valueEnd);
  return locOfOffsets(file, start, Math.min(valueEnd, lineEnd(file.text, start)));
}

function resolve(file: RegistryFile, node: unknown): unknown {
  return isAlias(node) ? node.resolve(file.doc) : node;
}

/** A merge key, a plain `<<`: the composer makes it a Scalar whose value is a symbol described `<<` (a quoted "<<" is text). */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return typeof value === 'symbol' && value.description === '<<';
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) && !isMergeKey(key) ? String(key.value) : undefined;
}

/**
 * The pairs of a mapping as it reads once merged: its own keys, and those that `<<: *defaults`
 * merges in and it does not set, each pair where it is written (in the anchor for a merged
 * one), so that a problem with a merged value is shown at the value's own line. In the order
 * the value reads (toJS: a merged key where its `<<` stands); earlier merge sources win over
 * later ones, the mapping's own keys over all of them, as the YAML merge key type says.
 */
export function mergedPairs(doc: Document, node: unknown, open: Set<unknown> = new Set()): Pair[] {
  const map = isAlias(node) ? node.resolve(doc) : node;
  if (!isMap(map) || open.has(map)) return [];
  // The common mapping merges nothing: its pairs are what it reads.
  if (!map.items.some((p) => isMergeKey(p.key))) return map.items;
  open.add(map);
  const out: Pair[] = [];
  const at = new Map<string, number>();
  const add = (pair: Pair, own: boolean): void => {
    const key = keyText(pair.key);
    if (key === undefined) return;
    const index = at.get(key);
    if (index === undefined) {
      at.set(key, out.length);
      out.push(pair);
    } else if (own) {
      out[index] = pair;
    }
  };
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) {
      add(pair, true);
      continue;
    }
    const value = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
    for (const source of isSeq(value) ? value.items : [value]) for (const merged of mergedPairs(doc, source, open)) add(merged, false);
  }
  open.delete(map);
  return out;
}

function findPair(file: RegistryFile, map: unknown, key: string | number): Pair | undefined {
  if (!isMap(map)) return undefined;
  const name = String(key);
  let merges = false;
  for (const p of map.items) {
    const k = p.key;
    if (!isScalar(k)) continue;
    if (isMergeKey(k)) merges = true;
    else if (String(k.value) === name) return p;
  }
  return merges ? mergedPairs(file.doc, map).find((p) => keyText(p.key) === name) : undefined;
}

/**
 * The node at `path`, or the deepest node on the way there that exists (SPEC: a problem
 * with no node of its own is shown at its nearest parent).
 */
export function nodeAt(file: RegistryFile, path: YamlPath): { node: Node; exact: boolean } | undefined {
  let current: unknown = file.doc.contents;
  if (!isNode(current)) return undefined;
  let found: Node = current;
  for (const segment of path) {
    current = resolve(file, current);
    let next: unknown;
    if (isSeq(current) && typeof segment === 'number') next = current.items[segment];
    else next = findPair(file, current, segment)?.value;
    if (!isNode(next)) return { node: found, exact: false };
    found = next;
    current = next;
  }
  return { node: found, exact: true };
}

export function locate(file: RegistryFile, path: YamlPath): Loc {
  const hit = nodeAt(file, path);
  return hit === undefined ? locOfFile(file.path) : locOfNode(file, hit.node);
}

/** The key of `key` in the mapping at `path` (an unknown field is shown at its name). */
export function locateKey(file: RegistryFile, path: YamlPath, key: string): Loc {
  const hit = nodeAt(file, path);
  const pair = hit?.exact ? findPair(file, resolve(file, hit.node), key) : undefined;
  if (pair !== undefined && isNode(pair.key)) return locOfNode(file, pair.key);
  return locate(file, path);
}

/** Whether a value is present at `path` (used to tell a missing field from a wrong one). */
export function hasNode(file: RegistryFile, path: YamlPath): boolean {
  return nodeAt(file, path)?.exact ?? false;
}

/**
 * The part of a scalar's source text that reads `needle` (case-insensitive), so a caret can
 * sit under a phrase in a long statement; the whole value when the phrase is not found as
 * written (e.g. folded across lines).
 */
export function locateText(file: RegistryFile, path: YamlPath, needle: string): Loc {
  const hit = nodeAt(file, path);
  if (hit === undefined || !hit.exact || !isScalar(hit.node) || hit.node.range == null) return locate(file, path);
  const [start, end] = hit.node.range;
  const index = file.text.slice(start, end).toLowerCase().indexOf(needle.toLowerCase());
  if (index === -1) return locOfNode(file, hit.node);
  return locOfOffsets(file, start + index, start + index + needle.length);
}
