/**
 * Why a record could not be judged, in words: the one place where an invalid-record reason
 * (a code with arguments, made by the engine, the measures and the log readers) becomes a
 * sentence. JSON writes the code beside it as `reason_code`.
 */
import type { CompareArgs, ConditionProblem, InvalidReason, TimestampProblem } from '../../model/evaluation.js';

/** About the most minutes whose milliseconds a double holds (Number.MAX_VALUE / 60,000), as a message says it. */
const MAX_PAUSE_MINUTES = '3e303';

const OUT_OF_RANGE = 'is out of range: a number must be finite, at most about 1.8e308 either side of 0';

const OP_SIGNS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** What a timestamp cell must look like: ISO 8601, or the source's format. */
function expected(format: string | undefined): string {
  return format === undefined ? 'an ISO 8601 timestamp' : `a timestamp in the format "${format}"`;
}

/** A cell (or `--as-of`) that is not a timestamp: `"31/12/2026" is not an ISO 8601 timestamp`. */
export function timestampProblemText(problem: TimestampProblem, text: string, format: string | undefined): string {
  return problem === 'not-a-real-time' ? `"${text}" is not a real date and time` : `"${text}" is not ${expected(format)}`;
}

function conditionText(p: ConditionProblem): string {
  const { column, text, op, value }: CompareArgs = p.args;
  const test = `(${OP_SIGNS[op]} ${value})`;
  switch (p.code) {
    case 'compare-empty':
      return `${column} is empty, so it cannot be compared ${test}`;
    case 'compare-not-a-number':
      return `${column} "${text}" is not a number ${test}`;
    case 'compare-out-of-range':
      return `${column} "${text}" ${OUT_OF_RANGE} ${test}`;
  }
}

/** The sentence for an invalid-record reason, as every output shows it. */
export function invalidReasonText(r: InvalidReason): string {
  switch (r.code) {
    case 'row-unclosed-quote':
      return `a quote opened on line ${r.args.openedOn} is never closed`;
    case 'row-text-after-quote':
      return 'a quoted cell goes on after its closing quote (a quote inside quotes must be doubled: "")';
    case 'row-cell-count':
      return `has ${r.args.cells === 1 ? '1 cell' : `${r.args.cells} cells`}, the header has ${r.args.columns}`;
    case 'row-not-utf8':
      return 'holds bytes that are not UTF-8 (shown as U+FFFD)';
    case 'compare-empty':
    case 'compare-not-a-number':
    case 'compare-out-of-range':
      return conditionText(r);
    case 'where-undecidable':
      return `where: ${conditionText(r.args.problem)}`;
    case 'start-empty':
      return `${r.args.column} is empty: the record has no start`;
    case 'not-a-timestamp':
      return `${r.args.column} ${timestampProblemText('not-a-timestamp', r.args.text, r.args.format)}`;
    case 'not-a-real-time':
      return `${r.args.column} ${timestampProblemText('not-a-real-time', r.args.text, undefined)}`;
    case 'not-read-in-sql':
      return `${r.args.column} "${r.args.text}": timestamps in the format "${r.args.format}" are not read by an SQL engine (docs/sql.md); run with --engine builtin`;
    case 'end-before-start':
      return `${r.args.end} is before ${r.args.start}: it ends before it starts`;
    case 'due-before-start':
      return `${r.args.due} is before ${r.args.start}: it is due before it starts`;
    case 'done-before-start':
      return `${r.args.done} is before ${r.args.start}: it was done before it started`;
    case 'pause-not-a-number':
      return `${r.args.column} "${r.args.text}" is not a number of minutes`;
    case 'pause-out-of-range':
      return `${r.args.column} "${r.args.text}" is out of range: a pause can be at most about ${MAX_PAUSE_MINUTES} minutes`;
    case 'not-a-number':
      return `${r.args.column} "${r.args.text}" is not a number`;
    case 'number-out-of-range':
      return `${r.args.column} "${r.args.text}" ${OUT_OF_RANGE}`;
    case 'nps-not-a-score':
      return `${r.args.column} "${r.args.text}" is not a whole score from 0 to 10`;
    case 'answer-not-a-number':
      return `${r.args.column} "${r.args.text}" is not a number: the answer is left out of its dimension`;
    case 'answer-out-of-scale':
      return `${r.args.column} "${r.args.text}" is outside the scale ${r.args.lo}-${r.args.hi}: the answer is left out of its dimension`;
    case 'weight-not-a-number':
      return `${r.args.column} "${r.args.text}" is not a number of points: the response's weights are left out`;
    case 'weights-missing':
      return `${r.args.columns.join(', ')} ${r.args.columns.length === 1 ? 'is' : 'are'} empty: the response's weights are left out`;
    case 'weights-zero':
      return "the weights add up to 0: the response's weights are left out";
    case 'weights-rescaled':
      return `the weights add up to ${r.args.sum}, not 100: rescaled to 100 (note)`;
    case 'no-perception':
      return `answers no perception item of ${r.args.dimension}: not counted for ${r.args.dimension}${r.args.expectations > 0 ? ` (its ${r.args.expectations === 1 ? 'expectation answer is' : `${r.args.expectations} expectation answers are`} left out)` : ''} (note)`;
    case 'link-not-found':
      return `${r.args.column} "${r.args.text}" is the key of no record in source ${r.args.source}: the response is not compared (its scores count)`;
    case 'link-repeated':
      return `${r.args.column} "${r.args.text}" is on ${r.args.rows} judged rows of source ${r.args.source} for ${r.args.standard}: the response is compared with each (note)`;
  }
}
