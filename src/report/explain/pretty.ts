import type { ChalkInstance } from 'chalk';
import { isoTime } from '../shared/time.js';
import { calendarLines, stepText, type ExplainReport } from './words.js';

const OUTCOME_COLOUR: Record<string, (chalk: ChalkInstance) => (text: string) => string> = {
  met: (c) => c.green,
  counted: (c) => c.green,
  breached: (c) => c.red,
  invalid: (c) => c.red,
  at_risk: (c) => c.yellow,
  pending: (c) => c.yellow,
};

/** One block per row that has the key: where it is, then each step of the decision, numbered. */
export function formatExplainPretty(report: ExplainReport, { chalk }: { chalk: ChalkInstance }): string {
  const blocks = report.explanations.map((e) => {
    const colour = OUTCOME_COLOUR[e.outcome]?.(chalk) ?? ((t: string) => t);
    const head = `${chalk.bold(`${e.standard} ${e.record}`)}  ${e.file}:${e.line}  ${colour(e.outcome.replace(/_/g, ' '))}${e.period === undefined ? '' : `  ${e.period}`}`;
    const steps = e.steps.map((s, i) => {
      const n = `  ${i + 1}. `;
      // a calendar's days one a line: a week of open time does not fit on one
      if (s.step === 'calendar') return calendarLines(s, e).map((line, k) => (k === 0 ? `${n}${line}` : `${' '.repeat(n.length + 3)}${line}`)).join('\n');
      return `${n}${stepText(s, e, report)}`;
    });
    return [head, ...steps].join('\n');
  });
  return `${chalk.dim(`as of ${isoTime(report.asOfMs) ?? ''}`)}\n\n${blocks.join('\n\n')}\n`;
}
