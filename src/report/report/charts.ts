/**
 * The report's charts as inline SVG, drawn from the report's data: a trend per standard, the
 * delivery distribution of a duration standard, and the promises of each SERVQUAL dimension.
 * Each is an `<svg role="img">` with a <title> and a <desc> that states the figures, so the
 * chart reads without its picture; ids are made from standard ids, joined with `_`, which no
 * registry id holds, so they never collide and the same input gives the same bytes. Colour is never the only carrier: statuses also differ in shape and words.
 */
import type { PeriodKind, PeriodStatus } from '../../model/evaluation.js';
import { formatShare } from '../shared/describe.js';
import { boundText, elapsedText, hasLimitByValue, hasSingleTimeLimit } from '../shared/figures.js';
import { shortDuration } from '../shared/time.js';
import { coord, linear, niceDomain, niceStep, stepDecimals, ticksOf, timeTicks, timeUnitFor } from './chart-scale.js';
import type { ReportStandard, ReportSurvey, Scorecard } from './data.js';
import { npsFigure, scoreText, signedText } from '../shared/figures.js';
import { html, join, type Markup } from './markup.js';

export const STATUS_COLOUR: Record<PeriodStatus, string> = {
  met: '#1a7f37',
  missed: '#cf222e',
  'on-track': '#0969da',
  'at-risk': '#9a6700',
  'no-data': '#6e7781',
};

export const statusWords = (s: PeriodStatus): string => s.replace('-', ' ');

const INK = '#24292f';
const GRID = '#d8dee4';
const BAR = '#4d7cb5';
const REALISTIC = '#bc4c00';

/** The column an average standard averages, or an NPS standard scores. */
const averagedColumn = (s: ReportStandard): string | undefined => (s.definition.kind === 'average' || s.definition.kind === 'nps' ? s.definition.of : undefined);


function figure(id: string, caption: string, description: string, width: number, height: number, body: Markup): Markup {
  return html`<figure class="chart" id="${id}"><figcaption>${caption}</figcaption>
<svg role="img" aria-labelledby="${id}_title ${id}_desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMinYMin meet">
<title id="${id}_title">${caption}</title>
<desc id="${id}_desc">${description}</desc>
${body}
</svg></figure>
`;
}

function marker(x: number, y: number, status: PeriodStatus): Markup {
  const c = STATUS_COLOUR[status];
  const [cx, cy] = [coord(x), coord(y)];
  switch (status) {
    case 'met':
      return html`<circle cx="${cx}" cy="${cy}" r="4.5" fill="${c}"/>`;
    case 'missed':
      return html`<path d="M${coord(x)} ${coord(y - 6)}L${coord(x + 6)} ${cy}L${cx} ${coord(y + 6)}L${coord(x - 6)} ${cy}Z" fill="${c}"/>`;
    case 'on-track':
      return html`<circle cx="${cx}" cy="${cy}" r="4" fill="#fff" stroke="${c}" stroke-width="2"/>`;
    case 'at-risk':
      return html`<path d="M${cx} ${coord(y - 6)}L${coord(x + 6)} ${coord(y + 5)}L${coord(x - 6)} ${coord(y + 5)}Z" fill="${c}"/>`;
    case 'no-data':
      return html``;
  }
}

function legendSwatch(x: number, y: number, status: PeriodStatus): Markup {
  return html`${marker(x, y, status)}<text x="${coord(x + 10)}" y="${coord(y + 4)}" class="legend">${statusWords(status)}</text>`;
}

/** The statuses a chart shows, side by side from x. */
function legendRow(x: number, statuses: readonly PeriodStatus[]): Markup[] {
  let at = x;
  return statuses.map((st) => {
    const swatch = legendSwatch(at, 12, st);
    at += 10 + textWidth(statusWords(st), 12) + 12;
    return swatch;
  });
}

/** About how wide a label is drawn, in user units: enough to keep it inside the chart and off other marks. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.64;
}

/**
 * The last four periods of the report's length against the target: compliance in %, for an
 * average the mean against its bound, for an NPS the score (−100 to 100) against its bound. A
 * period with nothing judged is a gap in the line.
 */
