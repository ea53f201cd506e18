import {
  dimensionJson,
  duplicateJson,
  gapJson,
  invalidJson,
  ownerJson,
  promiseJson,
  selectPeriods,
  sourceJson,
  type EvaluationFormatter,
} from '../shared/evaluation.js';
import { isoTime } from '../shared/time.js';
import { customerJson, customerLinkJson, servqualJson } from './customer.js';

/** SPEC §3 pinned shape; `invalid` and `duplicates` add the data-quality section. */
export const formatGapsJson: EvaluationFormatter = (report) => {
  const e = selectPeriods(report);
  return `${JSON.stringify(
    {
      as_of: isoTime(report.asOfMs),
      standards: e.gaps.map(gapJson),
      promises: e.promises.map(promiseJson),
      owners: e.owners.map(ownerJson),
      dimensions: e.dimensions.map(dimensionJson),
      sources: e.sources.map(sourceJson),
      invalid: e.invalid.map(invalidJson),
      duplicates: e.duplicates.map(duplicateJson),
      // SPEC §6; only with survey sources, so that a registry without one keeps its bytes
      ...(e.customer.length === 0 && e.servqual.length === 0 ? {} : { customer: e.customer.map(customerJson), servqual: e.servqual.map(servqualJson) }),
      ...(e.customerLinks === undefined ? {} : { customer_links: e.customerLinks.map(customerLinkJson) }),
    },
    null,
    2,
  )}\n`;
};
