/** How serious a finding is; `off` only appears in settings, never on a diagnostic. */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A 1-based position in a registry file. */
export interface Loc {
  /** registry-relative path with `/` separators */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * What a finding is about, apart from where it sits in its file: the entity and the field in
 * it. JUnit test-case names and SARIF and Code Quality fingerprints are made from it (with the
 * rule and the file), so they survive the finding moving to another line and a rewording of
 * its message; a baseline (SPEC §7) can key on it too.
 */
export interface DiagnosticEntity {
  /** `owners`, `calendars`, `sources`, `promises`, `standards`; `settings` for promise.yaml's own keys; '' for a file's top level */
  collection: string;
  /** the entity's id as written; `#N` (its 1-based place in the file's list) when it has none; '' for settings and top level */
  id: string;
  /** the field inside the entity, as diff names fields (`measure.within`, `where.channel`, `holidays.2026-12-24`); '' for the entity as a whole */
  field: string;
}

/** One typed argument of a message: a name, a count, a list of names. */
export type MessageValue = string | number | readonly string[];
export type MessageData = Readonly<Record<string, MessageValue>>;

export interface Diagnostic extends Loc {
  rule: string;
  severity: Severity;
  /** what the finding says, as an id stable within its rule (ESLint's messageId) */
  messageId: string;
  /** the typed arguments the message is made from */
  data: MessageData;
  /** the sentence, made from messageId and data by the rule's messages (registry/messages.ts) */
  message: string;
  hint?: string;
  /** absent where a finding is about a file as a whole (a syntax error, an unreadable file) */
  entity?: DiagnosticEntity;
}

/**
 * Why a finding is not counted (SPEC §7): an inline `# promise-ignore` comment, with its reason,
 * or a baseline file. SARIF's `suppressions[].kind` names the two the same way.
 */
export type Suppression = { kind: 'inSource'; justification: string } | { kind: 'external'; baseline: string };

export interface SuppressedDiagnostic extends Diagnostic {
  suppression: Suppression;
}

/**
 * One entry of a baseline file (SPEC §7): the lint findings of one rule about one entity of one
 * file, counted; `field` is '' for the entity as a whole, all three entity parts '' for the file.
 */
export interface BaselineEntry {
  rule: string;
  /** registry-relative, with `/` */
  file: string;
  collection: string;
  id: string;
  field: string;
  /** how many such findings there are */
  count: number;
}

export function severityRank(severity: Severity): number {
  switch (severity) {
    case 'error':
      return 3;
    case 'warning':
      return 2;
    case 'info':
      return 1;
  }
}

/** The one order in which diagnostics are shown everywhere: file, position, rule, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}

/** Code-point order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts and drops exact repeats (the same rule, place and message). */
export function sortDiagnostics<D extends Diagnostic>(diagnostics: readonly D[]): D[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  return sorted.filter((d, i) => {
    const prev = sorted[i - 1];
    return prev === undefined || compareDiagnostics(prev, d) !== 0;
  });
}

export interface DiagnosticSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): DiagnosticSummary {
  const summary: DiagnosticSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
