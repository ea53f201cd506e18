/**
 * The report as one self-contained HTML file (SPEC §4): inline CSS and SVG charts drawn from
 * the data, no script, font or image from the network; one column on a phone, A4 in print.
 * The same content as the Markdown. Every value from the registry or the logs is escaped by
 * the `html` tag; the headline figures carry data- attributes named as in the JSON.
 */
import { whereOf, type Breach, type PeriodStatus, type PromiseStatus } from '../../model/evaluation.js';
import { clockNotes } from '../shared/data-quality.js';
import { formatShare } from '../shared/describe.js';
import { boundText } from '../shared/figures.js';
import { invalidReasonText } from '../shared/invalid-reasons.js';
import { formatCredits, localTime, percent, points, shortDuration } from '../shared/time.js';
import { plural } from '../shared/words.js';
import { customerGapChart, dimensionChart, distributionChart, statusWords, trendChart } from './charts.js';
import type { QuarterlyReport, ReportPromise, ReportStandard, Scorecard } from './data.js';
import { html, join, PAGE_BASE_STYLE, trusted, type Markup } from './markup.js';
import { changeText, CUSTOMER_HEAD, customerCells, customerLede, customerLinkCells, customerLinkText, distributionText, INVALID_SHOWN, LINK_HEAD, periodFigure, servqualText } from './md.js';

