/**
 * Inline suppressions (SPEC §7): `# promise-ignore RULE[, RULE] -- reason`, a YAML comment at the
 * end of a finding's line or on a line of its own before it. Comments are found by the YAML
 * lexer, so a `#` inside a quoted or block scalar is text, not a suppression.
 */
import { CST, Lexer } from 'yaml';
import type { Loc } from '../model/diagnostic.js';
import { locOfOffsets, type RegistryFile } from './locate.js';

/** A `promise-ignore` comment as written; what it names is judged by the rules (rules/bad-suppression.ts). */
export interface SuppressionComment {
  /** the comment itself, from its `#` to its end */
  loc: Loc;
  /** the 1-based line whose findings it is about */
  target: number;
  /** the rule ids it names, as written, in order */
  rules: string[];
  /** the text after `--`, trimmed; '' when there is none */
  reason: string;
}

const DIRECTIVE = /^#\s*promise-ignore(?=\s|$)(?<rest>.*)$/s;

/**
 * The rule list and reason of one comment's text (from its `#`), or undefined when the comment
 * is no `promise-ignore` comment. Rules are separated by commas (spaces around them allowed);
 * the reason is everything after the first `--`.
 */
export function parseSuppressionText(comment: string): { rules: string[]; reason: string } | undefined {
  const rest = DIRECTIVE.exec(comment)?.groups?.rest;
  if (rest === undefined) return undefined;
  const dashes = rest.indexOf('--');
  const names = dashes === -1 ? rest : rest.slice(0, dashes);
  const reason = dashes === -1 ? '' : rest.slice(dashes + 2).trim();
  return { rules: names.split(/[\s,]+/).filter((n) => n !== ''), reason };
}

/** The lexer's own markers, which stand for no text of the file. */
const MARKERS = new Set(['doc-mode', 'flow-error-end', 'scalar']);

/** Every `promise-ignore` comment of a file, in the order written. */
export function readSuppressions(file: RegistryFile): SuppressionComment[] {
  const found: { start: number; end: number; line: number; alone: boolean; text: string }[] = [];
  /** lines that hold nothing but a comment: a suppression before a finding may sit above others */
  const commentLines = new Set<number>();
  let offset = 0;
  let scalarNext = false;
  for (const lexeme of new Lexer().lex(file.text)) {
    if (scalarNext) {
      // the text of a scalar (plain or block) follows its marker: a `#` in it is no comment
      scalarNext = false;
      offset += lexeme.length;
      continue;
    }
    const type = CST.tokenType(lexeme);
    if (type === 'scalar') scalarNext = true;
    if (type !== null && MARKERS.has(type)) continue;
    if (type === 'comment') {
      const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
      const alone = file.text.slice(lineStart, offset).trim() === '';
      const line = file.lineCounter.linePos(offset).line;
      if (alone) commentLines.add(line);
      found.push({ start: offset, end: offset + lexeme.length, line, alone, text: lexeme });
    }
    offset += lexeme.length;
  }
  const out: SuppressionComment[] = [];
  for (const c of found) {
    const parsed = parseSuppressionText(c.text);
    if (parsed === undefined) continue;
    let target = c.line;
    if (c.alone) {
      target = c.line + 1;
      while (commentLines.has(target)) target++;
    }
    out.push({ loc: locOfOffsets(file, c.start, c.end), target, rules: parsed.rules, reason: parsed.reason });
  }
  return out;
}
