/** The charter's own words, shared by its HTML and Markdown: headings and how results read. */
import type { PeriodStatus, PromiseStatus } from '../../model/evaluation.js';
import { formatShare } from '../shared/describe.js';
import { boundFigureText, boundText } from '../shared/figures.js';
import { localTime, percent } from '../shared/time.js';
import type { Charter, CharterRemedy, CharterStandardResult } from './data.js';

export const PROMISE_WORDS: Record<PromiseStatus, string> = {
  kept: 'kept',
  broken: 'not kept',
  'in-progress': 'in progress',
  unmeasured: 'no results',
};

export const STANDARD_WORDS: Record<PeriodStatus, string> = {
  met: 'met',
  missed: 'missed',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'no-data': 'no data',
};

/** A standard's own periods in the results period, when there are several: `2026-07 missed, 2026-08 met, 2026-09 met`; else ''. */
export const ownPeriodsText = (s: CharterStandardResult): string => s.periods.map((p) => `${p.period} ${STANDARD_WORDS[p.status]}`).join(', ');

/** A standard's status, with its own periods: `missed (2026-07 missed, 2026-08 met, 2026-09 met)`. */
export function standardStatusText(s: CharterStandardResult): string {
  const own = ownPeriodsText(s);
  return own === '' ? STANDARD_WORDS[s.status] : `${STANDARD_WORDS[s.status]} (${own})`;
}

export const audienceHeading = (audience: string): string => `For ${audience}`;

/** The heading of the promises published on these channels; of those that name none, when empty. */
export const channelHeading = (channels: readonly string[]): string => (channels.length === 0 ? 'Not tied to a channel' : `Published on: ${channels.join(', ')}`);

export const REMEDY_LEAD = 'If we break this promise';

/** A remedy's credit, when it has one: `25 EUR`. */
export const creditText = (r: CharterRemedy): string | undefined => (r.credit === undefined ? undefined : `${r.credit} ${r.currency ?? ''}`.trim());

/** A standard's figure in the period: `96.2% (target 95%)`, `mean 4.31 (≥ 4.2)`, `NPS +37 (≥ 40)`. */
export function figureText(s: CharterStandardResult): string {
  if (s.bound !== undefined) return `${boundFigureText(s.average, s.bound)} (${boundText(s.bound)})`;
  return `${percent(s.compliance)}${s.target === undefined ? '' : ` (target ${formatShare(s.target)})`}`;
}

export function charterTitle(c: Charter): string {
  return `${c.registry}: our promises`;
}

/** The line under the title: as of when, and which results. */
export function charterMeta(c: Charter): string {
  const asOf = `As of ${localTime(c.asOfMs, c.timezone)} (${c.timezone}).`;
  if (c.period === undefined) return asOf;
  return `${asOf} How each promise was kept in ${c.period.key}.`;
}

export const RUNNING = 'The period is still running: its results are not final.';

export const EMPTY = 'No measured promise matches.';
