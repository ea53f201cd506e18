import type { Diagnostic } from '../../model/diagnostic.js';

/** The source lines the diagnostics point at, by file: for the caret under each. */
export function sourceLines(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const file of new Set(diagnostics.map((d) => d.file))) {
    const text = texts.get(file);
    if (text !== undefined) lines.set(file, text.split(/\r?\n/));
  }
  return lines;
}
