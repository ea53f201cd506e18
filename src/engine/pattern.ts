/**
 * The regular-expression engine of `matches` conditions: RE2 (through `re2js`, RE2 in plain
 * JavaScript), which matches in time linear in the length of the cell whatever the pattern.
 * A backtracking engine (JavaScript's RegExp) takes exponential time on a pattern such as
 * `^(\w+\s?)*$` against a long subject, so one cell could hang every run; RE2 never backtracks.
 *
 * The registry compiles each pattern here to validate it (`promise check`), and the engine
 * compiles it here again for each log file it reads: one engine, one syntax, one set of flags.
 * Why re2js and not the native `re2` binding: docs/conditions.md.
 */
import { createRequire } from 'node:module';
import type { RE2JS as Re2js } from 're2js';

/** re2js, loaded when a pattern is first compiled: most registries have none, and a worker thread starts sooner without it. */
let re2: typeof Re2js | undefined;
function engine(): typeof Re2js {
  re2 ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof Re2js }).RE2JS;
  return re2;
}

/** A compiled pattern: true when it matches anywhere in the text (anchor with ^ and $). */
export type PatternTest = (text: string) => boolean;

export type PatternResult = { ok: true; test: PatternTest } | { ok: false; message: string; hint: string };

/**
 * No flags: RE2's defaults are what the contract asks of `matches`: code points, not UTF-16
 * units (as RegExp's `u` flag), `^`/`$` at the ends of the cell, `.` not matching a newline.
 * Case-insensitive and the other modes are written in the pattern: `(?i)`, `(?s)`, `(?m)`.
 */
const FLAGS = 0;

/** What RE2 leaves out, by the fragment it stopped at, with what to write instead. */
function hintFor(fragment: string, code: string): string {
  if (/^\\[1-9]/.test(fragment) || fragment.startsWith('\\k')) {
    return 'RE2 matches in linear time and so has no backreferences (\\1, \\k<name>); test the column for the values themselves, or with a second condition';
  }
  if (/^\(\?(=|!|<=|<!)/.test(fragment)) {
    return 'RE2 has no lookahead or lookbehind ((?=...), (?!...), (?<=...), (?<!...)); write what must not match as a condition of its own, e.g. not: { subject: { matches: "..." } }';
  }
  if (fragment.startsWith('(?>') || code === 'invalid nested repetition operator') {
    return 'RE2 has no atomic groups or possessive quantifiers (?>...), a++, a*+; it never backtracks, so write the plain group or quantifier';
  }
  if (fragment.startsWith('\\u')) return 'RE2 has no \\u escape; write a code point as \\x{41} or \\x{1F600}';
  if (code === 'invalid repeat count') return 'RE2 repeats at most 1000 times: {n,m} with n and m up to 1000';
  return 'matches takes RE2 syntax (no backreferences or lookaround; flags inline, as (?i) for case-insensitive): see docs/conditions.md';
}

/** Compiles a `matches` pattern, or says, in RE2's words and with a hint, why it cannot. */
export function compilePattern(source: string): PatternResult {
  try {
    const regex = engine().compile(source, FLAGS);
    return { ok: true, test: (text) => regex.test(text) };
  } catch (err) {
    const e = err as { error?: unknown; input?: unknown; message?: unknown };
    const code = typeof e.error === 'string' ? e.error : String(e.message);
    const fragment = typeof e.input === 'string' ? e.input : '';
    const at = fragment === '' || fragment === source ? '' : ` at \`${fragment}\``;
    return { ok: false, message: `"${source}" is not a regular expression RE2 accepts: ${code}${at}`, hint: hintFor(fragment, code) };
  }
}