export function trendChart(s: ReportStandard, kind: PeriodKind): Markup {
  const W = 420;
  const H = 240;
  const left = 56;
  const right = W - 14;
  const top = 34;
  const bottom = H - 54;
  const bound = s.bound;
  const column = averagedColumn(s);
  const nps = s.kind === 'nps';
  const byValue = s.kind === 'average' || nps;
  const value = (t: ReportStandard['trend'][number]): number | undefined => (byValue ? t.average : t.compliance === undefined ? undefined : t.compliance * 100);
  const values = s.trend.map(value).filter((v): v is number => v !== undefined);

  let domain: { lo: number; hi: number; ticks: number[]; step: number };
  let reference: number | undefined;
  if (byValue) {
    reference = bound?.value;
    const all = reference === undefined ? values : [...values, reference];
    const lo = all.length === 0 ? 0 : Math.min(...all);
    const hi = all.length === 0 ? 1 : Math.max(...all);
    const pad = (hi - lo) * 0.2 || Math.abs(hi) * 0.1 || (nps ? 10 : 1);
    // an NPS lies within −100..100: the axis does not run past either end
    domain = nps ? niceDomain(Math.max(-100, lo - pad), Math.min(100, hi + pad), 4) : niceDomain(lo - pad, hi + pad, 4);
  } else {
    reference = (s.target ?? 1) * 100;
    const lo = Math.min(reference, ...values);
    // SPEC §4 reads compliance against the target: start the axis a little below the lowest figure, at a round ten.
    const floor = lo >= 50 ? Math.max(0, Math.floor((lo - 5) / 10) * 10) : 0;
    domain = niceDomain(floor, 100, 5);
  }
  const decimals = s.kind === 'average' ? Math.max(1, stepDecimals(domain.step)) : stepDecimals(domain.step);
  const y = linear(domain.lo, domain.hi, bottom, top);
  const slot = (right - left) / s.trend.length;
  const x = (i: number): number => left + slot * (i + 0.5);
  const unit = byValue ? '' : '%';
  const label = (v: number): string => (nps ? npsFigure(v) : s.kind === 'average' ? v.toFixed(2) : `${v.toFixed(1)}%`);

  const grid = domain.ticks.map(
    (t) => html`<line x1="${left}" x2="${right}" y1="${coord(y(t))}" y2="${coord(y(t))}" stroke="${GRID}"/><text x="${left - 6}" y="${coord(y(t) + 4)}" text-anchor="end" class="tick">${t.toFixed(decimals)}${unit}</text>`,
  );
  const segments: string[] = [];
  let run: string[] = [];
  s.trend.forEach((t, i) => {
    const v = value(t);
    if (v === undefined) {
      if (run.length > 1) segments.push(run.join('L'));
      run = [];
      return;
    }
    run.push(`${coord(x(i))} ${coord(y(v))}`);
  });
  if (run.length > 1) segments.push(run.join('L'));
  const line = segments.length === 0 ? html`` : html`<path d="${segments.map((d) => `M${d}`).join('')}" fill="none" stroke="${INK}" stroke-width="1.5"/>`;
  const points = s.trend.map((t, i) => {
    const v = value(t);
    const tick = html`<text x="${coord(x(i))}" y="${bottom + 18}" text-anchor="middle" class="tick">${t.period}</text>`;
    if (v === undefined) return html`${tick}<text x="${coord(x(i))}" y="${bottom - 6}" text-anchor="middle" class="note">no data</text>`;
    const py = y(v);
    // The figure above its point, unless that leaves the plot or sits on the target line: then below.
    const clear = (ly: number): boolean => ly >= 30 && ly <= bottom - 2 && (reference === undefined || Math.abs(ly - 4 - y(reference)) >= 9);
    const ly = [py - 10, py + 19].find(clear) ?? (py - top < 18 ? py + 19 : py - 10);
    return html`${tick}${marker(x(i), py, t.status)}<text x="${coord(x(i))}" y="${coord(ly)}" text-anchor="middle" class="value">${label(v)}</text>`;
  });
  const targetLine =
    reference === undefined || reference < domain.lo || reference > domain.hi
      ? html``
      : html`<line x1="${left}" x2="${right}" y1="${coord(y(reference))}" y2="${coord(y(reference))}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="6 4"/>`;
  const targetWords = bound !== undefined ? `bound ${boundText(bound)}` : s.target === undefined ? s.limit : `target ${formatShare(s.target)}`;
  const shown = [...new Set(s.trend.map((t) => t.status).filter((st) => st !== 'no-data'))];
  const targetWidth = textWidth(targetWords, 12);
  const legend = html`<line x1="${coord(right - targetWidth - 30)}" x2="${coord(right - targetWidth - 6)}" y1="12" y2="12" stroke="${INK}" stroke-width="1.5" stroke-dasharray="6 4"/><text x="${right}" y="16" text-anchor="end" class="legend">${targetWords}</text>${legendRow(left + 6, shown)}`;
  const what = nps ? `NPS${column === undefined ? '' : ` of ${column}`}` : s.kind === 'average' ? `mean${column === undefined ? '' : ` ${column}`}` : 'compliance';
  const caption = `${s.id}: ${what} over the last four ${kind}s`;
  const figures = s.trend.map((t) => {
    const v = value(t);
    return v === undefined ? `${t.period} no data` : `${t.period} ${label(v)} (${statusWords(t.status)})`;
  });
  const description = `${nps ? `Net Promoter Score${column === undefined ? '' : ` of ${column}`} (−100 to 100) per ${kind} against the ${targetWords}` : s.kind === 'average' ? `Mean${column === undefined ? '' : ` ${column}`} per ${kind} against the ${targetWords}` : `Compliance per ${kind} against the ${targetWords}`}: ${figures.join('; ')}.`;
  const axes = html`<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="${INK}"/><line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${INK}"/>
<text x="${coord((left + right) / 2)}" y="${H - 10}" text-anchor="middle" class="axis-title">${kind}</text>
<text transform="translate(15 ${coord((top + bottom) / 2)}) rotate(-90)" text-anchor="middle" class="axis-title">${nps ? 'NPS' : s.kind === 'average' ? what : 'compliance (%)'}</text>`;
  return figure(`trend_${s.id}`, caption, description, W, H, html`${grid}${axes}${targetLine}${line}${points}${legend}`);
}