const STYLE = `${PAGE_BASE_STYLE}body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
code, .mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em; }
code { background: var(--soft); padding: 0 .25em; border-radius: 4px; overflow-wrap: break-word; }
th code, td code { overflow-wrap: normal; white-space: nowrap; }
td.text { min-width: 18em; }
.page { max-width: 1100px; margin: 0 auto; padding: 28px 32px 56px; }
.report-head { border-bottom: 3px solid var(--ink); padding-bottom: 14px; margin-bottom: 8px; }
.eyebrow { margin: 0; color: var(--muted); font-size: .85rem; text-transform: uppercase; letter-spacing: .06em; font-weight: 600; }
h1 { font-size: 2rem; line-height: 1.2; margin: .1rem 0 .35rem; }
h1 .period { color: var(--accent); white-space: nowrap; }
.meta { margin: 0; color: var(--muted); }
.notice { margin: .75rem 0 0; padding: .5rem .75rem; border-left: 4px solid var(--risk); background: var(--risk-bg); }
.toc ul { list-style: none; margin: .8rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; }
.toc a { color: var(--accent); }
h2 { font-size: 1.4rem; line-height: 1.25; margin: 2.4rem 0 1rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .5rem; }
.figures { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 0; }
.figure { margin: 0; padding: 14px 16px; border: 1px solid var(--line); border-radius: 10px; background: var(--soft); border-top: 5px solid var(--none); }
.figure.good { border-top-color: var(--met); }
.figure.bad { border-top-color: var(--missed); }
.figure dt { color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; font-weight: 600; }
.figure dd { margin: 0; }
.big { font-size: 2.3rem; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
.figure .of { font-size: 1.1rem; color: var(--muted); }
.figure .sub { font-size: .85rem; color: var(--muted); }
.credits { display: flex; flex-wrap: wrap; gap: 0 .8rem; align-items: baseline; }
.credits .big { font-size: 1.9rem; }
.promise { border: 1px solid var(--line); border-radius: 12px; padding: 18px 20px 8px; margin: 0 0 22px; }
.promise-head { display: flex; flex-wrap: wrap; gap: .3rem .6rem; align-items: center; }
.promise-head h3 { margin: 0; font-size: 1rem; font-weight: 600; }
.statement { margin: .6rem 0 .4rem; padding: .2rem 0 .2rem 1rem; border-left: 4px solid var(--accent); font-size: 1.2rem; line-height: 1.4; font-weight: 600; }
.statement p { margin: 0; }
.statement p::before { content: "\\201C"; } .statement p::after { content: "\\201D"; }
.facts { margin: 0 0 .6rem; color: var(--muted); font-size: .92rem; }
.facts strong { color: var(--ink); font-weight: 600; }
.badge { display: inline-block; padding: 0 .55em; border: 1px solid currentColor; border-radius: 999px; font-size: .8rem; font-weight: 700; line-height: 1.55; white-space: nowrap; }
.st-met, .st-kept { color: var(--met); background: var(--met-bg); }
.st-missed, .st-broken { color: var(--missed); background: var(--missed-bg); }
.st-on-track, .st-in-progress { color: var(--track); background: var(--track-bg); }
.st-at-risk { color: var(--risk); background: var(--risk-bg); }
.st-no-data, .st-unmeasured { color: var(--none); background: var(--none-bg); }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: .6rem 0 1rem; border: 1px solid var(--line); border-radius: 8px;
  /* a shadow at an edge the table scrolls past, so a reader sees there is more */
  background: linear-gradient(to right, #fff 30%, rgba(255, 255, 255, 0)) left / 40px 100% no-repeat local,
    linear-gradient(to left, #fff 30%, rgba(255, 255, 255, 0)) right / 40px 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, .2), transparent) left / 12px 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, .2), transparent) right / 12px 100% no-repeat scroll; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; padding: 8px 10px 4px; font-weight: 600; }
th, td { padding: 7px 10px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
tbody tr:last-child th, tbody tr:last-child td { border-bottom: 0; }
thead th { background: var(--soft); font-size: .82rem; color: var(--muted); }
td.mono { white-space: nowrap; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.small { display: block; color: var(--muted); font-size: .8rem; }
.better { color: var(--met); } .worse { color: var(--missed); }
.own-periods { display: block; margin-top: 4px; font-size: .78rem; color: var(--muted); white-space: nowrap; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 14px; margin: .4rem 0 1rem; }
.chart { margin: 0; padding: 10px 12px 6px; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.chart figcaption { font-size: .85rem; font-weight: 600; margin-bottom: 2px; overflow-wrap: anywhere; }
.chart svg { display: block; width: 100%; height: auto; max-width: 520px; }
.chart text { font-family: inherit; font-size: 12px; fill: var(--muted); }
.chart .value { fill: var(--ink); font-size: 12.5px; font-weight: 700; }
.chart .axis-title { fill: var(--ink); font-size: 12.5px; }
.chart .legend { fill: var(--ink); }
.chart .mark { font-size: 12.5px; font-weight: 700; }
.chart .label { fill: var(--ink); font-size: 13px; }
.chart .note { font-style: italic; }
.delivery { margin: 0 0 .8rem; font-size: .9rem; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.card h3 { margin: 0; font-size: 1rem; }
.card .id { margin: 0 0 .5rem; color: var(--muted); font-size: .85rem; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; font-size: .9rem; }
.card dt { color: var(--muted); }
.card dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.card dd.sub { grid-column: 1 / -1; text-align: left; color: var(--muted); font-size: .8rem; margin: -2px 0 4px; white-space: normal; }
.card .answers { margin: .6rem 0 0; font-size: .82rem; color: var(--muted); }
#customer .chart svg { max-width: 440px; }
#customer .chart text { font-size: 13px; }
#customer .chart .label, #customer .chart .value, #customer .chart .axis-title, #customer .chart .legend { font-size: 14px; }
.survey { border: 1px solid var(--line); border-radius: 12px; padding: 14px 20px 4px; margin: 0 0 22px; }
.survey h3 { margin: 0; }
.survey .score { margin: .5rem 0; font-size: 1.05rem; }
.survey .score strong { font-size: 1.5rem; font-variant-numeric: tabular-nums; }
.links li { margin: .35rem 0; }
.findings { padding-left: 1.2rem; }
.findings li { margin: .35rem 0; }
.total { font-weight: 600; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .8rem; }
@media (max-width: 700px) {
  body { font-size: 15px; }
  .page { padding: 16px 14px 40px; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.2rem; margin-top: 1.8rem; }
  .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
  .figure { padding: 10px 12px; }
  .big { font-size: 1.8rem; }
  .credits .big { font-size: 1.5rem; }
  .promise, .survey { padding: 12px 10px 4px; border-radius: 10px; }
  .chart { padding: 8px 6px 4px; }
  .statement { font-size: 1.05rem; }
  .charts, .cards { grid-template-columns: minmax(0, 1fr); }
  th, td { padding: 6px 8px; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm 16mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 9.5pt; }
  .page { max-width: none; padding: 0; }
  .toc { display: none; }
  a { color: inherit; text-decoration: none; }
  a[href]:not([href^="#"])::after { content: " (" attr(href) ")"; }
  h2 { margin-top: 1.2rem; break-before: auto; }
  h2, h3, caption, figcaption, .promise-head { break-after: avoid; page-break-after: avoid; }
  .promise, .chart, .figure, .card, tr, .statement, .delivery, .links li { break-inside: avoid; page-break-inside: avoid; }
  #owners, #customer, #recovery, #quality { break-before: page; page-break-before: always; }
  .survey { break-inside: avoid; page-break-inside: avoid; }
  .figures { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .cards { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .table-wrap { overflow: visible; border: 0; background: none; }
  table { font-size: 8.5pt; }
  /* paper does not scroll: every table fits the 186 mm between the margins, headers and ids wrapping */
  th, td { padding: 4px 6px; }
  thead th { font-size: 7.5pt; }
  thead th, thead th.num { white-space: normal; }
  th code, td code, td.mono { white-space: normal; overflow-wrap: anywhere; }
  td.text { min-width: 10em; }
  thead { display: table-header-group; }
  .promise { padding: 10px 12px 2px; }
}
`;

