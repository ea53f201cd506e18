/** zod issues become `schema` diagnostics: a located value, a sentence a user can act on, a hint. */
import type { z } from 'zod';
import type { Diagnostic, DiagnosticEntity } from '../model/diagnostic.js';
import { LINT_RULE_IDS } from '../model/rule-ids.js';
import { hasNode, locate, locateKey, type RegistryFile, type YamlPath } from './locate.js';
import { restoreKey } from './own-keys.js';
import { COLLECTIONS, DAY_KEYS, itemSchemas, SETTINGS_KEYS, type CollectionName } from './schema.js';
import { didYouMean } from './suggest.js';

type Issue = z.core.$ZodIssue;

export interface IssueContext {
  file: RegistryFile;
  /** path of the validated value inside the file */
  base: YamlPath;
  /** what the value is, for the message: `standard "email-first-response"`, or '' at top level */
  subject: string;
  /** the validated value, to describe what was found */
  value: unknown;
  /** the top-level key of the file, when validating inside a collection */
  collection?: CollectionName;
  /** true for promise.yaml, which may hold settings */
  settingsFile: boolean;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return value === '' ? 'empty text' : `"${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function field(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** The value at `path`, by own keys only: a missing `constructor` is missing, not Object's. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(message);
}

/** The names a mapping at `path` may hold, for did-you-mean on an unknown key. */
function knownKeys(ctx: IssueContext, path: readonly PropertyKey[]): string[] {
  if (ctx.collection === undefined) {
    return path.length === 1 && path[0] === 'rules'
      ? [...LINT_RULE_IDS]
      : [...COLLECTIONS, ...(ctx.settingsFile ? SETTINGS_KEYS : [])];
  }
  const last = path[path.length - 1];
  const shape = (schema: unknown): string[] => Object.keys((schema as { shape?: object }).shape ?? {});
  if (path.length === 0) return shape(itemSchemas[ctx.collection]);
  if (ctx.collection === 'calendars' && last === 'hours') return ['daily', 'weekdays', ...DAY_KEYS];
  if (ctx.collection === 'calendars' && path[0] === 'holidays') return ['date', 'name', 'hours'];
  if (ctx.collection === 'standards' && last === 'measure') {
    const kind = valueAt(ctx.value, [...path, 'kind']);
    const fields: Record<string, string[]> = {
      duration: ['from', 'to', 'within', 'calendar', 'paused', 'per'],
      deadline: ['done', 'due', 'grace', 'start', 'due_is_date'],
      condition: ['at', 'expect'],
      average: ['at', 'of', 'at_least', 'at_most'],
    };
    return ['kind', ...(fields[String(kind)] ?? [])];
  }
  if (ctx.collection === 'standards' && last === 'remedy') return ['action', 'credit', 'currency'];
  return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'matches', 'empty'];
}

/** The entity an issue is about: the item validated, or the file's top-level key. */
function entityOf(ctx: IssueContext, about: readonly PropertyKey[]): DiagnosticEntity {
  if (ctx.collection !== undefined) {
    const id = valueAt(ctx.value, ['id']);
    const index = ctx.base[ctx.base.length - 1];
    return { collection: ctx.collection, id: typeof id === 'string' && id !== '' ? id : `#${typeof index === 'number' ? index + 1 : 1}`, field: field(about) };
  }
  const [top, ...rest] = about;
  if ((COLLECTIONS as readonly PropertyKey[]).includes(top as PropertyKey)) return { collection: String(top), id: '', field: field(rest) };
  return { collection: ctx.settingsFile ? 'settings' : '', id: '', field: field(about) };
}

/**
 * A located diagnostic. `about` is the field the issue concerns when that differs from where it
 * is shown: a missing field is shown at its parent and is about itself.
 */
function diagnostic(ctx: IssueContext, path: readonly PropertyKey[], message: string, hint: string | undefined, key?: string, about?: readonly PropertyKey[]): Diagnostic {
  const full = [...ctx.base, ...path] as (string | number)[];
  const loc = key === undefined ? locate(ctx.file, full) : locateKey(ctx.file, full, key);
  const where = field(path);
  const prefix = [ctx.subject, where].filter((s) => s !== '').join(': ');
  const text = prefix === '' ? message : `${prefix}: ${message}`;
  const d: Diagnostic = { rule: 'schema', severity: 'error', message: text, ...loc };
  if (hint !== undefined) d.hint = hint;
  d.entity = entityOf(ctx, about ?? (key === undefined ? path : [...path, key]));
  return d;
}

