/**
 * What a survey source reads (SPEC §6), in one place: `check` (unknown-column), the run and any
 * other engine ask this, so they agree on every column.
 */
import type { Dimension, Source } from '../registry/model.js';

export type SurveyColumnRole = 'at' | 'expectation' | 'perception' | 'weight' | 'link' | 'score';

export interface SurveyColumn {
  column: string;
  role: SurveyColumnRole;
  /** the dimension an item or a weight is of */
  dimension: Dimension | undefined;
  /** where the source's YAML names it, below the source */
  path: (string | number)[];
}

/** Every column a survey source names, in the order its YAML fields are read; [] for a log source. */
export function surveyColumns(source: Source): SurveyColumn[] {
  const survey = source.survey;
  if (survey === undefined) return [];
  const out: SurveyColumn[] = [{ column: survey.at, role: 'at', dimension: undefined, path: ['at'] }];
  for (const { dimension, items } of survey.dimensions) {
    items.expectation.forEach((column, i) => out.push({ column, role: 'expectation', dimension, path: ['dimensions', dimension, 'expectation', i] }));
    items.perception.forEach((column, i) => out.push({ column, role: 'perception', dimension, path: ['dimensions', dimension, 'perception', i] }));
    const weight = survey.weights?.[dimension];
    if (weight !== undefined) out.push({ column: weight, role: 'weight', dimension, path: ['weights', dimension] });
  }
  if (survey.links !== undefined) out.push({ column: survey.links.column, role: 'link', dimension: undefined, path: ['links', 'column'] });
  if (survey.score !== undefined) out.push({ column: survey.score, role: 'score', dimension: undefined, path: ['score'] });
  return out;
}