const STATUS_SIGN: Record<PeriodStatus | PromiseStatus, string> = {
  met: '✓',
  kept: '✓',
  missed: '✗',
  broken: '✗',
  'on-track': '●',
  'in-progress': '●',
  'at-risk': '▲',
  'no-data': '–',
  unmeasured: '?',
};

/** A standard's figure for the period: its compliance, for an average its mean, for an NPS its score. */
function figureOf(s: ReportStandard): string {
  return periodFigure(s, s.compliance, s.average);
}

function badge(status: PeriodStatus | PromiseStatus): Markup {
  return html`<span class="badge st-${status}">${STATUS_SIGN[status]} ${status.replace('-', ' ')}</span>`;
}

const day = (ms: number, zone: string): string => localTime(ms, zone).slice(0, 10);

function header(r: QuarterlyReport): Markup {
  const z = r.timezone;
  return html`<header class="report-head">
<p class="eyebrow">Service report</p>
<h1>${r.registry} <span class="period">${r.period.key}</span></h1>
<p class="meta">${day(r.period.startMs, z)} to ${day(r.period.endMs - 1, z)} (${z}) · compared with ${r.previous.key} · as of <time datetime="${new Date(r.asOfMs).toISOString()}">${localTime(r.asOfMs, z)}</time></p>
${r.finished ? html`` : html`<p class="notice"><strong>The period is still running:</strong> its figures are not final.</p>\n`}<nav class="toc" aria-label="Sections"><ul>
<li><a href="#headline">Headline</a></li><li><a href="#promises">Promises</a></li><li><a href="#owners">Owner scorecards</a></li><li><a href="#dimensions">SERVQUAL dimensions</a></li>${r.customer === undefined ? html`` : html`<li><a href="#customer">Customer gap</a></li>`}<li><a href="#recovery">Service recovery</a></li><li><a href="#structural">Structural gaps</a></li><li><a href="#quality">Data quality</a></li>
</ul></nav>
</header>
`;
}

function headline(r: QuarterlyReport): Markup {
  const h = r.headline;
  const credits = Object.entries(h.credits);
  const tone = (good: boolean, bad: boolean): string => (bad ? 'figure bad' : good ? 'figure good' : 'figure');
  return html`<section id="headline" aria-labelledby="headline-title">
<h2 id="headline-title">Headline</h2>
<dl class="figures">
<div class="${tone(h.promisesKept === h.promisesMade && h.promisesMade > 0, h.promisesBroken > 0)}"><dt>Promises kept</dt><dd><span class="big" data-headline="promises_kept">${h.promisesKept}</span> <span class="of">of <span data-headline="promises_made">${h.promisesMade}</span></span></dd>
<dd class="sub"><span data-headline="promises_broken">${h.promisesBroken}</span> broken · <span data-headline="promises_in_progress">${h.promisesInProgress}</span> in progress · <span data-headline="promises_unmeasured">${h.promisesUnmeasured}</span> unmeasured</dd></div>
<div class="${tone(h.standardsMet === h.standards && h.standards > 0, h.standardsMissed > 0)}"><dt>Standards met</dt><dd><span class="big" data-headline="standards_met">${h.standardsMet}</span> <span class="of">of <span data-headline="standards">${h.standards}</span></span></dd>
<dd class="sub"><span data-headline="standards_missed">${h.standardsMissed}</span> missed</dd></div>
<div class="${tone(h.breaches === 0, h.openBreaches > 0)}"><dt>Breaches</dt><dd><span class="big" data-headline="breaches">${h.breaches}</span></dd>
<dd class="sub"><span data-headline="open_breaches">${h.openBreaches}</span> still open</dd></div>
<div class="${tone(credits.length === 0, false)}"><dt>Credits owed</dt><dd class="credits">${
    credits.length === 0 ? html`<span class="big">none</span>` : credits.map(([currency, amount]) => html`<span><span class="big" data-credit="${currency}">${Number(amount.toFixed(2))}</span> ${currency}</span>`)
  }</dd>
<dd class="sub">${plural(r.recovery.remedies.length, 'standard', 'standards')} with remedies owed</dd></div>
</dl>
</section>
`;
}