/** The union branch that fits the value's shape, when just one does. */
function isRootMismatch(issue: Issue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type') return true;
  return issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((b) => b.every(isRootMismatch));
}

function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const fitting = branches.filter((issues) => !issues.every(isRootMismatch));
  return fitting.length === 1 ? fitting[0] : undefined;
}

export function issuesToDiagnostics(issues: readonly Issue[], ctx: IssueContext, prefix: readonly PropertyKey[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    // The schema saw keys escaped (own-keys.ts); the registry wrote them as they are.
    const path = [...prefix, ...issue.path.map(restoreKey)];
    const found = valueAt(ctx.value, path);
    const missing = found === undefined && !hasNode(ctx.file, [...ctx.base, ...path] as (string | number)[]);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeys(ctx, path);
        for (const key of issue.keys.map(restoreKey)) {
          const where = path.length === 0 ? (ctx.collection === undefined ? 'top-level key' : 'field') : 'field';
          const hint =
            didYouMean(key, known) ??
            (ctx.collection === undefined && !ctx.settingsFile && (SETTINGS_KEYS as readonly string[]).includes(key)
              ? 'registry settings belong in promise.yaml'
              : `expected one of ${known.join(', ')}`);
          out.push(diagnostic(ctx, path, `unknown ${where} "${key}"`, hint, key));
        }
        break;
      }
      case 'invalid_type': {
        if (missing) out.push(diagnostic(ctx, path.slice(0, -1), `${String(path[path.length - 1])} is missing`, undefined, undefined, path));
        else out.push(diagnostic(ctx, path, `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(found)}`, found === null ? 'give it a value, or remove the key' : undefined));
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        if (missing) {
          out.push(diagnostic(ctx, path.slice(0, -1), `${String(path[path.length - 1])} is missing`, `one of ${options.join(', ')}`, undefined, path));
        } else if (!isDefaultMessage(issue.message)) {
          out.push(diagnostic(ctx, path, issue.message, undefined));
        } else {
          const hint = typeof found === 'string' ? didYouMean(found, options) : undefined;
          out.push(diagnostic(ctx, path, `${describe(found)} is not one of ${options.join(', ')}`, hint));
        }
        break;
      }
      case 'invalid_union': {
        const noMatch = issue as { note?: string; options?: unknown[] };
        if (noMatch.note === 'No matching discriminator') {
          const options = (noMatch.options ?? []).map(String);
          if (found === undefined) {
            out.push(diagnostic(ctx, path.slice(0, -1), `${String(path[path.length - 1])} is missing`, `one of ${options.join(', ')}`, undefined, path));
          } else {
            const hint = (typeof found === 'string' ? didYouMean(found, options) : undefined) ?? `one of ${options.join(', ')}`;
            out.push(diagnostic(ctx, path, `${describe(found)} is not a measure kind`, hint));
          }
          break;
        }
        const branch = bestBranch(issue.errors);
        if (found === null) {
          const inCondition = path.includes('where') || path.includes('expect');
          out.push(diagnostic(ctx, path, 'has no value', inCondition ? 'give it a value; to test for an empty cell, write { empty: true }' : 'give it a value, or remove the key'));
        } else if (branch !== undefined) {
          out.push(...issuesToDiagnostics(branch, ctx, path));
        } else if (missing) {
          out.push(diagnostic(ctx, path.slice(0, -1), `${String(path[path.length - 1])} is missing`, undefined, undefined, path));
        } else {
          const expected = [...new Set(issue.errors.map((b) => (b[0]?.code === 'invalid_type' ? (EXPECTED[b[0].expected] ?? b[0].expected) : 'something else')))];
          out.push(diagnostic(ctx, path, `must be ${expected.join(' or ')}, not ${describe(found)}`, found === null ? 'give it a value, or remove the key' : undefined));
        }
        break;
      }
      case 'too_small':
      case 'too_big': {
        if (!isDefaultMessage(issue.message)) {
          out.push(diagnostic(ctx, path, issue.message, undefined));
        } else {
          const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
          const what = issue.origin === 'string' ? ` characters long` : issue.origin === 'array' ? ' items long' : '';
          out.push(diagnostic(ctx, path, `must be ${bound}${what}, not ${describe(found)}`, undefined));
        }
        break;
      }
      case 'custom': {
        const hint = (issue.params as { hint?: string } | undefined)?.hint;
        out.push(diagnostic(ctx, path, issue.message, hint));
        break;
      }
      default: {
        const message = isDefaultMessage(issue.message) ? `${describe(found)} is not valid here` : issue.message;
        out.push(diagnostic(ctx, path, message, undefined));
      }
    }
  }
  return out;
}
