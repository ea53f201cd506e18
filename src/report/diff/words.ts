/** The sentences of `promise diff`, made in one place from the typed changes and impacts. */
import type { Change, ChangeClass, DiffReport, Impact, ImpactSide, ReasonCode } from '../../diff/model.js';
import { CHANGE_CLASSES } from '../../diff/model.js';
import { meanFigure, npsFigure } from '../shared/figures.js';
import { percent } from '../shared/time.js';
import { plural } from '../shared/words.js';

/** Shown for a value that was not there (a field not written, an entity not declared). */
export const NONE = '(none)';

const list = (ids: readonly string[]): string => ids.join(', ');

/** Why a change is classed as it is: one short reason. */
export function reasonText(c: Change): string {
  const on = list(c.affects);
  const reasons: Record<ReasonCode, string> = {
    'promise-added': 'a new promise: more is promised',
    'promise-removed': 'the promise is withdrawn: less is promised',
    'standard-added': 'a new standard measures more of the promise',
    'standard-removed': 'less of the promise is measured: one standard fewer',
    'entity-added': 'it promises nothing by itself',
    'entity-removed': 'it promised nothing by itself',
    renamed: 'the same definition under a new id',
    'target-raised': 'a higher target: more records must meet the standard',
    'target-lowered': 'a lower target: fewer records must meet the standard',
    'limit-shorter': 'less time allowed',
    'limit-longer': 'more time allowed',
    'limit-other-unit': 'a length of time and business days do not compare: see the impact',
    'limit-other-clock': 'the clock changed too, so the limits do not compare: see the impact',
    'limit-other-column': 'the limits now follow another column: see the impact',
    'value-enters-scope': c.field.endsWith('.default') ? 'values the map does not name now have a limit: more records are promised' : 'records with this value now have a limit: more records are promised',
    'value-leaves-scope': c.field.endsWith('.default') ? 'values the map does not name lose their limit and leave the scope' : 'records with this value lose their limit and leave the scope',
    'grace-shorter': 'less grace after the due time',
    'grace-longer': 'more grace after the due time',
    'due-end-of-day': 'due by the end of the day, not at the time written',
    'due-time-of-day': 'due at the time written, not by the end of the day',
    'paused-added': 'paused minutes no longer count against the limit',
    'paused-removed': 'paused minutes count against the limit again',
    'clock-open-time': 'the clock now stops while the calendar is closed',
    'clock-wall': 'the clock no longer stops out of hours',
    'calendar-swapped': "another calendar's hours: see the impact",
    'average-stricter': 'a stricter bound on the mean',
    'average-laxer': 'a laxer bound on the mean',
    'average-other-bound': 'the bound changed direction: see the impact',
    'nps-stricter': 'a higher bound on the Net Promoter Score: more respondents must promote than detract',
    'nps-laxer': 'a lower bound on the Net Promoter Score',
    'remedy-added': 'a breach now owes the customer a remedy',
    'remedy-removed': 'a breach no longer owes the customer a remedy',
    'credit-raised': 'a breach owes a larger credit',
    'credit-lowered': 'a breach owes a smaller credit, or none',
    'credit-other-currency': 'amounts in two currencies do not compare',
    'remedy-action': "the remedy's wording; its credit is unchanged",
    scope: 'which records it applies to: see the impact',
    expectation: 'what a record must show: see the impact',
    'measure-kind': 'measured another way: see the impact',
    columns: 'it reads other columns: see the impact',
    period: 'reported over periods of another length: see the impact',
    source: 'measured on another log: see the impact',
    moved: 'it measures another promise now',
    owner: 'who answers for it, not what is promised',
    statement: 'the wording customers read; the standards decide what is measured',
    'warn-at': 'only when open records are flagged at risk',
    'calendar-hours': c.affects.length === 0 ? 'no standard counts time on it' : `the business hours of ${on} change: see the impact`,
    'source-settings': c.affects.length === 0 ? 'where or how records are found, not how they are judged' : `how the log of ${on} is read: see the impact`,
    'registry-periods': 'every period moves: see the impact',
    'lint-rules': 'how check reports, not what is promised',
    detail: 'a detail that does not change what is promised',
  };
  return reasons[c.reason];
}