function change(s: ReportStandard): Markup {
  if (s.kind === 'average' || s.kind === 'nps') {
    if (s.average === undefined || s.previousAverage === undefined) return html`–`;
    const d = s.average - s.previousAverage;
    const up = s.bound?.op !== '≤';
    const tone = d === 0 ? '' : d > 0 === up ? 'better' : 'worse';
    return html`<span class="${tone}">${d > 0 ? '▲ ' : d < 0 ? '▼ ' : ''}${changeText(s)}</span>`;
  }
  if (s.change === undefined) return html`–`;
  const tone = s.change > 0 ? 'better' : s.change < 0 ? 'worse' : '';
  return html`<span class="${tone}">${s.change > 0 ? '▲ ' : s.change < 0 ? '▼ ' : ''}${points(s.change)}</span>`;
}

function standardRow(s: ReportStandard, r: QuarterlyReport): Markup {
  const judged = s.met === undefined || s.breached === undefined ? undefined : s.met + s.breached;
  // SPEC §2: an average counts values and is judged by their mean, no record on its own
  const counts = judged === undefined ? (s.records === 0 ? 'nothing judged' : plural(s.records, 'value')) : judged === 0 ? 'nothing judged' : `${s.met} of ${judged} met`;
  const pending = s.pending > 0 ? `, ${s.pending} pending` : '';
  const own =
    s.periods.length > 1
      ? html`<span class="own-periods">${join(
          s.periods.map((p) => html`${p.period} ${STATUS_SIGN[p.status]} ${statusWords(p.status)}`),
          html`<br>`,
        )}</span>`
      : html``;
  return html`<tr id="standard_${s.id}">
<th scope="row"><code>${s.id}</code></th>
<td class="num"><strong>${figureOf(s)}</strong><span class="small">${counts}${pending}</span></td>
<td class="num">${s.bound !== undefined ? boundText(s.bound) : s.target === undefined ? '–' : formatShare(s.target)}</td>
<td class="num">${change(s)}<span class="small">${r.previous.key}: ${s.kind === 'average' ? (s.previousAverage === undefined ? '–' : s.previousAverage.toFixed(2)) : periodFigure(s, s.previousCompliance, s.previousAverage)}</span></td>
<td>${badge(s.status)}${own}</td>
<td class="text">${s.measure}</td>
</tr>`;
}

function promiseSection(p: ReportPromise, r: QuarterlyReport): Markup {
  const head = html`<div class="promise-head"><h3 id="promise_${p.id}_title"><code>${p.id}</code></h3>${badge(p.status)}</div>
<blockquote class="statement"><p>${p.statement}</p></blockquote>
<p class="facts">Owner <strong>${p.ownerName}</strong> · ${p.dimension}</p>
`;
  if (p.standards.length === 0) {
    return html`<article class="promise" id="promise_${p.id}" aria-labelledby="promise_${p.id}_title">
${head}<p>No standard measures this promise: it cannot be called kept.</p>
</article>
`;
  }
  const table = html`<div class="table-wrap"><table>
<thead><tr><th scope="col">standard</th><th scope="col" class="num">${r.period.key}</th><th scope="col" class="num">target</th><th scope="col" class="num">vs ${r.previous.key}</th><th scope="col">status</th><th scope="col">measure</th></tr></thead>
<tbody>
${join(
  p.standards.map((s) => standardRow(s, r)),
  '\n',
)}
</tbody></table></div>
`;
  const delivery = p.standards.filter((s) => distributionText(s) !== '');
  const deliveryText =
    delivery.length === 0 ? html`` : html`${delivery.map((s) => html`<p class="delivery">Delivery of <code>${s.id}</code>: ${distributionText(s)}.</p>\n`)}`;
  const charts = p.standards.flatMap((s) => {
    const dist = distributionChart(s, r.period.key);
    return dist === undefined ? [trendChart(s, r.period.kind)] : [trendChart(s, r.period.kind), dist];
  });
  return html`<article class="promise" id="promise_${p.id}" aria-labelledby="promise_${p.id}_title">
${head}${table}<div class="charts">
${charts}</div>
${deliveryText}</article>
`;
}

