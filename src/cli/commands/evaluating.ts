/** What `breaches`, `gaps` and `report` share: the filters, --fail-on, and the run itself. */
import { Command, Option } from 'commander';
import type { Evaluation } from '../../model/evaluation.js';
import type { EvaluationFormatter, EvaluationReport } from '../../report/shared/evaluation.js';
import { selectPeriods } from '../../report/shared/evaluation.js';
import { selectFromRegistry, type FilterOptions } from '../../plan/selection.js';
import type { CommandContext } from '../context.js';
import { EVALUATION_FAIL_ON, evaluationExitCode, negativeCustomerGaps, type EvaluationFailOn } from '../exit-code.js';
import { addEngineOption, chooseEngine, type EngineOptions } from '../engine-option.js';
import { runFeedback } from '../feedback.js';
import { filesRead, openRegistry, requireValid } from '../open-registry.js';
import { addCommonOptions, pickFormat, type CommonOptions } from '../options.js';
import { refuseToOverwrite, writeReport } from '../output.js';

export interface EvaluatingOptions extends CommonOptions, FilterOptions, EngineOptions {
  failOn?: EvaluationFailOn;
  atRisk?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `periods`: `many` filters by any number of periods; `one` names the one period a report is about. */
export function addFilterOptions(cmd: Command, formats: readonly string[], periods: 'many' | 'one' = 'many'): Command {
  addCommonOptions(cmd, { registry: true, logs: true, formats });
  addEngineOption(cmd);
  const period =
    periods === 'many'
      ? new Option('--period <period>', 'only this period, e.g. 2026-Q3, 2026-07, 2026-W27 (repeatable)')
      : new Option('--period <period>', 'the one period to report on, e.g. 2026-Q3, 2026-07, 2026-W27');
  return cmd
    .addOption(period.argParser(collect).default([], periods === 'many' ? 'every period' : 'the last quarter finished at --as-of'))
    .option('--standard <id>', 'only this standard')
    .option('--promise <id>', "only this promise's standards")
    .option('--owner <id>', "only this owner's standards")
    .addOption(new Option('--fail-on <what>', 'exit 1 on any breach, on any standard that missed a finished period, or on a negative customer gap in a finished period').choices(EVALUATION_FAIL_ON));
}

/** Evaluates, formats, writes, and sets the exit code: the whole of an evaluating command. */
export async function runEvaluating<F extends string>(
  ctx: CommandContext,
  options: EvaluatingOptions,
  formats: Readonly<Record<F, EvaluationFormatter>>,
  collectBreaches: boolean,
): Promise<Evaluation> {
  const format = pickFormat(options.format, Object.keys(formats) as F[]);
  const engine = chooseEngine(ctx, options);
  const opened = await openRegistry(ctx.io, options, ctx.now, { headers: engine.logs === 'files' });
  // said before the logs are read, not after
  await refuseToOverwrite(ctx.io, options.out, filesRead(opened));
  requireValid(opened);
  const selection = selectFromRegistry(opened.registry, options);
  const machineOutput = format === 'json' || format === 'ndjson' || format === 'csv';
  const evaluation = await engine.evaluate(
    { registry: opened.registry, sources: opened.sources, asOf: opened.asOf, selection },
    { breaches: collectBreaches || options.failOn === 'breach', atRisk: options.atRisk === true, ...runFeedback(ctx, machineOutput) },
  );
  const report: EvaluationReport = {
    registry: opened.registry.settings.name,
    timezone: opened.registry.settings.timezone,
    asOfMs: opened.asOf.getTime(),
    periods: selection.periods,
    evaluation,
  };
  await writeReport(ctx.io, formats[format](report, { chalk: ctx.chalk(options.color, options.out), width: ctx.width(options.out) }), options.out, filesRead(opened));
  const shown = selectPeriods(report);
  const invalidRows = evaluation.sources.reduce((n, s) => n + s.invalid, 0);
  const repeated = evaluation.sources.reduce((n, s) => n + s.duplicateKeys, 0);
  if (invalidRows > 0 || repeated > 0) {
    ctx.note(`promise: ${invalidRows} log row${invalidRows === 1 ? '' : 's'} could not be judged and ${repeated} key${repeated === 1 ? ' was' : 's were'} repeated; see the data-quality section\n`);
  }
  ctx.setExitCode(
    evaluationExitCode(
      { breaches: shown.breaches.filter((b) => b.outcome === 'breached').length, missed: shown.gaps.filter((g) => g.status === 'missed').length, customerGaps: negativeCustomerGaps(shown.customer) },
      options.failOn,
    ),
  );
  return evaluation;
}
