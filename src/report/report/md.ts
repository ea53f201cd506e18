/** The report in Markdown: for a wiki page or a pull-request comment, the same content as the HTML. */
import { formatShare } from '../shared/describe.js';
import { boundFigureText, boundGapText, boundText, elapsedText, hasSingleTimeLimit, meanText, scoreText, signedText } from '../shared/figures.js';
import { clockNotes } from '../shared/data-quality.js';
import { escapeMarkdownCell } from '../shared/escape.js';
import { invalidReasonText } from '../shared/invalid-reasons.js';
import { markdownTable } from '../shared/markdown.js';
import { formatCredits, localTime, percent, points, shortDuration } from '../shared/time.js';
import { plural } from '../shared/words.js';
import { whereOf } from '../../model/evaluation.js';
import type { QuarterlyReport, ReportCustomerDimension, ReportCustomerLink, ReportStandard, ReportSurvey, Scorecard } from './data.js';

/** Invalid records listed before "and N more". */
export const INVALID_SHOWN = 50;

const md = escapeMarkdownCell;

const mean = meanText;

/** A standard's figure in a period: its compliance, an average's mean, an NPS as a score (SPEC §6: `NPS +32`, not a mean). */
export function periodFigure(s: ReportStandard, compliance: number | undefined, average: number | undefined): string {
  if (s.kind === 'nps') return boundFigureText(average, s.bound);
  return s.kind === 'average' ? mean(average) : percent(compliance);
}

function trendText(s: ReportStandard): string {
  return s.trend.map((t) => `${t.period} ${periodFigure(s, t.compliance, t.average)}`).join(' → ');
}

/** How long delivery took, against the promise: the realistic promise is the limit kept at the target share. */
export function distributionText(s: ReportStandard): string {
  const d = s.distribution;
  if (d === undefined || d.p50Seconds === undefined) return '';
  const time = (seconds: number | undefined): string => elapsedText(seconds, d.clock);
  const allowance = d.clock === 'open' ? time(d.promisedSeconds) : `${shortDuration(d.promisedSeconds)} of time`;
  const typical = d.promisedSeconds !== undefined && !hasSingleTimeLimit(s.definition) ? ` (about ${allowance} for a typical record)` : '';
  const kept = s.target === undefined || s.target === 0.9 ? '' : `; ${formatShare(s.target)} within ${time(d.realisticSeconds)}`;
  return `half within ${time(d.p50Seconds)}, 90% within ${time(d.p90Seconds)}${kept}; promised: within ${s.limit}${typical}`;
}

/** The change of a standard's figure against the period before: points of compliance, of a mean, or whole points of NPS. */
export function changeText(s: ReportStandard): string {
  if (s.kind !== 'average' && s.kind !== 'nps') return points(s.change);
  return s.average === undefined || s.previousAverage === undefined ? '–' : boundGapText(s.average - s.previousAverage, s.kind === 'nps' ? 0 : 2);
}

/** SPEC §6: the opening of the customer-gap section. */
export function customerLede(r: QuarterlyReport): string {
  return `What customers expected against what they perceived, per SERVQUAL dimension over ${r.period.key}: a negative gap means they got less than they expected. Beside each dimension, the delivery of its promises.`;
}

/** A survey's overall score over the period and against the one before: `SERVQUAL score −0.86, weighted −0.20 (2026-Q2: −0.70, weighted −0.18; change −0.16)`. */
export function servqualText(s: ReportSurvey, previous: string): string {
  const weighted = (v: number | undefined): string => (s.servqualWeighted === undefined && s.previousServqualWeighted === undefined ? '' : `, weighted ${signedText(v)}`);
  const before = s.previousServqual === undefined ? `${previous}: no score` : `${previous}: ${signedText(s.previousServqual)}${weighted(s.previousServqualWeighted)}; change ${signedText(s.change)}`;
  return `SERVQUAL score ${signedText(s.servqual)}${weighted(s.servqualWeighted)} (${before})`;
}

/** The cells of one dimension's row, shared by the Markdown and HTML tables. */
export function customerCells(d: ReportCustomerDimension): string[] {
  return [
    d.dimension,
    String(d.respondents),
    d.asksExpectation ? scoreText(d.expectation) : 'not asked',
    scoreText(d.perception),
    signedText(d.gap),
    signedText(d.weightedGap),
    signedText(d.change),
    d.delivery === undefined ? '–' : percent(d.delivery.compliance),
    d.delivery === undefined ? '–' : `${d.delivery.kept} of ${d.delivery.promises}`,
  ];
}

export const CUSTOMER_HEAD = (previous: string): string[] => ['dimension', 'respondents', 'expectation', 'perception', 'gap', 'weighted gap', `gap vs ${previous}`, 'delivery compliance', 'promises kept'];

