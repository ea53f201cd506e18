/**
 * Columns a standard (or a source's key) names that its source's CSV header lacks, or names
 * more than once: a typo, or an export whose header repeats a name, found before any log is
 * read. A repeated name that nothing reads is no problem.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Loc } from '../model/diagnostic.js';
import type { FileHeader } from '../logs/header.js';
import { locOfNode, nodeAt, type RegistryFile, type YamlPath } from '../registry/locate.js';
import { kindOf } from '../plan/measure-kinds.js';
import { surveyColumns } from '../plan/survey-columns.js';
import type { Standard } from '../registry/model.js';
import { say } from '../registry/messages.js';
import { suggest } from '../registry/suggest.js';
import { about, finding, type Finding, type Rule, type RuleContext } from './types.js';

interface ColumnRef {
  column: string;
  loc: Loc;
  /** the field that names it, as a path in the entity: `measure.from`, `where.any[0].segment` */
  field: string;
}

/** Every column key of a condition written in YAML, at its key. */
function conditionRefs(file: RegistryFile, path: YamlPath, field: string): ColumnRef[] {
  const hit = nodeAt(file, path);
  if (hit === undefined || !hit.exact) return [];
  const out: ColumnRef[] = [];
  const visit = (node: unknown, at: string): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (key === 'any' || key === 'all') {
        if (isSeq(pair.value)) pair.value.items.forEach((item, i) => visit(item, `${at}.${key}[${i}]`));
      } else if (key === 'not') {
        visit(pair.value, `${at}.not`);
      } else {
        out.push({ column: key, loc: locOfNode(file, pair.key), field: `${at}.${key}` });
      }
    }
  };
  visit(hit.node, field);
  return out;
}

function standardRefs(ctx: RuleContext, standard: Standard): ColumnRef[] {
  const file = ctx.registry.files.get(standard.at.file);
  if (file === undefined) return [];
  const refs: ColumnRef[] = [];
  const columns = kindOf(standard.measure).columns(standard.measure);
  // the measure's own fields at their values; the columns of a condition at their keys, below
  for (const { field, column } of columns.filter((c) => c.role !== 'expect')) refs.push({ column, loc: ctx.locate(standard.at, ['measure', field]), field: `measure.${field}` });
  refs.push(...conditionRefs(file, [...standard.at.path, 'where'], 'where'));
  if (columns.some((c) => c.role === 'expect')) refs.push(...conditionRefs(file, [...standard.at.path, 'measure', 'expect'], 'measure.expect'));
  return refs;
}

function missingFrom(column: string, headers: readonly FileHeader[]): { lacking: FileHeader[]; read: number } {
  const read = headers.filter((h) => h.columns !== undefined);
  return { lacking: read.filter((h) => !(h.columns as string[]).includes(column)), read: read.length };
}

/** `source "tickets"`, `standard "reply-time"`: who names the column. */
type Subject = { of: string; id: string; column: string };
const subjectOf = ({ of, id }: Subject): string => `${of === 'sources' ? 'source' : 'standard'} "${id}"`;

function describe(d: Subject & { files: readonly string[]; read: number }): string {
  const { files, read, column } = d;
  if (read === 1) return `${subjectOf(d)} names column "${column}", which the header of ${files[0] ?? ''} lacks`;
  const shown = files.length > 3 ? `${files.slice(0, 3).join(', ')}, ...` : files.join(', ');
  const which = files.length === read ? `all ${read}` : `${files.length} of ${read}`;
  return `${subjectOf(d)} names column "${column}", which the headers of ${which} log files lack (${shown})`;
}

/** 1-based positions of a name in a header. */
function positionsOf(column: string, columns: readonly string[]): number[] {
  const out: number[] = [];
  columns.forEach((c, i) => {
    if (c === column) out.push(i + 1);
  });
  return out;
}

const list = (items: readonly (string | number)[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** The headers that name a column more than once, so that a reference to it cannot say which is meant. */
function repeating(ref: ColumnRef, headers: readonly FileHeader[]): { first: FileHeader; positions: number[]; others: number } | undefined {
  const files = headers.filter((h) => h.columns !== undefined && positionsOf(ref.column, h.columns).length > 1);
  const first = files[0];
  if (first === undefined) return undefined;
  return { first, positions: positionsOf(ref.column, first.columns as string[]), others: files.length - 1 };
}

function describeRepeat(d: Subject & { file: string; positions: readonly string[]; others: number }): string {
  const times = d.positions.length === 2 ? 'twice' : `${d.positions.length} times`;
  const others = d.others === 0 ? '' : `, and ${d.others === 1 ? '1 other log file repeats' : `${d.others} other log files repeat`} it too`;
  return `${subjectOf(d)} names column "${d.column}", which the header of ${d.file} has ${times} (columns ${list(d.positions)})${others}: which one is meant is not known`;
}

function hintFor({ suggestion, header }: { suggestion: string; header: readonly string[] }): string {
  if (suggestion !== '') return `did you mean "${suggestion}"?`;
  const listed = header.length > 12 ? `${header.slice(0, 12).join(', ')}, ...` : header.join(', ');
  return `the header has: ${listed}`;
}

const messages = {
  lacking: { message: describe, hint: hintFor },
  repeated: { message: describeRepeat, hint: 'rename one of the columns in the export (or in its header line), so that each name is one column' },
} as const;

export const unknownColumn: Rule = {
  id: 'unknown-column',
  kind: 'error',
  defaultSeverity: 'error',
  description: "A standard (or a source's key) names a column that the header of the source's CSV log files lacks, or has more than once. Checked when the logs are present.",
  messages,
  check(ctx) {
    const out: Finding[] = [];
    const check = (ref: ColumnRef, headers: readonly FileHeader[], entity: { collection: 'sources' | 'standards'; id: string }): void => {
      const { lacking, read } = missingFrom(ref.column, headers);
      const entityOf = about(entity.collection, entity.id, ref.field);
      const subject = { of: entity.collection, id: entity.id, column: ref.column };
      if (lacking.length > 0) {
        const header = lacking[0]?.columns ?? [];
        const said = say(messages, 'lacking', { ...subject, files: lacking.map((h) => h.display), read, suggestion: suggest(ref.column, header) ?? '', header });
        out.push(finding(ref.loc, said, entityOf));
      }
      // the evaluation would have to guess which of the columns is meant (it used to take the first)
      const repeat = repeating(ref, headers);
      if (repeat !== undefined) {
        const said = say(messages, 'repeated', { ...subject, file: repeat.first.display, positions: repeat.positions.map(String), others: repeat.others });
        out.push(finding(ref.loc, said, entityOf));
      }
    };
    for (const source of ctx.registry.sources) {
      const headers = ctx.headers.get(source.id)?.files ?? [];
      check({ column: source.key, loc: ctx.locate(source.at, ['key']), field: 'key' }, headers, { collection: 'sources', id: source.id });
      // SPEC §6: a survey's items, weights, link and score columns
      for (const ref of surveyColumns(source)) {
        check({ column: ref.column, loc: ctx.locate(source.at, ref.path), field: ref.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') }, headers, { collection: 'sources', id: source.id });
      }
    }
    for (const standard of ctx.registry.standards) {
      const headers = ctx.headers.get(standard.source)?.files ?? [];
      const seen = new Set<string>();
      for (const ref of standardRefs(ctx, standard)) {
        const key = `${ref.column}@${ref.loc.line}:${ref.loc.column}`;
        if (seen.has(key)) continue;
        seen.add(key);
        check(ref, headers, { collection: 'standards', id: standard.id });
      }
    }
    return out;
  },
};
