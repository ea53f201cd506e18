import type { Diagnostic } from './diagnostic.js';

/** Exit codes, SPEC §3. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/** A known failure: printed as one line (plus diagnostics), never with a stack. */
export class PromiseError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;
  constructor(message: string, options: { exitCode?: number; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PromiseError';
    this.exitCode = options.exitCode ?? EXIT_FAILURE;
    this.hint = options.hint;
  }
}

/** The command line was wrong: a flag value, a missing argument. */
export class UsageError extends PromiseError {
  constructor(message: string, hint?: string) {
    super(message, hint === undefined ? { exitCode: EXIT_FAILURE } : { exitCode: EXIT_FAILURE, hint });
    this.name = 'UsageError';
  }
}

/** Where the files of diagnostics are, to show them as `check` does: their text, and their paths as the user sees them. */
export interface DiagnosticSources {
  /** prefix that turns a diagnostic's file into a path relative to the working folder ('' or 'dir/') */
  pathPrefix: string;
  /** each file's text, by the name its diagnostics give */
  texts: ReadonlyMap<string, string>;
}

/** The registry has errors, so a command that needs a valid registry cannot run. */
export class RegistryError extends PromiseError {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: DiagnosticSources | undefined;
  constructor(message: string, diagnostics: readonly Diagnostic[], sources?: DiagnosticSources) {
    super(message, { exitCode: EXIT_FAILURE });
    this.name = 'RegistryError';
    this.diagnostics = diagnostics;
    this.sources = sources;
  }
}

const FS_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'it does not exist (a broken link?)',
  ELOOP: 'the link loops back on itself',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
};

/** A file-system error in words, without the path or syscall noise. */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FS_ERRORS[code] !== undefined) return FS_ERRORS[code];
  return err instanceof Error ? err.message : String(err);
}

/** A log file cannot be read as a CSV log: missing, unreadable, a folder, empty, or no header line. */
export class LogFileError extends PromiseError {
  /** the file as the user sees it (registry-relative or as given to --log) */
  readonly file: string;
  /** what is wrong, said of the file where it is shown (without its path), when the message has more */
  readonly reason: string | undefined;
  constructor(file: string, message: string, hint: string, cause?: unknown, reason?: string) {
    super(message, cause === undefined ? { exitCode: EXIT_FAILURE, hint } : { exitCode: EXIT_FAILURE, hint, cause });
    this.name = 'LogFileError';
    this.file = file;
    this.reason = reason;
  }
}

/** A log file with nothing in it, not even a header: an export of nothing, warned about and read as no rows. */
export class EmptyLogError extends LogFileError {
  constructor(file: string) {
    super(file, `log file ${file} is empty: it has no header line`, 'a log starts with a header line that names its columns; export it again with headers');
    this.name = 'EmptyLogError';
  }
}

/** A log whose first line is empty: the header must be line 1. */
export class BlankHeaderError extends LogFileError {
  constructor(file: string) {
    super(file, `log file ${file} starts with an empty line: the header must be line 1`, 'remove the empty lines above the header');
    this.name = 'BlankHeaderError';
  }
}
