/** Escaping for every output format, in one place. */

/**
 * What XML 1.0 cannot carry at all, not even as a character reference (§2.2 `Char`): the C0
 * controls but tab, LF and CR, lone surrogate halves, U+FFFE and U+FFFF. Each becomes U+FFFD,
 * as a UTF-8 encoder writes a lone surrogate (docs/ci.md).
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** Text that encodes to UTF-8 as it is: a lone surrogate half (never a pair) becomes U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** XML (and HTML) element text. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(NOT_XML, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // A literal CR is read back as LF (XML §2.11); the reference keeps it.
      .replace(/\r/g, '&#13;')
  );
}

/** An XML attribute value: a literal tab or line end would be read back as a space (XML §3.3.3). */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** HTML text and quoted attribute values: as XML, but a CR stays literal (`&#13;` is a parse error in HTML). */
export function escapeHtml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A Markdown table cell: pipes escaped, lines joined, no HTML let through. */
export function escapeMarkdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

/** GitHub workflow command data: `%`, CR and LF. */
export function escapeGithubData(text: string): string {
  return wellFormed(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow command properties: data escapes plus `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A CSV cell (RFC 4180), made safe for spreadsheets: a cell starting with = + - @ (or a tab
 * or CR) would run as a formula, so it gets a leading apostrophe.
 */
export function escapeCsvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV cell from a JSON value: numbers and booleans as written (a negative number is no formula), null empty. */
export function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return escapeCsvCell(String(value));
}

/**
 * Characters a terminal acts on instead of showing: C0 controls but the newline (ESC starts
 * the sequences that retitle or clear the terminal, hide text or write the clipboard), DEL,
 * the C1 controls U+0080-U+009F (U+009B is a one-byte CSI), and the bidirectional controls
 * that reorder what is shown (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), with
 * the line and paragraph separators U+2028 and U+2029.
 */
const TERMINAL_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

function visibleEscape(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text for a terminal or a Markdown page: every control character shown as a visible escape
 * (`\x1b`, `\u202e`), so that data can neither drive the terminal nor reorder what is shown.
 * A backslash is left as it is: the escapes are for reading, not for reading back.
 */
export function escapeTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROL, visibleEscape);
}

/**
 * A copy of `value` with every string in it (object keys and Map keys too) passed through
 * `escapeTerminal`: the data a human-facing formatter is given. Arrays, plain objects, Maps
 * and Sets are copied, shared references stay shared; class instances (a YAML document, a
 * RegExp, a typed array) are kept as they are, since formatters read only plain data. With
 * `keysOnly`, only keys are escaped and strings kept as they are.
 */
export function escapeTerminalData<T>(value: T, keysOnly = false): T {
  const seen = new Map<object, unknown>();
  const key = (k: unknown): unknown => (typeof k === 'string' ? escapeTerminal(k) : copy(k));
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return keysOnly ? v : escapeTerminal(v);
    if (v === null || typeof v !== 'object') return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const item of v) out.push(copy(item));
      return out;
    }
    if (v instanceof Map) {
      const out = new Map<unknown, unknown>();
      seen.set(v, out);
      for (const [k, item] of v) out.set(key(k), copy(item));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set<unknown>();
      seen.set(v, out);
      for (const item of v) out.add(copy(item));
      return out;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return v;
    const out = (proto === null ? Object.create(null) : {}) as Record<string, unknown>;
    seen.set(v, out);
    // defineProperty, so that a key such as `__proto__` stays a key
    for (const [k, item] of Object.entries(v)) Object.defineProperty(out, escapeTerminal(k), { value: copy(item), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return copy(value) as T;
}

/**
 * A human-facing formatter (pretty, table, md) behind the one boundary that makes its data
 * safe for a terminal: it formats an escaped copy of what it is given. The fields named in
 * `sourceText` hold text the formatter escapes itself (source lines under a caret, whose
 * columns count the text as written); only their keys are escaped here.
 */
export function forTerminal<D extends object, A extends unknown[]>(format: (data: D, ...rest: A) => string, sourceText: readonly (keyof D & string)[] = []): (data: D, ...rest: A) => string {
  return (data, ...rest) => {
    const escaped = escapeTerminalData(data);
    for (const field of sourceText) Object.assign(escaped, { [field]: escapeTerminalData(data[field], true) });
    return format(escaped, ...rest);
  };
}