/** What a linked standard shows: `Customers whose record met it rated reliability 1.40 points higher …`. */
export function customerLinkText(l: ReportCustomerLink): string {
  const what = l.dimension === undefined ? `the ${l.survey} score` : l.dimension;
  if (l.metResponses + l.breachedResponses === 0) return `${l.standard}: no response in the period is about a record it met or breached`;
  if (l.difference === undefined || l.metMean === undefined || l.breachedMean === undefined) {
    const side = (n: number): string => (n === 0 ? 'none' : plural(n, 'response'));
    return `${l.standard}: ${side(l.metResponses)} about a record it met and ${side(l.breachedResponses)} about one it breached: nothing to compare in the period`;
  }
  const d = Math.abs(l.difference).toFixed(2);
  const how = d === '0.00' ? 'the same as' : `${d} ${d === '1.00' ? 'point' : 'points'} ${l.difference > 0 ? 'higher' : 'lower'} than`;
  return `Customers whose record met ${l.standard} rated ${what} ${how} those whose record breached it (${scoreText(l.metMean)} from ${plural(l.metResponses, 'response')} against ${scoreText(l.breachedMean)} from ${plural(l.breachedResponses, 'response')})`;
}

export const LINK_HEAD = (previous: string): string[] => ['standard', 'dimension', 'survey', 'met: responses', 'met: mean P', 'breached: responses', 'breached: mean P', 'difference', `vs ${previous}`];

export function customerLinkCells(l: ReportCustomerLink): string[] {
  return [l.standard, l.dimension ?? 'score', l.survey, String(l.metResponses), scoreText(l.metMean), String(l.breachedResponses), scoreText(l.breachedMean), signedText(l.difference), signedText(l.change)];
}

function customerMd(r: QuarterlyReport): string {
  const c = r.customer;
  if (c === undefined) return '';
  const out: string[] = ['\n## Customer gap\n\n', `${customerLede(r)}\n`];
  if (c.surveys.length === 0) out.push('\nNo survey measures SERVQUAL dimensions.\n');
  for (const s of c.surveys) {
    out.push(`\n### ${md(s.source)}\n\n`);
    if (s.description !== undefined) out.push(`${md(s.description)}. `);
    out.push(`Answers on a ${s.scale[0]}–${s.scale[1]} scale. ${servqualText(s, r.previous.key)}.\n\n`);
    out.push(markdownTable(CUSTOMER_HEAD(r.previous.key), s.dimensions.map(customerCells), [1, 2, 3, 4, 5, 6, 7, 8]));
  }
  if (c.links.length > 0) {
    out.push('\n### Does keeping the promise show?\n\n');
    out.push(markdownTable(LINK_HEAD(r.previous.key), c.links.map(customerLinkCells), [3, 4, 5, 6, 7, 8]));
    out.push('\n');
    for (const l of c.links) out.push(`- ${md(customerLinkText(l))}.\n`);
  }
  return out.join('');
}

function scorecardTable(cards: readonly Scorecard[], first: string): string {
  return markdownTable(
    [first, 'promises kept', 'broken', 'in progress', 'unmeasured', 'standards met', 'missed', 'compliance', 'breaches'],
    cards.map((c) => [c.title === c.name ? c.name : `${c.title} (${c.name})`, `${c.kept} of ${c.promises}`, c.broken, c.inProgress, c.unmeasured, `${c.standardsMet} of ${c.standards}`, c.standardsMissed, percent(c.compliance), c.breaches]),
    [1, 2, 3, 4, 5, 6, 7, 8],
  );
}