/** A change in a few words: `target 95% → 90%`, `added: …`, `renamed from …`. */
export function changeText(c: Change): string {
  switch (c.kind) {
    case 'added':
      return `added: ${c.after ?? ''}`;
    case 'removed':
      return `removed: ${c.before ?? ''}`;
    case 'renamed':
      return `renamed from ${c.before ?? ''}`;
    case 'changed':
      return `${c.field} ${c.before ?? NONE} → ${c.after ?? NONE}`;
  }
}

/** The entity a change is about: `standard email-first-response`, or `registry` for promise.yaml's settings. */
export function subjectText(c: Change): string {
  return c.entity === 'registry' ? 'registry settings' : `${c.entity} ${c.id}`;
}

export function countsText(counts: Readonly<Record<ChangeClass, number>>): string {
  return CHANGE_CLASSES.map((k) => `${counts[k]} ${k}`).join(', ');
}

export function countChanges(changes: readonly Change[]): Record<ChangeClass, number> {
  const counts: Record<ChangeClass, number> = { loosened: 0, tightened: 0, neutral: 0 };
  for (const c of changes) counts[c.class]++;
  return counts;
}

/** The headline of a diff: what was compared with what. */
export function titleText(report: DiffReport): string {
  return `changes since ${report.revision} (${report.commit.slice(0, 7)})`;
}

/** What a diff with nothing to list says. */
export function emptyText(report: DiffReport): string {
  return `No changes to the registry since ${report.revision}.`;
}

export function notExistedText(report: DiffReport): string {
  return `The registry did not exist at ${report.revision}: everything in it is new.`;
}

/** The changes that moved an impacted standard, in words: `target 95% → 90%; calendar office: hours.sat closed → 10:00-14:00`. */
export function causesText(report: DiffReport, impact: Impact): string {
  return report.changes
    .filter((c) => c.affects.includes(impact.standard))
    .map((c) => (c.entity === 'standard' && c.id === impact.standard ? changeText(c) : `${subjectText(c)}: ${changeText(c)}`))
    .join('; ');
}

/** An average is read by its mean (SPEC §2), an nps by its score (SPEC §6: `NPS +32`), every other kind by its compliance. */
function figureOf(s: ImpactSide): { name: 'mean' | 'compliance' | 'NPS'; value: string } {
  if (s.met !== undefined) return { name: 'compliance', value: percent(s.compliance) };
  if (s.nps === true) return { name: 'NPS', value: s.average === undefined ? '–' : npsFigure(s.average) };
  return { name: 'mean', value: s.average === undefined ? '–' : meanFigure(s.average) };
}

function figureText(s: ImpactSide): string {
  const { name, value } = figureOf(s);
  return `${name} ${value}`;
}

/** `compliance 97.0% → 88.0%`, `mean 4.30 → 4.10`, or `NPS +37 → +37`; both names when the kind changed. */
function figuresText(before: ImpactSide, after: ImpactSide): string {
  const [b, a] = [figureOf(before), figureOf(after)];
  return b.name === a.name ? `${b.name} ${b.value} → ${a.value}` : `${figureText(before)} → ${figureText(after)}`;
}

function sideText(s: ImpactSide): string {
  const counts = s.met === undefined ? plural(s.records, s.nps === true ? 'response' : 'value') : `${s.met} met, ${s.breached ?? 0} breached`;
  return `${s.status}, ${figureText(s)} (${counts})`;
}

/** An impact in words: `2026-Q3 status met → missed, compliance 97.0% → 88.0%; 3 records newly breached, 0 no longer breached`. */
export function impactText(impact: Impact): string {
  const gap = impact.unavailable;
  if (gap !== undefined) {
    switch (gap.kind) {
      case 'no-logs':
        return 'no logs at hand';
      case 'missing-column':
        return `the ${gap.side === 'before' ? 'old' : 'new'} definition reads column "${gap.column}", which ${gap.file} lacks`;
      case 'unreadable-log':
        return `the logs cannot be read: ${gap.message}`;
    }
  }
  const { before, after } = impact;
  if (before !== undefined && after !== undefined) {
    const period = before.period === after.period ? after.period : `${before.period} → ${after.period}`;
    const flips = `${plural(impact.newlyBreached ?? 0, 'record')} newly breached, ${impact.noLongerBreached ?? 0} no longer breached`;
    return `${period} status ${before.status} → ${after.status}, ${figuresText(before, after)}; ${flips}`;
  }
  if (after !== undefined) return `${after.period} under the new definition: ${sideText(after)}`;
  if (before !== undefined) return `${before.period} under the old definition: ${sideText(before)}`;
  return 'nothing to evaluate';
}
