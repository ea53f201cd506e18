/** `promise report`: the quarterly (or --period) report of SPEC §4, as HTML, Markdown or JSON. */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { Command } from 'commander';
import type { PeriodRef } from '../../model/evaluation.js';
import { UsageError } from '../../model/errors.js';
import { periodOf, shiftPeriod } from '../../engine/period.js';
import type { Registry } from '../../registry/model.js';
import { buildReport } from '../../report/report/data.js';
import { REPORT_FORMATS, type ReportFormat } from '../../report/report/index.js';
import type { CommandContext } from '../context.js';
import { evaluateLogs, requireValid, selectFromRegistry, type Selection } from '../evaluate-logs.js';
import { evaluationExitCode } from '../exit-code.js';
import { filesRead, openRegistry, type OpenedRegistry } from '../open-registry.js';
import { pickFormat } from '../options.js';
import { refuseToOverwrite, writeReport } from '../output.js';
import { addFilterOptions, type EvaluatingOptions } from './evaluating.js';

const FORMATS = Object.keys(REPORT_FORMATS) as ReportFormat[];

/** Promises due for review are those whose review_by falls within this many days of as_of, or before. */
const REVIEW_HORIZON_DAYS = 90;

/** `check`'s statement-mismatch findings, each tied to the promise it is about (its entity, or a standard's promise). */
function mismatchesByPromise(opened: OpenedRegistry) {
  const { registry } = opened;
  const promiseOfStandard = new Map(registry.standards.map((s) => [s.id, s.promise]));
  return opened.diagnostics
    .filter((d) => d.rule === 'statement-mismatch')
    .flatMap((d) => {
      const entity = d.entity;
      const promise = entity?.collection === 'promises' ? entity.id : entity?.collection === 'standards' ? promiseOfStandard.get(entity.id) : undefined;
      return promise === undefined || !registry.promises.some((p) => p.id === promise) ? [] : [{ ...d, promise }];
    });
}

/**
 * The report is about promises: the filters choose them (--standard its promise, --owner the
 * promises it owns or has a standard of), and each is reported with all its standards, so
 * that a promise is never called kept on part of its measures.
 */
function promisesOf(registry: Registry, selection: Selection): Selection {
  const promises = registry.promises.filter((p) => selection.promises.includes(p) || selection.standards.some((s) => s.promise === p.id));
  const ids = new Set(promises.map((p) => p.id));
  return { periods: selection.periods, promises, standards: registry.standards.filter((s) => ids.has(s.promise)) };
}

export function reportCommand(ctx: CommandContext): Command {
  const cmd = new Command('report').description('the quarterly report (or --period): promises kept, standards against target and trend, scorecards, recovery, gaps, data quality');
  addFilterOptions(cmd, FORMATS, 'one').action(async (options: EvaluatingOptions) => {
    const formatName = pickFormat(options.format, FORMATS);
    if (options.period.length > 1) throw new UsageError('report covers one period: give --period once', 'e.g. --period 2026-Q3');
    const opened = await openRegistry(ctx.io, options, ctx.now);
    // said before the logs are read, not after
    await refuseToOverwrite(ctx.io, options.out, filesRead(opened));
    requireValid(opened);
    const { registry } = opened;
    const { timezone, fiscalYearStart } = registry.settings;
    const asOfMs = opened.asOf.getTime();
    const selection = promisesOf(registry, selectFromRegistry(registry, options));
    // SPEC §4 default: the last quarter that has finished at as_of
    const period: PeriodRef = selection.periods?.[0] ?? shiftPeriod(periodOf(asOfMs, 'quarter', timezone, fiscalYearStart), -1, timezone, fiscalYearStart);
    const trend = [-3, -2, -1].map((by) => shiftPeriod(period, by, timezone, fiscalYearStart));
    const evaluation = await evaluateLogs(ctx.io, opened, { ...selection, periods: undefined }, { breaches: true, atRisk: false, alsoBy: period.kind, details: true, within: [period], machineOutput: formatName === 'json' || ctx.quiet(), note: ctx.note });
    const asOfLocal = new TZDate(asOfMs, timezone);
    const report = buildReport({
      registry: registry.settings.name,
      timezone,
      asOfMs,
      period,
      previous: trend[2] as PeriodRef,
      trend: [...trend, period],
      evaluation,
      promises: selection.promises,
      standards: selection.standards,
      owners: registry.owners,
      mismatches: mismatchesByPromise(opened).filter((m) => selection.promises.some((p) => p.id === m.promise)),
      asOfDate: format(asOfLocal, 'yyyy-MM-dd'),
      reviewHorizon: format(addDays(asOfLocal, REVIEW_HORIZON_DAYS), 'yyyy-MM-dd'),
    });
    await writeReport(ctx.io, REPORT_FORMATS[formatName](report), options.out, filesRead(opened));
    const missed = report.promises.flatMap((p) => p.standards).filter((s) => s.status === 'missed').length;
    ctx.setExitCode(evaluationExitCode({ breaches: report.headline.breaches, missed }, options.failOn));
  });
  return cmd;
}