/** "promised: 24h", or for a limit that varies by record, the typical allowance it comes to. */
function promisedWords(s: ReportStandard, promised: number): string {
  if (hasSingleTimeLimit(s.definition)) return `promised: ${s.limit}`;
  const allowance = elapsedText(promised, s.distribution?.clock, 'cell');
  // a limit by value is too long for the label: the allowance it typically comes to stands for it
  return hasLimitByValue(s.definition) ? `promised: typically ${allowance}` : `promised: ${s.limit} (≈ ${allowance})`;
}

/**
 * How long delivery took in the period: records per bin of elapsed time (open time on a
 * calendar), the overflow bin past the last, and the promised and the realistic limit marked.
 */
export function distributionChart(s: ReportStandard, periodKey: string): Markup | undefined {
  const d = s.distribution;
  const h = d?.histogram;
  if (d === undefined || h === undefined || h.counts.length === 0) return undefined;
  const W = 420;
  const H = 256;
  const left = 56;
  const right = W - 12;
  const top = 50;
  const bottom = H - 54;
  const bins = h.counts.length;
  const gap = 1.5;
  const overWidth = 2;
  const bw = (right - left) / (bins + gap + overWidth);
  const xTime = linear(0, h.upperSeconds, left, left + bins * bw);
  const unit = timeUnitFor(h.upperSeconds);
  const most = Math.max(h.over, ...h.counts, 1);
  const yd = niceDomain(0, most, 4);
  const yStep = Math.max(1, yd.step);
  const yTicks = ticksOf(0, Math.ceil(yd.hi / yStep) * yStep, yStep);
  const yTop = yTicks.at(-1) ?? most;
  const y = linear(0, yTop, bottom, top);
  const records = h.counts.reduce((a, b) => a + b, 0) + h.over;
  const binSeconds = h.upperSeconds / bins;

  const grid = yTicks.map(
    (t) => html`<line x1="${left}" x2="${right}" y1="${coord(y(t))}" y2="${coord(y(t))}" stroke="${GRID}"/><text x="${left - 6}" y="${coord(y(t) + 4)}" text-anchor="end" class="tick">${t}</text>`,
  );
  const bars = h.counts.map((n, i) =>
    n === 0 ? html`` : html`<rect x="${coord(left + i * bw + 0.5)}" y="${coord(y(n))}" width="${coord(bw - 1)}" height="${coord(bottom - y(n))}" fill="${BAR}"/>`,
  );
  const overX = left + (bins + gap) * bw;
  const upperText = `${Number((h.upperSeconds / unit.seconds).toFixed(2))}${unit.symbol}`;
  const overBar =
    h.over === 0
      ? html``
      : html`<rect x="${coord(overX + 0.5)}" y="${coord(y(h.over))}" width="${coord(overWidth * bw - 1)}" height="${coord(bottom - y(h.over))}" fill="url(#${`dist_${s.id}_hatch`})" stroke="${BAR}"/>`;
  const xTicks = timeTicks(h.upperSeconds, unit, 6).map((t) => {
    const tx = coord(xTime(t * unit.seconds));
    return html`<line x1="${tx}" x2="${tx}" y1="${bottom}" y2="${bottom + 4}" stroke="${INK}"/><text x="${tx}" y="${bottom + 18}" text-anchor="middle" class="tick">${t}</text>`;
  });
  const overLabel = html`<text x="${coord(overX + (overWidth * bw) / 2)}" y="${bottom + 18}" text-anchor="middle" class="tick">&gt; ${upperText}</text>`;

  // Two labelled lines over two rows of labels. Each label goes the way away from the other
  // line where it fits; a label that must still cross the other line takes the top row, above
  // where that line starts.
  const candidates = [
    d.promisedSeconds === undefined ? undefined : { seconds: d.promisedSeconds, words: promisedWords(s, d.promisedSeconds), colour: INK, dash: '6 4' },
    d.realisticSeconds === undefined ? undefined : { seconds: d.realisticSeconds, words: `realistic: ${formatShare(s.target ?? 1)} within ${elapsedText(d.realisticSeconds, d.clock, 'cell')}`, colour: REALISTIC, dash: '' },
  ].filter((m) => m !== undefined);
  const xs = candidates.map((m) => xTime(Math.min(m.seconds, h.upperSeconds)));
  const placed = candidates.map((m, i) => {
    const mx = xs[i] as number;
    const other = xs[1 - i];
    const width = textWidth(m.words, 12.5);
    const fitsRight = mx + 4 + width <= W - 2;
    const fitsLeft = mx - 4 - width >= 2;
    const wantLeft = other !== undefined ? other > mx : !fitsRight;
    const anchorEnd = wantLeft ? fitsLeft || !fitsRight : !fitsRight && fitsLeft;
    // Where it fits neither way, it is kept inside the chart and crosses its own line.
    const tx = anchorEnd ? Math.max(mx - 4, width + 2) : Math.min(mx + 4, W - 2 - width);
    const [x0, x1] = anchorEnd ? [tx - width, tx] : [tx, tx + width];
    return { ...m, mx, tx, anchorEnd, crossesOwn: mx >= x0 - 2 && mx <= x1 + 2, crosses: other !== undefined && other >= x0 - 2 && other <= x1 + 2 };
  });
  const topFirst = placed.length === 2 && (placed[1] as { crosses: boolean }).crosses && !(placed[0] as { crosses: boolean }).crosses ? [1, 0] : [0, 1];
  const marks = placed.map((m, i) => {
    const onTop = topFirst.indexOf(i) === 0;
    const ty = onTop ? 14 : 31;
    // A label over its own line heads it instead; where the lower label crosses the upper line
    // too, that line starts below it.
    const lowerCrosses = onTop && placed.length === 2 && (placed[1 - i] as { crosses: boolean }).crosses;
    const y1 = m.crossesOwn ? ty + 4 : lowerCrosses ? 35 : ty - 11;
    return html`<line x1="${coord(m.mx)}" x2="${coord(m.mx)}" y1="${y1}" y2="${bottom}" stroke="${m.colour}" stroke-width="2"${m.dash === '' ? html`` : html` stroke-dasharray="${m.dash}"`}/><text x="${coord(m.tx)}" y="${ty}" text-anchor="${m.anchorEnd ? 'end' : 'start'}" class="mark" fill="${m.colour}">${m.words}</text>`;
  });
  const markWords = placed.map((m) => m.words);

  const timeWords = s.calendar === undefined ? 'elapsed time' : `open time on ${s.calendar}`;
  const caption = `${s.id}: delivery times in ${periodKey}`;
  const description =
    `${records} judged records in ${bins} bins of ${shortDuration(binSeconds)} of ${timeWords} from 0 to ${upperText}, and ${h.over} over ${upperText}. ` +
    `Half within ${elapsedText(d.p50Seconds, d.clock)}, 90% within ${elapsedText(d.p90Seconds, d.clock)}. ${markWords.join('; ')}. ` +
    `Records per bin: ${h.counts.join(', ')}.`;
  const axes = html`<defs><pattern id="${`dist_${s.id}_hatch`}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#fff"/><line x1="0" y1="0" x2="0" y2="5" stroke="${BAR}" stroke-width="3"/></pattern></defs>
<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="${INK}"/><line x1="${left}" x2="${coord(left + bins * bw)}" y1="${bottom}" y2="${bottom}" stroke="${INK}"/><line x1="${coord(overX)}" x2="${coord(overX + overWidth * bw)}" y1="${bottom}" y2="${bottom}" stroke="${INK}"/>
<text x="${coord(left + (bins * bw) / 2)}" y="${H - 10}" text-anchor="middle" class="axis-title">${timeWords} (${unit.name})</text>
<text transform="translate(15 ${coord((top + bottom) / 2)}) rotate(-90)" text-anchor="middle" class="axis-title">records</text>`;
  return figure(`dist_${s.id}`, caption, description, W, H, html`${axes}${grid}${bars}${overBar}${xTicks}${overLabel}${marks}`);
}

