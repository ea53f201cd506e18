import type { ChalkInstance } from 'chalk';
import type { BaselineEntry, Diagnostic, DiagnosticSummary, Severity, SuppressedDiagnostic } from '../../model/diagnostic.js';

export interface RuleInfo {
  id: string;
  kind: 'error' | 'lint';
  defaultSeverity: Severity;
  description: string;
}

/** Everything a check formatter needs; formatters are pure functions of it. */
export interface CheckReport {
  /** the registry root as the user sees it, relative to the working folder */
  registry: string;
  /** prefix that turns a registry-relative path into one relative to the working folder ('' or 'dir/') */
  pathPrefix: string;
  /** every registry file read, registry-relative */
  files: readonly string[];
  /** sorted, de-duplicated */
  diagnostics: readonly Diagnostic[];
  summary: DiagnosticSummary;
  /** the source lines that diagnostics point at, by file and 1-based line */
  lines: ReadonlyMap<string, readonly string[]>;
  rules: readonly RuleInfo[];
  tool: { name: string; version: string };
  /** with --quiet: the findings left out (warnings and infos), counted */
  hidden?: DiagnosticSummary;
  /** the findings suppressed inline or by the baseline (SPEC §7), sorted; counted in no summary figure above */
  suppressed?: readonly SuppressedDiagnostic[];
  /** the baseline in use (--baseline or --write-baseline): the file as given, and its entries that no longer match */
  baseline?: { file: string; unmatched: readonly BaselineEntry[] };
}

export interface FormatOptions {
  chalk: ChalkInstance;
}

export type CheckFormatter = (report: CheckReport, options: FormatOptions) => string;