function scorecard(c: Scorecard): Markup {
  return html`<article class="card" id="owner_${c.name}">
<h3>${c.title}</h3>
<p class="id"><code>${c.name}</code></p>
<dl>
<dt>Promises kept</dt><dd>${c.kept} of ${c.promises}</dd>
<dd class="sub">${c.broken} broken · ${c.inProgress} in progress · ${c.unmeasured} unmeasured</dd>
<dt>Standards met</dt><dd>${c.standardsMet} of ${c.standards}</dd>
<dd class="sub">${c.standardsMissed} missed</dd>
<dt>Compliance</dt><dd>${percent(c.compliance)}</dd>
<dt>Breaches</dt><dd>${c.breaches}</dd>
</dl>
<p class="answers">Answers for ${c.promiseIds.length === 0 ? 'no promise' : join(c.promiseIds.map((id) => html`<code>${id}</code>`), ', ')}${c.standardIds.length === 0 ? '' : html`; standards ${join(c.standardIds.map((id) => html`<code>${id}</code>`), ', ')}`}.</p>
</article>
`;
}

function dimensionTable(cards: readonly Scorecard[]): Markup {
  return html`<div class="table-wrap"><table>
<thead><tr><th scope="col">dimension</th><th scope="col" class="num">promises kept</th><th scope="col" class="num">broken</th><th scope="col" class="num">in progress</th><th scope="col" class="num">unmeasured</th><th scope="col" class="num">standards met</th><th scope="col" class="num">missed</th><th scope="col" class="num">compliance</th><th scope="col" class="num">breaches</th></tr></thead>
<tbody>
${cards.map(
  (c) =>
    html`<tr><th scope="row">${c.name}</th><td class="num">${c.kept} of ${c.promises}</td><td class="num">${c.broken}</td><td class="num">${c.inProgress}</td><td class="num">${c.unmeasured}</td><td class="num">${c.standardsMet} of ${c.standards}</td><td class="num">${c.standardsMissed}</td><td class="num">${percent(c.compliance)}</td><td class="num">${c.breaches}</td></tr>\n`,
)}</tbody></table></div>
`;
}