const PROMISE_PARTS = [
  { key: 'kept', words: 'kept', colour: STATUS_COLOUR.met },
  { key: 'broken', words: 'broken', colour: STATUS_COLOUR.missed },
  { key: 'inProgress', words: 'in progress', colour: STATUS_COLOUR['on-track'] },
  { key: 'unmeasured', words: 'unmeasured', colour: STATUS_COLOUR['no-data'] },
] as const;

/** The promises of each SERVQUAL dimension, as bars of kept, broken, in progress and unmeasured. */
export function dimensionChart(cards: readonly Scorecard[], periodKey: string): Markup | undefined {
  if (cards.length === 0) return undefined;
  const W = 420;
  const left = 124;
  const right = W - 96;
  const top = 50;
  const row = 28;
  const bottom = top + cards.length * row;
  const H = bottom + 44;
  const most = Math.max(1, ...cards.map((c) => c.promises));
  const step = Math.max(1, Math.round(niceStep(most, 4)));
  const ticks = ticksOf(0, Math.ceil(most / step) * step, step);
  const x = linear(0, ticks.at(-1) ?? most, left, right);
  const grid = ticks.map(
    (t) => html`<line x1="${coord(x(t))}" x2="${coord(x(t))}" y1="${top}" y2="${bottom}" stroke="${GRID}"/><text x="${coord(x(t))}" y="${bottom + 18}" text-anchor="middle" class="tick">${t}</text>`,
  );
  const rows = cards.map((c, i) => {
    const ry = top + i * row + 4;
    let at = 0;
    const parts = PROMISE_PARTS.map((p) => {
      const n = c[p.key];
      if (n === 0) return html``;
      const x0 = x(at);
      const x1 = x(at + n);
      at += n;
      const fill = p.key === 'broken' ? `url(#dimensions_hatch)` : p.colour;
      return html`<rect x="${coord(x0)}" y="${ry}" width="${coord(x1 - x0)}" height="${row - 8}" fill="${fill}" stroke="${p.colour}"/>`;
    });
    return html`<text x="${left - 6}" y="${ry + 14}" text-anchor="end" class="label">${c.name}</text>${parts}<text x="${coord(x(at) + 6)}" y="${ry + 14}" class="value">${c.kept} of ${c.promises} kept</text>`;
  });
  // Two rows of two, so the legend fits a phone's width too.
  const legend = PROMISE_PARTS.map((p, i) => {
    const lx = 8 + (i % 2) * 150;
    const ly = 6 + Math.floor(i / 2) * 18;
    return html`<rect x="${lx}" y="${ly}" width="12" height="12" fill="${p.key === 'broken' ? 'url(#dimensions_hatch)' : p.colour}" stroke="${p.colour}"/><text x="${lx + 17}" y="${ly + 10.5}" class="legend">${p.words}</text>`;
  });
  const description = `Promises per SERVQUAL dimension in ${periodKey}: ${cards
    .map((c) => `${c.name} ${c.kept} kept, ${c.broken} broken, ${c.inProgress} in progress, ${c.unmeasured} unmeasured of ${c.promises}`)
    .join('; ')}.`;
  const axes = html`<defs><pattern id="dimensions_hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${STATUS_COLOUR.missed}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>
<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="${INK}"/><line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${INK}"/>
<text x="${coord((left + right) / 2)}" y="${H - 10}" text-anchor="middle" class="axis-title">promises (count)</text>`;
  return figure('dimensions_chart', `Promises kept per SERVQUAL dimension, ${periodKey}`, description, W, H, html`${axes}${grid}${join(rows, '\n')}${legend}`);
}

