/** The charter in Markdown: for a web page or a wiki, the same content as the HTML. */
import { escapeMarkdownCell } from '../shared/escape.js';
import type { Charter, CharterPromise } from './data.js';
import { audienceHeading, channelHeading, charterMeta, charterTitle, creditText, EMPTY, figureText, PROMISE_WORDS, REMEDY_LEAD, RUNNING, standardStatusText } from './words.js';

const md = escapeMarkdownCell;

function promiseItem(p: CharterPromise, period: string | undefined): string {
  const out = [`- **${md(p.statement)}**\n`];
  for (const r of p.remedies) {
    const credit = creditText(r);
    out.push(`  - ${REMEDY_LEAD}: ${md(r.action)}${credit === undefined ? '' : ` (credit: ${md(credit)})`}\n`);
  }
  if (p.results !== undefined && period !== undefined) {
    out.push(`  - ${period}: **${PROMISE_WORDS[p.results.status]}**\n`);
    for (const s of p.results.standards) out.push(`    - ${md(s.label)}: ${md(figureText(s))}, ${standardStatusText(s)}\n`);
  }
  return out.join('');
}

export function formatCharterMd(c: Charter): string {
  const out: string[] = [`# ${md(charterTitle(c))}\n\n${charterMeta(c)}${c.finished ? '' : ` ${RUNNING}`}\n`];
  if (c.groups.length === 0) out.push(`\n${EMPTY}\n`);
  for (const g of c.groups) {
    out.push(`\n## ${md(audienceHeading(g.audience))}\n`);
    for (const ch of g.groups) {
      out.push(`\n### ${md(channelHeading(ch.channels))}\n\n`);
      for (const p of ch.promises) out.push(promiseItem(p, c.period?.key));
    }
  }
  return out.join('');
}