/** SPEC §6: each survey's expectation against perception, next to delivery, and what keeping a linked standard shows. */
function customerSection(r: QuarterlyReport): Markup {
  const c = r.customer;
  if (c === undefined) return html``;
  const previous = r.previous.key;
  const numeric = (i: number): string => (i === 0 ? '' : 'num');
  const tone = (v: number | undefined): string => (v === undefined || Math.abs(v) < 0.005 ? 'num' : v < 0 ? 'num worse' : 'num better');
  const surveys = c.surveys.map(
    (s) => html`<article class="survey" id="survey_${s.source}" aria-labelledby="survey_${s.source}_title">
<h3 id="survey_${s.source}_title"><code>${s.source}</code></h3>
${s.description === undefined ? html`` : html`<p class="facts">${s.description}. Answers on a ${s.scale[0]}–${s.scale[1]} scale.</p>
`}<p class="score" data-servqual="${s.source}">${servqualText(s, previous)}</p>
<div class="charts">${customerGapChart(s, r.period.key)}</div>
<div class="table-wrap"><table>
<caption>Expectation against perception, ${r.period.key}</caption>
<thead><tr>${CUSTOMER_HEAD(previous).map((h, i) => html`<th scope="col" class="${numeric(i)}">${h}</th>`)}</tr></thead>
<tbody>
${s.dimensions.map((d) => {
  const cells = customerCells(d);
  return html`<tr><th scope="row">${cells[0]}</th>${cells.slice(1).map((cell, i) => html`<td class="${i === 3 ? tone(d.gap) : i === 4 ? tone(d.weightedGap) : i === 5 ? tone(d.change) : 'num'}">${cell}</td>`)}</tr>
`;
})}</tbody></table></div>
</article>
`,
  );
  const links =
    c.links.length === 0
      ? html``
      : html`<h3 id="links-title">Does keeping the promise show?</h3>
<div class="table-wrap"><table aria-labelledby="links-title">
<thead><tr>${LINK_HEAD(previous).map((h, i) => html`<th scope="col" class="${i < 3 ? '' : 'num'}">${h}</th>`)}</tr></thead>
<tbody>
${c.links.map((l) => {
  const cells = customerLinkCells(l);
  return html`<tr><th scope="row"><code>${cells[0]}</code></th><td>${cells[1]}</td><td><code>${cells[2]}</code></td>${cells.slice(3).map((cell, i) => html`<td class="${i === 4 ? tone(l.difference) : i === 5 ? tone(l.change) : 'num'}">${cell}</td>`)}</tr>
`;
})}</tbody></table></div>
<ul class="links">
${c.links.map((l) => html`<li>${customerLinkText(l)}.</li>
`)}</ul>
`;
  return html`<section id="customer" aria-labelledby="customer-title">
<h2 id="customer-title">Customer gap</h2>
<p>${customerLede(r)}</p>
${c.surveys.length === 0 ? html`<p>No survey measures SERVQUAL dimensions.</p>
` : html``}${surveys}${links}</section>
`;
}

function breachRow(b: Breach, zone: string): Markup {
  return html`<tr><th scope="row"><code>${b.standard}</code></th><td class="mono">${b.record}</td><td class="num">${localTime(b.startMs, zone)}</td><td class="num">${localTime(b.dueMs, zone)}</td><td class="num">${b.open ? html`<span class="badge st-missed">open</span>` : localTime(b.endMs, zone)}</td><td class="num">${shortDuration(b.overSeconds)}</td><td class="mono">${whereOf(b)}</td></tr>\n`;
}

function recovery(r: QuarterlyReport): Markup {
  const rec = r.recovery;
  const worst =
    rec.worst.length === 0
      ? html`<p>No breaches in the period.</p>\n`
      : html`<div class="table-wrap"><table>
<caption>The ${plural(rec.worst.length, 'worst breach', 'worst breaches')}, by how late</caption>
<thead><tr><th scope="col">standard</th><th scope="col">record</th><th scope="col" class="num">started</th><th scope="col" class="num">due</th><th scope="col" class="num">done</th><th scope="col" class="num">late by</th><th scope="col">where</th></tr></thead>
<tbody>
${rec.worst.map((b) => breachRow(b, r.timezone))}</tbody></table></div>
`;
  const remedies =
    rec.remedies.length === 0
      ? html``
      : html`<div class="table-wrap"><table>
<caption>Remedies owed</caption>
<thead><tr><th scope="col">standard</th><th scope="col">remedy</th><th scope="col" class="num">breaches</th><th scope="col" class="num">credit each</th><th scope="col" class="num">credit owed</th></tr></thead>
<tbody>
${rec.remedies.map(
  (m) =>
    html`<tr><th scope="row"><code>${m.standard}</code></th><td class="text">${m.action}</td><td class="num">${m.breaches}</td><td class="num">${m.credit === undefined ? '–' : `${m.credit} ${m.currency ?? ''}`}</td><td class="num">${m.total === undefined ? '–' : `${Number(m.total.toFixed(2))} ${m.currency ?? ''}`}</td></tr>\n`,
)}</tbody></table></div>
<p class="total">Credits owed in all: ${formatCredits(rec.credits) || 'none'}.</p>
`;
  return html`<section id="recovery" aria-labelledby="recovery-title">
<h2 id="recovery-title">Service recovery</h2>
${worst}${remedies}</section>
`;
}

