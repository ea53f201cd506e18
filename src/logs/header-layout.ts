/**
 * How the columns of a header that takes several lines are named (SPEC §6: the exports of survey
 * tools). docs/customer-gap.md says it for users.
 */
import type { HeaderLayout } from '../registry/model.js';

/** The one-line layout of a plain CSV log. */
export const PLAIN_HEADER: HeaderLayout = { rows: 1, nameRow: 1, naming: 'row' };

/** What SurveyMonkey writes on the sub-answer line of a question that has only one answer. */
const SINGLE_ANSWERS = new Set(['', 'response', 'open-ended response']);

/**
 * The column names from the header's lines. `row`: the cells of line `nameRow`, as written.
 * `surveymonkey`: line 1 holds the question over the first of its columns (empty over the rest),
 * line 2 the sub-answer of each column; a column is named by its sub-answer, or, where that is
 * empty or SurveyMonkey's "Response" / "Open-Ended Response", by its question (carried over the
 * empty cells to its right), so a matrix item is named by its row text and a single question by
 * the question.
 */
export function columnNames(lines: readonly (readonly string[])[], layout: HeaderLayout): string[] {
  if (layout.naming === 'row') return [...(lines[layout.nameRow - 1] ?? [])];
  const questions = lines[0] ?? [];
  const answers = lines[1] ?? [];
  const width = Math.max(questions.length, answers.length);
  const out: string[] = [];
  let question = '';
  for (let i = 0; i < width; i++) {
    const q = (questions[i] ?? '').trim();
    if (q !== '') question = q;
    const answer = (answers[i] ?? '').trim();
    out.push(SINGLE_ANSWERS.has(answer.toLowerCase()) ? question : answer);
  }
  return out;
}