function diamond(x: number, y: number): Markup {
  return html`<path d="M${coord(x)} ${coord(y - 6)}L${coord(x + 6)} ${coord(y)}L${coord(x)} ${coord(y + 6)}L${coord(x - 6)} ${coord(y)}Z" fill="#fff" stroke="${INK}" stroke-width="2"/>`;
}

function dot(x: number, y: number): Markup {
  return html`<circle cx="${coord(x)}" cy="${coord(y)}" r="5" fill="${INK}"/>`;
}

/**
 * SPEC §6: a survey's expectation against perception per SERVQUAL dimension over the period, on
 * its answer scale. Expectation is a hollow diamond, perception a filled dot, joined by a bar;
 * the gap is written beside each row with its sign, so nothing rests on the bar's colour.
 */
export function customerGapChart(s: ReportSurvey, periodKey: string): Markup {
  // narrower than the other charts, with larger type (see #customer in the stylesheet), so that
  // it reads on a phone's width without zooming
  const W = 340;
  const left = 116;
  const right = W - 62;
  const top = 56;
  const row = 32;
  const bottom = top + s.dimensions.length * row;
  const H = bottom + 46;
  const [lo, hi] = s.scale;
  const x = linear(lo, hi, left, right);
  const step = hi - lo <= 10 ? 1 : niceStep(hi - lo, 6);
  const grid = ticksOf(lo, hi, step).map(
    (t) => html`<line x1="${coord(x(t))}" x2="${coord(x(t))}" y1="${top}" y2="${bottom}" stroke="${GRID}"/><text x="${coord(x(t))}" y="${bottom + 18}" text-anchor="middle" class="tick">${t}</text>`,
  );
  const rows = s.dimensions.map((d, i) => {
    const cy = top + i * row + row / 2;
    const label = html`<text x="${left - 8}" y="${coord(cy + 5)}" text-anchor="end" class="label">${d.dimension}</text>`;
    if (d.perception === undefined) return html`${label}<text x="${left + 6}" y="${coord(cy + 5)}" class="note">no responses</text>`;
    const p = x(d.perception);
    const e = d.expectation === undefined ? undefined : x(d.expectation);
    const bar =
      e === undefined
        ? html``
        : html`<line x1="${coord(e)}" x2="${coord(p)}" y1="${coord(cy)}" y2="${coord(cy)}" stroke="${(d.gap ?? 0) < 0 ? STATUS_COLOUR.missed : STATUS_COLOUR.met}" stroke-width="5"/>`;
    const gap = d.gap !== undefined ? signedText(d.gap) : d.asksExpectation ? '–' : 'P only';
    return html`${label}${bar}${e === undefined ? html`` : diamond(e, cy)}${dot(p, cy)}<text x="${right + 10}" y="${coord(cy + 5)}" class="value">${gap}</text>`;
  });
  const legend = html`${diamond(10, 14)}<text x="22" y="19" class="legend">expectation (E)</text>${dot(160, 14)}<text x="171" y="19" class="legend">perception (P)</text><text x="${right + 10}" y="${top - 24}" class="axis-title">gap</text><text x="${right + 10}" y="${top - 8}" class="tick">P − E</text>`;
  const figures = s.dimensions.map((d) => {
    if (d.perception === undefined) return `${d.dimension} no responses`;
    const e = d.expectation === undefined ? (d.asksExpectation ? ', no expectation answered' : ' (perception only)') : `, expectation ${scoreText(d.expectation)}`;
    const gap = d.gap === undefined ? '' : `, gap ${signedText(d.gap)} (${d.gap < 0 ? 'below' : d.gap > 0 ? 'above' : 'at'} expectation)`;
    return `${d.dimension} perception ${scoreText(d.perception)}${e}${gap}`;
  });
  const description = `Mean expectation and perception per SERVQUAL dimension in ${periodKey}, on the ${lo} to ${hi} answer scale: ${figures.join('; ')}.`;
  const axes = html`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${INK}"/>
<text x="${coord((left + right) / 2)}" y="${H - 8}" text-anchor="middle" class="axis-title">mean answer (${lo} to ${hi})</text>`;
  const id = `customer_${s.source}`;
  return figure(id, `${s.source}: expectation against perception, ${periodKey}`, description, W, H, html`${grid}${axes}${join(rows, '\n')}${legend}`);
}