function structural(r: QuarterlyReport): Markup {
  const s = r.structural;
  const none = s.unmeasured.length + s.mismatches.length + s.dueForReview.length === 0;
  const list = (title: string, items: readonly Markup[]): Markup =>
    items.length === 0 ? html`` : html`<h3>${title} (${items.length})</h3>\n<ul class="findings">\n${items.map((i) => html`<li>${i}</li>\n`)}</ul>\n`;
  return html`<section id="structural" aria-labelledby="structural-title">
<h2 id="structural-title">Structural gaps</h2>
${none ? html`<p>None: every promise is measured, says what its standards measure, and is not due for review.</p>\n` : html``}${list(
    'Unmeasured promises',
    s.unmeasured.map((u) => html`<code>${u.promise}</code> <q>${u.statement}</q> has no standard: the standards gap.`),
  )}${list(
    'Statement mismatches',
    s.mismatches.map((m) => html`<code>${m.promise}</code>: ${m.message} <span class="small mono">${m.file}:${m.line}</span>`),
  )}${list(
    'Promises due for review',
    s.dueForReview.map((d) => html`${d.overdue ? html`<span class="badge st-missed">overdue</span>` : html`<span class="badge st-at-risk">due</span>`} ${d.reviewBy}: <code>${d.promise}</code> <q>${d.statement}</q>`),
  )}</section>
`;
}

function dataQuality(r: QuarterlyReport): Markup {
  const q = r.dataQuality;
  const shown = q.invalid.slice(0, INVALID_SHOWN);
  const invalid =
    q.invalid.length === 0
      ? html`<p>Every record in the period could be judged.</p>\n`
      : html`<div class="table-wrap"><table>
<caption>Records that could not be judged (${q.invalid.length})</caption>
<thead><tr><th scope="col">where</th><th scope="col">record</th><th scope="col">standard</th><th scope="col">why</th></tr></thead>
<tbody>
${shown.map((i) => html`<tr><td class="mono">${whereOf(i)}</td><td class="mono">${i.record}</td><td>${i.standard === undefined ? 'unreadable row' : html`<code>${i.standard}</code>`}</td><td class="text">${invalidReasonText(i)}</td></tr>\n`)}</tbody></table></div>
${q.invalid.length > INVALID_SHOWN ? html`<p>… and ${q.invalid.length - INVALID_SHOWN} more (<code>--format json</code> lists them all).</p>\n` : html``}`;
  return html`<section id="quality" aria-labelledby="quality-title">
<h2 id="quality-title">Data quality</h2>
<div class="table-wrap"><table>
<caption>Rows read per source</caption>
<thead><tr><th scope="col">source</th><th scope="col" class="num">files</th><th scope="col" class="num">rows</th><th scope="col" class="num">invalid rows</th><th scope="col" class="num">repeated keys</th></tr></thead>
<tbody>
${q.sources.map((s) => html`<tr><th scope="row"><code>${s.source}</code></th><td class="num">${s.files}</td><td class="num">${s.rows}</td><td class="num">${s.invalid}</td><td class="num">${s.duplicateKeys}</td></tr>\n`)}</tbody></table></div>
${clockNotes(q.sources).map((n) => html`<p>Note: ${n}.</p>\n`)}${invalid}</section>
`;
}

export function formatReportHtml(r: QuarterlyReport): string {
  const dims = dimensionChart(r.dimensions, r.period.key);
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="promise report">
<title>${r.registry}: service report ${r.period.key}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<div class="page">
${header(r)}<main>
${headline(r)}<section id="promises" aria-labelledby="promises-title">
<h2 id="promises-title">Promises</h2>
${r.promises.map((p) => promiseSection(p, r))}</section>
<section id="owners" aria-labelledby="owners-title">
<h2 id="owners-title">Owner scorecards</h2>
<div class="cards">
${r.owners.map(scorecard)}</div>
</section>
<section id="dimensions" aria-labelledby="dimensions-title">
<h2 id="dimensions-title">SERVQUAL dimensions</h2>
${dimensionTable(r.dimensions)}${dims === undefined ? html`` : html`<div class="charts">${dims}</div>\n`}</section>
${customerSection(r)}${recovery(r)}${structural(r)}${dataQuality(r)}</main>
<footer>${r.registry} · service report ${r.period.key} · as of ${localTime(r.asOfMs, r.timezone)} (${r.timezone}) · made by <code>promise report</code></footer>
</div>
</body>
</html>
`;
  return doc.text;
}
