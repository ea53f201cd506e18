/**
 * HTML and SVG built from template literals, escaped by default: every interpolated string
 * goes through `escapeHtml` unless it is `Markup` that this tag made itself. So a value from
 * the registry or the logs can only ever land in the page as text, and the one way to insert
 * markup is to build it with `html` too. Attribute values must be quoted in the template.
 */
import { escapeHtml } from '../shared/escape.js';

/** A piece of HTML that is safe to insert as it is: made by `html`, or a constant via `trusted`. */
export class Markup {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** What a template may interpolate: text (escaped), numbers, markup, lists of them; nothing for undefined, null or false. */
export type Part = Markup | string | number | undefined | null | false | readonly Part[];

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return '';
  if (part instanceof Markup) return part.text;
  if (typeof part === 'number') return String(part);
  if (typeof part === 'string') return escapeHtml(part);
  return part.map(render).join('');
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Markup {
  let out = strings[0] ?? '';
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + (strings[i + 1] ?? '');
  return new Markup(out);
}

/** A constant of this program (the stylesheet) as markup: never pass it anything read from a file. */
export const trusted = (text: string): Markup => new Markup(text);

/** Markup items joined with a separator (itself escaped when it is text). */
export function join(items: readonly Part[], separator: Part): Markup {
  return new Markup(items.map(render).join(render(separator)));
}

/** The palette and resets every page of ours starts from (the report, the charter): one look, one set of status colours. */
export const PAGE_BASE_STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0550ae;
  --met: #1a7f37; --met-bg: #dafbe1; --missed: #cf222e; --missed-bg: #ffebe9; --track: #0969da; --track-bg: #ddf4ff;
  --risk: #9a6700; --risk-bg: #fff8c5; --none: #59636e; --none-bg: #eff2f5; color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
`;
