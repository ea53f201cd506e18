/** CSV as the exports being imitated write it: RFC 4180 quoting, a chosen delimiter and line end. */

/** One record: column -> cell text ('' is an empty cell). */
export type Row = Record<string, string>;

export interface CsvStyle {
  delimiter: string;
  /** line end between records; a line break inside a quoted cell stays as written */
  eol: '\n' | '\r\n';
  /** a UTF-8 byte-order mark, as spreadsheet exports write */
  bom: boolean;
}

export const PLAIN_CSV: CsvStyle = { delimiter: ',', eol: '\n', bom: false };

export interface WrittenCsv {
  text: string;
  /** the line each row starts on (the header is line 1), in row order */
  lines: number[];
}

function cell(value: string, delimiter: string): string {
  const quote = value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r');
  return quote ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(columns: readonly string[], rows: readonly Row[], style: CsvStyle): WrittenCsv {
  const out: string[] = [columns.map((c) => cell(c, style.delimiter)).join(style.delimiter)];
  const lines: number[] = [];
  let line = 2;
  for (const row of rows) {
    const text = columns.map((c) => cell(row[c] ?? '', style.delimiter)).join(style.delimiter);
    lines.push(line);
    line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
    out.push(text);
  }
  return { text: `${style.bom ? '\uFEFF' : ''}${out.join(style.eol)}${style.eol}`, lines };
}
