import { forTerminal } from '../shared/escape.js';
import type { QuarterlyReport } from './data.js';
import { formatReportHtml } from './html.js';
import { formatReportJson } from './json.js';
import { formatReportMd } from './md.js';

export type ReportFormatter = (report: QuarterlyReport) => string;

/** `promise report --format`: adding a format is a file and an entry here. */
export const REPORT_FORMATS = {
  html: formatReportHtml,
  md: forTerminal(formatReportMd),
  json: formatReportJson,
} as const satisfies Record<string, ReportFormatter>;

export type ReportFormat = keyof typeof REPORT_FORMATS;
