/**
 * A baseline for adopting `check` on a large registry (SPEC §7): today's lint findings recorded
 * by rule, file and the entity they are about, and counted, never by line or column or by the
 * words of the message, so that a finding that moves to another line, or a log file added to a
 * source, does not change what the baseline matches. Error findings are never recorded: only
 * lint rules can be suppressed. docs/suppressions.md describes the file.
 */
import { z } from 'zod';
import { compareText, type BaselineEntry, type Diagnostic, type SuppressedDiagnostic } from '../model/diagnostic.js';
import { isLintRuleId } from '../model/rule-ids.js';

const BASELINE_VERSION = 1;

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

type Key = Omit<BaselineEntry, 'count'>;

function keyOf(d: Diagnostic): Key {
  return { rule: d.rule, file: d.file, collection: d.entity?.collection ?? '', id: d.entity?.id ?? '', field: d.entity?.field ?? '' };
}

const keyText = (k: Key): string => [k.file, k.rule, k.collection, k.id, k.field].join('\u0000');

function compareEntries(a: Key, b: Key): number {
  return compareText(a.file, b.file) || compareText(a.rule, b.rule) || compareText(a.collection, b.collection) || compareText(a.id, b.id) || compareText(a.field, b.field);
}

/** Whether a baseline may hold a finding: lint rules only. */
function isBaselinable(d: Diagnostic): boolean {
  return isLintRuleId(d.rule);
}

/** The baseline of these findings: their lint findings, counted per rule, file and entity, sorted. */
export function baselineOf(diagnostics: readonly Diagnostic[]): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const d of diagnostics) {
    if (!isBaselinable(d)) continue;
    const key = keyOf(d);
    const text = keyText(key);
    const entry = counts.get(text);
    if (entry === undefined) counts.set(text, { ...key, count: 1 });
    else entry.count++;
  }
  return { version: BASELINE_VERSION, findings: [...counts.values()].sort(compareEntries) };
}

/** The file's text: the same findings, the same bytes; one entry per line, so a diff of it reads well. */
export function formatBaseline(baseline: Baseline): string {
  const entries = baseline.findings.map((e) => `    ${JSON.stringify({ rule: e.rule, file: e.file, collection: e.collection, id: e.id, field: e.field, count: e.count })}`);
  const findings = entries.length === 0 ? '[]' : `[\n${entries.join(',\n')}\n  ]`;
  return `{\n  "version": ${baseline.version},\n  "findings": ${findings}\n}\n`;
}

const entrySchema = z.strictObject({
  rule: z.string().min(1),
  file: z.string().min(1),
  collection: z.string(),
  id: z.string(),
  field: z.string(),
  count: z.number().int().positive(),
});
const baselineSchema = z.strictObject({ version: z.literal(BASELINE_VERSION), findings: z.array(entrySchema) });

/** A baseline file's text, or what is wrong with it, in words. */
export function parseBaseline(text: string): { ok: true; baseline: Baseline } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `it is not JSON (${(err as Error).message})` };
  }
  const result = baselineSchema.safeParse(value);
  if (result.success) return { ok: true, baseline: result.data };
  const issue = result.error.issues[0];
  const where = (issue?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return { ok: false, reason: `it is not a baseline of version ${BASELINE_VERSION}: ${where === '' ? '' : `${where}: `}${issue?.message ?? 'unexpected content'}` };
}

export interface BaselineResult {
  kept: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
  /** entries that matched fewer findings than they count (the rest no longer match), with what is left */
  unmatched: BaselineEntry[];
}

/**
 * Suppresses the findings a baseline records: per rule, file and entity, as many as it counts,
 * the first in the order given (sorted: file, then position). More findings than counted are new.
 */
export function applyBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline, file: string): BaselineResult {
  const left = new Map<string, { entry: BaselineEntry; count: number }>();
  for (const entry of baseline.findings) {
    const text = keyText(entry);
    const known = left.get(text);
    if (known === undefined) left.set(text, { entry, count: entry.count });
    else known.count += entry.count;
  }
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of diagnostics) {
    const slot = isBaselinable(d) ? left.get(keyText(keyOf(d))) : undefined;
    if (slot === undefined || slot.count === 0) {
      kept.push(d);
      continue;
    }
    slot.count--;
    suppressed.push({ ...d, suppression: { kind: 'external', baseline: file } });
  }
  const unmatched = [...left.values()].filter((s) => s.count > 0).map((s) => ({ ...s.entry, count: s.count }));
  return { kept, suppressed, unmatched: unmatched.sort(compareEntries) };
}
