/** Explanations read from the example registries, as `promise explain` reads them: the input of the golden files. */
import { join } from 'node:path';
import { findSourceFiles } from '../../../src/logs/files.js';
import { fsRegistryReader } from '../../../src/registry/fs-reader.js';
import { loadRegistry } from '../../../src/registry/load.js';
import type { ExplainReport } from '../../../src/report/explain/words.js';
import { explainRecord, type RecordExplanation } from '../../../src/run/explain.js';
import { AS_OF, REPO } from '../../helpers/cli.js';

/** One record of each kind and turn of a decision, from the generated examples. */
export const CASES = [
  ['retail-bank', 'complaint-resolution', 'NB-2026-005862', 'a 5bd limit across a weekend and two holidays, breached'],
  ['retail-bank', 'complaint-acknowledgement', 'NB-2026-006430', 'a 1bd limit across a holiday, breached'],
  ['retail-bank', 'callback-time', 'CB-000746', 'open hours of a calendar, from a holiday'],
  ['retail-bank', 'callback-time', 'CB-000230', 'invalid: called back before it was requested'],
  ['retail-bank', 'premier-first-reply', 'NB-2026-004201', 'out of scope: the where decides'],
  ['retail-bank', 'advice-rating', 'S26-00079', 'an average whose value is not a number'],
  ['field-service', 'repair-by-promised-date', 'J26-00023', 'a deadline'],
  ['field-service', 'first-time-fix', 'V-000005', 'a condition'],
  ['airport', 'first-bag', '20260103-AFR1672', 'a duration per value'],
  ['airport', 'assistance-nps', 'R_nWNqG9FWb5yCHFC', 'an NPS response from a promoter, on a Qualtrics export'],
  ['airport', 'assistance-nps', 'R_3d67z1gGTN9Xj9u', 'an NPS response from a passive'],
] as const;

export async function explainExamples(): Promise<ExplainReport> {
  const explanations: RecordExplanation[] = [];
  let timezone = 'UTC';
  for (const [example, standard, record] of CASES) {
    const root = join(REPO, 'examples', example);
    const { registry } = await loadRegistry(fsRegistryReader(root), root);
    timezone = registry.settings.timezone;
    const files = await findSourceFiles(registry, new Map(), root);
    explanations.push(...(await explainRecord({ registry, standard, record, asOfMs: Date.parse(AS_OF), files })));
  }
  return { asOfMs: Date.parse(AS_OF), timezone, explanations };
}
