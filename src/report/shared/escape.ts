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
