import { formatCredits, localTime, shortDuration } from '../shared/time.js';
import { formatQualityText } from '../shared/data-quality.js';
import { creditsOwed, selectPeriods, type EvaluationFormatter } from '../shared/evaluation.js';
import { fitLine, renderTable } from '../shared/table.js';
import { plural } from '../shared/words.js';

/** The breach list for a terminal: one row per breach, local times, then totals and data quality. */
export const formatBreachesTable: EvaluationFormatter = (report, { chalk, width }) => {
  const e = selectPeriods(report);
  const zone = report.timezone;
  const out: string[] = [`${fitLine(`${chalk.bold(report.registry)}: breaches as of ${localTime(report.asOfMs, zone)} (${zone})`, width)}\n`];
  const breached = e.breaches.filter((b) => b.outcome === 'breached');
  const atRisk = e.breaches.length - breached.length;
  if (e.breaches.length === 0) out.push('No breaches.\n');
  else {
    out.push(
      renderTable(
        ['standard', 'record', 'period', 'start', 'due', 'done', 'over', 'remedy'],
        e.breaches.map((b) => [
          b.standard,
          b.record,
          b.period,
          localTime(b.startMs, zone),
          localTime(b.dueMs, zone),
          b.open ? chalk.yellow('open') : localTime(b.endMs, zone),
          b.outcome === 'at_risk' ? chalk.yellow('at risk') : chalk.red(shortDuration(b.overSeconds)),
          b.remedy === undefined ? '' : b.remedy.action,
        ]),
        { chalk, width, wrap: [7], wrapWidth: 30, compact: true, heading: [0, 1], group: [0, 7] },
      ),
    );
    const standards = new Set(breached.map((b) => b.standard)).size;
    const open = breached.filter((b) => b.open).length;
    const owed = formatCredits(creditsOwed(breached));
    const totals =
      `${plural(breached.length, 'breach', 'breaches')} (${open} still open) in ${plural(standards, 'standard')}` +
      `${atRisk > 0 ? `; ${atRisk} at risk` : ''}${owed === '' ? '' : `; credits owed: ${owed}`}`;
    out.push(`${fitLine(totals, width)}\n`);
  }
  out.push(formatQualityText(e, chalk, width));
  return out.join('');
};
