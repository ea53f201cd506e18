import { breachJson, type EvaluationFormatter } from '../shared/evaluation.js';

/** SPEC §3: one breach per line, for streaming into other tools. */
export const formatBreachesNdjson: EvaluationFormatter = (report) =>
  report.evaluation.breaches.map((b) => `${JSON.stringify(breachJson(b))}\n`).join('');
