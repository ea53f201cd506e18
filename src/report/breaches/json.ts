import { breachJson, duplicateJson, invalidJson, selectPeriods, type EvaluationFormatter } from '../shared/evaluation.js';
import { isoTime } from '../shared/time.js';

/** SPEC §3 pinned shape, plus the duplicate keys seen (an extension). */
export const formatBreachesJson: EvaluationFormatter = (report) => {
  const e = selectPeriods(report);
  return `${JSON.stringify(
    {
      as_of: isoTime(report.asOfMs),
      breaches: e.breaches.map(breachJson),
      invalid: e.invalid.map(invalidJson),
      duplicates: e.duplicates.map(duplicateJson),
    },
    null,
    2,
  )}\n`;
};
