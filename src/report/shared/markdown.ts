import { escapeMarkdownCell } from './escape.js';

/** A GitHub-flavoured Markdown table; `right` lists the indexes of numeric columns. */
export function markdownTable(head: readonly string[], rows: readonly (readonly (string | number)[])[], right: readonly number[] = []): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map((c) => escapeMarkdownCell(String(c))).join(' | ')} |`;
  const rule = `|${head.map((_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`;
  return `${[line(head), rule, ...rows.map(line)].join('\n')}\n`;
}
