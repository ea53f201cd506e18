/** `promise report`: the quarterly (or --period) report of SPEC §4, as HTML, Markdown or JSON. */
import { Command } from 'commander';
import { UsageError } from '../../model/errors.js';
import { findingsByPromise } from '../../plan/promise-findings.js';
import { selectForReport } from '../../plan/selection.js';
import { buildReport } from '../../report/report/data.js';
import { REPORT_FORMATS, type ReportFormat } from '../../report/report/index.js';
import type { CommandContext } from '../context.js';
import { chooseEngine } from '../engine-option.js';
import { evaluationExitCode, negativeCustomerGaps } from '../exit-code.js';
import { runFeedback } from '../feedback.js';
import { filesRead, openRegistry, requireValid } from '../open-registry.js';
import { pickFormat } from '../options.js';
import { refuseToOverwrite, writeReport } from '../output.js';
import { addFilterOptions, type EvaluatingOptions } from './evaluating.js';
import { describeCommand } from '../command-list.js';

const FORMATS = Object.keys(REPORT_FORMATS) as ReportFormat[];

export function reportCommand(ctx: CommandContext): Command {
  const cmd = new Command('report').description(describeCommand('report'));
  addFilterOptions(cmd, FORMATS, 'one').action(async (options: EvaluatingOptions) => {
    const formatName = pickFormat(options.format, FORMATS);
    if (options.period.length > 1) throw new UsageError('report covers one period: give --period once', 'e.g. --period 2026-Q3');
    const engine = chooseEngine(ctx, options);
    const opened = await openRegistry(ctx.io, options, ctx.now, { headers: engine.logs === 'files' });
    // said before the logs are read, not after
    await refuseToOverwrite(ctx.io, options.out, filesRead(opened));
    requireValid(opened);
    const { registry } = opened;
    const scope = selectForReport(registry, options, opened.asOf.getTime());
    const { period, selection } = scope;
    const evaluation = await engine.evaluate(
      { registry, sources: opened.sources, asOf: opened.asOf, selection },
      { breaches: true, atRisk: false, alsoBy: period.kind, details: true, within: [period], ...runFeedback(ctx, formatName === 'json') },
    );
    const report = buildReport({
      registry: registry.settings.name,
      timezone: registry.settings.timezone,
      asOfMs: opened.asOf.getTime(),
      period,
      previous: scope.previous,
      trend: scope.trend,
      evaluation,
      promises: selection.promises,
      standards: selection.standards,
      owners: registry.owners,
      surveys: selection.surveys,
      mismatches: findingsByPromise(registry, opened.diagnostics, 'statement-mismatch').filter((m) => selection.promises.some((p) => p.id === m.promise)),
      asOfDate: scope.asOfDate,
      reviewHorizon: scope.reviewHorizon,
    });
    await writeReport(ctx.io, REPORT_FORMATS[formatName](report), options.out, filesRead(opened));
    const missed = report.promises.flatMap((p) => p.standards).filter((s) => s.status === 'missed').length;
    // SPEC §6: the report period's customer gap, negative on a dimension once the period is over
    const customerGaps = negativeCustomerGaps((report.customer?.surveys ?? []).flatMap((s) => s.dimensions.map((d) => ({ finished: report.finished, gap: d.gap }))));
    ctx.setExitCode(evaluationExitCode({ breaches: report.headline.breaches, missed, customerGaps }, options.failOn));
  });
  return cmd;
}
