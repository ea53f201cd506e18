/**
 * The charter as one self-contained HTML page, by the report's rules (SPEC §4): inline CSS, no
 * script, font or image from the network; one column on a phone, A4 in print. Every value from
 * the registry or the logs goes through the report's `html` tag, which escapes it. Each promise
 * carries `data-promise` (its id) and, with results, `data-status` (its status in the period).
 */
import type { PeriodStatus, PromiseStatus } from '../../model/evaluation.js';
import { localTime } from '../shared/time.js';
import { html, PAGE_BASE_STYLE, trusted, type Markup } from '../report/markup.js';
import type { Charter, CharterPromise, CharterRemedy } from './data.js';
import { audienceHeading, channelHeading, charterMeta, charterTitle, creditText, EMPTY, figureText, ownPeriodsText, PROMISE_WORDS, REMEDY_LEAD, RUNNING, STANDARD_WORDS } from './words.js';

const STYLE = `${PAGE_BASE_STYLE}body { margin: 0; color: var(--ink); background: #fff; font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
.page { max-width: 860px; margin: 0 auto; padding: 32px 28px 56px; }
header { border-bottom: 3px solid var(--ink); padding-bottom: 12px; }
.eyebrow { margin: 0; color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; font-weight: 600; }
h1 { font-size: 2rem; line-height: 1.2; margin: .1rem 0 .4rem; overflow-wrap: anywhere; }
.meta { margin: 0; color: var(--muted); }
.notice { margin: .75rem 0 0; padding: .5rem .75rem; border-left: 4px solid var(--risk); background: var(--risk-bg); }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1.4rem 0 .6rem; color: var(--muted); font-weight: 600; overflow-wrap: anywhere; }
.promises { list-style: none; margin: 0; padding: 0; }
.promise { border: 1px solid var(--line); border-radius: 12px; padding: 16px 18px; margin: 0 0 14px; }
.statement { margin: 0; padding-left: .9rem; border-left: 4px solid var(--accent); font-size: 1.2rem; line-height: 1.4; font-weight: 600; overflow-wrap: anywhere; }
.remedy { margin: .8rem 0 0; padding: .5rem .75rem; background: var(--soft); border-radius: 8px; overflow-wrap: anywhere; }
.remedy strong { font-weight: 600; }
.credit { white-space: nowrap; font-weight: 600; }
.results { margin: .8rem 0 0; }
.results p { margin: 0 0 .3rem; }
.results ul { margin: 0; padding-left: 1.2rem; color: var(--muted); font-size: .92rem; }
.results li { overflow-wrap: anywhere; }
.own { display: block; font-size: .82rem; }
.figure { color: var(--ink); font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; padding: 0 .55em; border: 1px solid currentColor; border-radius: 999px; font-size: .8rem; font-weight: 700; line-height: 1.55; white-space: nowrap; }
.st-met, .st-kept { color: var(--met); background: var(--met-bg); }
.st-missed, .st-broken { color: var(--missed); background: var(--missed-bg); }
.st-on-track, .st-in-progress { color: var(--track); background: var(--track-bg); }
.st-at-risk { color: var(--risk); background: var(--risk-bg); }
.st-no-data, .st-unmeasured { color: var(--none); background: var(--none-bg); }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .8rem; }
@media (max-width: 700px) {
  body { font-size: 16px; }
  .page { padding: 16px 14px 40px; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.2rem; margin-top: 1.6rem; }
  .promise { padding: 12px; }
  .statement { font-size: 1.05rem; }
}
@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .promise { break-inside: avoid; page-break-inside: avoid; }
}
`;

const PROMISE_SIGN: Record<PromiseStatus, string> = { kept: '✓', broken: '✗', 'in-progress': '●', unmeasured: '–' };
const STANDARD_SIGN: Record<PeriodStatus, string> = { met: '✓', missed: '✗', 'on-track': '●', 'at-risk': '▲', 'no-data': '–' };

function remedy(r: CharterRemedy): Markup {
  const credit = creditText(r);
  return html`<p class="remedy"><strong>${REMEDY_LEAD}:</strong> ${r.action}${credit === undefined ? html`` : html` <span class="credit" data-credit="${r.currency ?? ''}">(credit: ${credit})</span>`}</p>\n`;
}

function promiseItem(p: CharterPromise, period: string | undefined): Markup {
  const r = p.results;
  const results =
    r === undefined || period === undefined
      ? html``
      : html`<div class="results">
<p>${period}: <span class="badge st-${r.status}">${PROMISE_SIGN[r.status]} ${PROMISE_WORDS[r.status]}</span></p>
<ul>
${r.standards.map((s) => html`<li data-standard="${s.id}">${s.label}: <span class="figure">${figureText(s)}</span> <span class="badge st-${s.status}">${STANDARD_SIGN[s.status]} ${STANDARD_WORDS[s.status]}</span>${s.periods.length === 0 ? html`` : html` <span class="own">${ownPeriodsText(s)}</span>`}</li>\n`)}</ul>
</div>\n`;
  return html`<li class="promise" data-promise="${p.id}"${r === undefined ? html`` : html` data-status="${r.status}"`}>
<p class="statement">${p.statement}</p>
${p.remedies.map(remedy)}${results}</li>\n`;
}

export function formatCharterHtml(c: Charter): string {
  const period = c.period?.key;
  const body =
    c.groups.length === 0
      ? html`<p>${EMPTY}</p>\n`
      : c.groups.map(
          (g) => html`<section class="audience">
<h2>${audienceHeading(g.audience)}</h2>
${g.groups.map((ch) => html`<h3>${channelHeading(ch.channels)}</h3>
<ul class="promises">
${ch.promises.map((p) => promiseItem(p, period))}</ul>
`)}</section>
`,
        );
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="promise charter">
<title>${charterTitle(c)}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<div class="page">
<header>
<p class="eyebrow">Service charter</p>
<h1>${charterTitle(c)}</h1>
<p class="meta">${charterMeta(c)}</p>
${c.finished ? html`` : html`<p class="notice">${RUNNING}</p>\n`}</header>
<main>
${body}</main>
<footer>${c.registry} · as of ${localTime(c.asOfMs, c.timezone)} (${c.timezone}) · made by <code>promise charter</code></footer>
</div>
</body>
</html>
`;
  return doc.text;
}