export function formatReportMd(r: QuarterlyReport): string {
  const zone = r.timezone;
  const h = r.headline;
  const out: string[] = [];
  out.push(`# ${md(r.registry)}: service report ${r.period.key}\n\n`);
  out.push(`${localTime(r.period.startMs, zone).slice(0, 10)} to ${localTime(r.period.endMs - 1, zone).slice(0, 10)} (${zone}), as of ${localTime(r.asOfMs, zone)}.`);
  out.push(r.finished ? '\n' : ' The period is still running: its figures are not final.\n');

  out.push('\n## Headline\n\n');
  out.push(`- **Promises kept: ${h.promisesKept} of ${h.promisesMade}** (${h.promisesBroken} broken, ${h.promisesInProgress} in progress, ${h.promisesUnmeasured} unmeasured)\n`);
  out.push(`- **Standards met: ${h.standardsMet} of ${h.standards}** (${h.standardsMissed} missed)\n`);
  out.push(`- **Breaches: ${h.breaches}** (${h.openBreaches} still open)\n`);
  out.push(`- **Credits owed: ${formatCredits(h.credits) || 'none'}**\n`);

  out.push('\n## Promises\n');
  for (const p of r.promises) {
    out.push(`\n### ${md(p.statement)}\n\n`);
    out.push(`\`${p.id}\` · owner: ${md(p.ownerName)} · ${p.dimension} · **${p.status}**\n\n`);
    if (p.standards.length === 0) {
      out.push('No standard measures this promise: it cannot be called kept.\n');
      continue;
    }
    out.push(
      markdownTable(
        ['standard', 'measure', 'target', r.period.key, `vs ${r.previous.key}`, 'status', 'last four periods'],
        p.standards.map((s) => [
          s.id,
          s.measure,
          s.bound !== undefined ? boundText(s.bound) : s.target === undefined ? '–' : formatShare(s.target),
          periodFigure(s, s.compliance, s.average),
          changeText(s),
          s.periods.length > 1 ? `${s.status} (${s.periods.map((x) => `${x.period}: ${x.status}`).join(', ')})` : s.status,
          trendText(s),
        ]),
      ),
    );
    const delivery = p.standards.filter((s) => distributionText(s) !== '');
    if (delivery.length > 0) {
      out.push('\n');
      for (const s of delivery) out.push(`- Delivery of \`${s.id}\`: ${distributionText(s)}.\n`);
    }
  }

  out.push('\n## Owner scorecards\n\n', scorecardTable(r.owners, 'owner'));
  out.push('\n## SERVQUAL dimensions\n\n', scorecardTable(r.dimensions, 'dimension'));
  out.push(customerMd(r));

  out.push('\n## Service recovery\n\n');
  if (r.recovery.worst.length === 0) out.push('No breaches in the period.\n');
  else {
    out.push(`The ${plural(r.recovery.worst.length, 'worst breach', 'worst breaches')}:\n\n`);
    out.push(
      markdownTable(
        ['standard', 'record', 'started', 'due', 'done', 'late by'],
        r.recovery.worst.map((b) => [b.standard, b.record, localTime(b.startMs, zone), localTime(b.dueMs, zone), b.open ? 'open' : localTime(b.endMs, zone), shortDuration(b.overSeconds)]),
      ),
    );
  }
  if (r.recovery.remedies.length > 0) {
    out.push('\nRemedies owed:\n\n');
    out.push(
      markdownTable(
        ['standard', 'remedy', 'breaches', 'credit owed'],
        r.recovery.remedies.map((m) => [m.standard, m.action, m.breaches, m.total === undefined ? '' : `${Number(m.total.toFixed(2))} ${m.currency ?? ''}`]),
        [2, 3],
      ),
    );
    out.push(`\nCredits owed in all: ${formatCredits(r.recovery.credits) || 'none'}.\n`);
  }

  out.push('\n## Structural gaps\n\n');
  const s = r.structural;
  if (s.unmeasured.length + s.mismatches.length + s.dueForReview.length === 0) out.push('None: every promise is measured, says what its standards measure, and is not due for review.\n');
  for (const u of s.unmeasured) out.push(`- **Unmeasured**: \`${u.promise}\` "${md(u.statement)}" has no standard.\n`);
  for (const m of s.mismatches) out.push(`- **Statement mismatch** (\`${m.file}:${m.line}\`): ${md(m.message)}.\n`);
  for (const d of s.dueForReview) out.push(`- **${d.overdue ? 'Review overdue' : 'Due for review'}** on ${d.reviewBy}: \`${d.promise}\` "${md(d.statement)}".\n`);

  out.push('\n## Data quality\n\n');
  out.push(markdownTable(['source', 'files', 'rows', 'invalid rows', 'repeated keys'], r.dataQuality.sources.map((x) => [x.source, x.files, x.rows, x.invalid, x.duplicateKeys]), [1, 2, 3, 4]));
  const notes = clockNotes(r.dataQuality.sources);
  if (notes.length > 0) out.push(`\n${notes.map((n) => `- Note: ${md(n)}.\n`).join('')}`);
  const invalid = r.dataQuality.invalid;
  if (invalid.length > 0) {
    out.push(`\nRecords that could not be judged (${invalid.length}):\n\n`);
    for (const i of invalid.slice(0, INVALID_SHOWN)) out.push(`- \`${whereOf(i)}\` ${i.record === '' ? '' : `${md(i.record)} `}${i.standard ?? 'unreadable row'}: ${md(invalidReasonText(i))}\n`);
    if (invalid.length > INVALID_SHOWN) out.push(`- … and ${invalid.length - INVALID_SHOWN} more (\`--format json\` lists them all)\n`);
  }
  return out.join('');
}
