import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatReportHtml } from '../../../src/report/report/html.js';
import { REPORT_FORMATS } from '../../../src/report/report/index.js';
import { escapeHtml } from '../../../src/report/shared/escape.js';
import { HOSTILE, quarterlyReport } from './report-fixture.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const page = formatReportHtml(quarterlyReport());
const svgs = [...page.matchAll(/<svg\b[^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0]);
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('report as HTML', () => {
  it('is the default --format, ahead of md and json', () => {
    expect(Object.keys(REPORT_FORMATS)).toEqual(['html', 'md', 'json']);
  });

  it('matches the golden file, and is the same bytes for the same report', async () => {
    await expect(page).toMatchFileSnapshot(golden('report.html'));
    expect(formatReportHtml(quarterlyReport())).toBe(page);
  });

  it('is one document with its style inline', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).toContain('@media print');
    expect(page).toContain('@page { size: A4;');
    expect(page).toContain('@media (max-width: 700px)');
  });

  it('runs no script and loads nothing: no network reference, no external resource', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/https?:\/\//i);
    expect(page).not.toMatch(/@import/i);
    expect(page).not.toMatch(/\ssrc\s*=/i);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed|image|use)\b/i);
    expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    const hrefs = [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^#[a-z][a-z0-9-]*$/);
    for (const url of page.matchAll(/url\(([^)]*)\)/g)) expect(url[1]).toMatch(/^#[a-z0-9_-]+$/);
    for (const font of page.matchAll(/font-family:([^;]*);/g)) expect(font[1]).not.toMatch(/url|@font-face/);
  });

  it('writes a value from the logs only escaped', () => {
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain('alert("pwned")');
    expect(page).toContain(escapeHtml(HOSTILE));
    expect(page).toContain('<h1>Acme Bank &amp; Trust <span class="period">2026-Q3</span></h1>');
    expect(page).toContain('24 hours &lt;guaranteed&gt;.</p></blockquote>');
    expect(page).toContain('Complaints &quot;Tiger&quot; Team');
    expect(page).toContain('logs/tickets &amp; co.csv:9');
    // every ampersand starts an entity
    expect(page.replace(/<style>[\s\S]*?<\/style>/, '')).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
  });

  it('gives every id once, and each chart a title and a description that name it', () => {
    const ids = [...page.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(svgs).toHaveLength(9);
    for (const svg of svgs) {
      expect(attr(svg, 'role')).toBe('img');
      const [titleId, descId] = (attr(svg, 'aria-labelledby') ?? '').split(' ');
      expect(svg).toMatch(new RegExp(`^<svg [^>]*>\\n<title id="${titleId}">[^<]+</title>\\n<desc id="${descId}">[^<]+</desc>`));
      expect(XMLValidator.validate(svg)).toBe(true);
    }
    const charts = [...page.matchAll(/<figure class="chart" id="([^"]+)">/g)].map((m) => m[1]);
    expect(charts).toEqual([
      'trend_advice-nps',
      'trend_advice-rating',
      'trend_repair-by-promised-date',
      'trend_email-first-response',
      'dist_email-first-response',
      'trend_complaint-resolution',
      'dist_complaint-resolution',
      'dimensions_chart',
      'customer_servqual-complaints',
    ]);
  });

  it('states the figures of each chart in its description, with gaps where nothing was judged', () => {
    const desc = (id: string): string => new RegExp(`<desc id="${id}_desc">([^<]*)</desc>`).exec(page)?.[1] ?? '';
    expect(desc('trend_email-first-response')).toBe(
      'Compliance per quarter against the target 90%: 2025-Q4 no data; 2026-Q1 93.1% (met); 2026-Q2 91.3% (met); 2026-Q3 88.0% (missed).',
    );
    expect(desc('trend_advice-rating')).toBe('Mean score per quarter against the bound ≥ 4.2: 2025-Q4 no data; 2026-Q1 4.29 (met); 2026-Q2 4.18 (missed); 2026-Q3 4.31 (met).');
    expect(desc('trend_repair-by-promised-date')).toContain('2026-Q3 no data.');
    expect(desc('dist_email-first-response')).toContain('400 judged records in 24 bins of 1h 20m of elapsed time from 0 to 32h, and 27 over 32h.');
    expect(desc('dist_email-first-response')).toContain('promised: 24h; realistic: 90% within 1d 2h.');
    expect(desc('dist_complaint-resolution')).toContain('of open time on branch-hours');
    // open time reads as hours of open time, never as days (1d 18h would read as wall-clock)
    expect(desc('dist_complaint-resolution')).toContain('promised: 5bd (≈ 32h open); realistic: 95% within 42h open.');
    expect(desc('dist_complaint-resolution')).toContain('Half within 18h 13m of open time, 90% within 41h 19m of open time.');
    expect(desc('dimensions_chart')).toContain('reliability 1 kept, 0 broken, 0 in progress, 1 unmeasured of 2');
  });

  it('draws the trend as a line broken at no-data periods, with the target dashed', () => {
    const svg = (id: string): string => svgs.find((s) => s.includes(`<title id="${id}_title">`)) ?? '';
    const lines = (id: string): string[] => [...svg(id).matchAll(/<path d="([^"]*)" fill="none"/g)].map((m) => m[1] ?? '');
    // one run of three points after the no-data quarter
    expect(lines('trend_email-first-response').map((d) => d.split('M').length - 1)).toEqual([1]);
    expect(lines('trend_email-first-response')[0]?.split('L')).toHaveLength(3);
    // 90% in Q4, two quarters of nothing, 96% in Q3: two points and no line between them
    expect(lines('trend_complaint-resolution')).toEqual([]);
    expect(svg('trend_complaint-resolution').match(/>no data</g)).toHaveLength(2);
    expect(svg('trend_email-first-response')).toMatch(/stroke-dasharray="6 4"/);
    expect(svg('trend_email-first-response')).toContain('>compliance (%)</text>');
    expect(svg('trend_email-first-response')).toContain('>quarter</text>');
    expect(svg('dist_email-first-response')).toContain('>elapsed time (hours)</text>');
    expect(svg('dist_email-first-response')).toContain('>&gt; 32h</text>');
    expect(svg('dist_email-first-response')).toContain('>records</text>');
  });

  it('carries the headline figures in data attributes named as in the JSON', () => {
    const figures = Object.fromEntries([...page.matchAll(/data-headline="([a-z_]+)">(\d+)</g)].map((m) => [m[1], Number(m[2])]));
    expect(figures).toEqual({
      promises_kept: 2,
      promises_made: 5,
      promises_broken: 1,
      promises_in_progress: 0,
      promises_unmeasured: 2,
      standards_met: 2,
      standards: 4,
      standards_missed: 1,
      breaches: 50,
      open_breaches: 3,
    });
    const credits = Object.fromEntries([...page.matchAll(/data-credit="([A-Z]+)">([\d.]+)</g)].map((m) => [m[1], Number(m[2])]));
    expect(credits).toEqual({ EUR: 480, GBP: 50 });
  });

  it('says status in words and signs as well as colour', () => {
    expect(page).toContain('<span class="badge st-missed">✗ missed</span>');
    expect(page).toContain('<span class="badge st-kept">✓ kept</span>');
    expect(page).toContain('<span class="badge st-no-data">– no data</span>');
    expect(page).toContain('<span class="badge st-unmeasured">? unmeasured</span>');
    expect(page).toContain('2026-08 ✗ missed');
  });

  it('lists the first invalid records with file and line, and counts the rest', () => {
    const rows = page.slice(page.indexOf('Records that could not be judged'));
    expect(rows.match(/<td class="mono">logs\/[^<]+:\d+<\/td>/g)).toHaveLength(50);
    expect(rows).toContain('… and 3 more (<code>--format json</code> lists them all).');
    expect(rows).toContain('<td>unreadable row</td>');
  });

  it('draws an NPS trend as the score against its bound, in whole points (SPEC §6), not as a mean', () => {
    const svg = svgs.find((x) => x.includes('<title id="trend_advice-nps_title">')) ?? '';
    expect(svg).toContain('<title id="trend_advice-nps_title">advice-nps: NPS of would_recommend over the last four quarters</title>');
    expect(svg).toContain('Net Promoter Score of would_recommend (−100 to 100) per quarter against the bound ≥ 30: 2025-Q4 no data; 2026-Q1 +35 (met); 2026-Q2 +25 (missed); 2026-Q3 +32 (met).');
    expect(svg).toContain('>NPS</text>');
    const row = page.slice(page.indexOf('<tr id="standard_advice-nps">'), page.indexOf('</tr>', page.indexOf('<tr id="standard_advice-nps">')));
    expect(row).toContain('<strong>NPS +32</strong>');
    expect(row).toContain('▲ +8');
    expect(row).toContain('2026-Q2: NPS +25');
  });

  describe('the customer gap (SPEC §6)', () => {
    const section = page.slice(page.indexOf('<section id="customer"'), page.indexOf('</section>', page.indexOf('<section id="customer"')));
    const chart = svgs.find((x) => x.includes('<title id="customer_servqual-complaints_title">')) ?? '';

    it('is a section after the SERVQUAL dimensions, linked from the contents', () => {
      expect(page).toContain('<li><a href="#customer">Customer gap</a></li>');
      expect(page.indexOf('id="dimensions"')).toBeLessThan(page.indexOf('id="customer"'));
      expect(page.indexOf('id="customer"')).toBeLessThan(page.indexOf('id="recovery"'));
      expect(formatReportHtml(quarterlyReport({ customer: undefined }))).not.toContain('Customer gap');
    });

    it('draws expectation against perception per dimension, and says every figure in the chart\'s text', () => {
      expect(chart).toContain(
        '<desc id="customer_servqual-complaints_desc">Mean expectation and perception per SERVQUAL dimension in 2026-Q3, on the 1 to 7 answer scale: reliability perception 5.09, expectation 6.41, gap −1.32 (below expectation); responsiveness perception 5.31, expectation 6.18, gap −0.87 (below expectation); assurance perception 5.81, expectation 6.05, gap −0.24 (below expectation); empathy no responses; tangibles perception 5.42 (perception only).</desc>',
      );
      // the shapes carry E and P, and the gap is written: colour carries nothing alone
      expect(chart.match(/<path d="M[^"]*Z" fill="#fff" stroke="#24292f"/g)).toHaveLength(4);
      expect(chart.match(/<circle [^>]*r="5" fill="#24292f"\/>/g)).toHaveLength(5);
      for (const word of ['expectation (E)', 'perception (P)', '−1.32', 'P only', 'no responses']) expect(chart).toContain(`>${word}</text>`);
    });

    it('gives per dimension the gap, the weighted gap, the change and the delivery; the SERVQUAL score against the period before', () => {
      expect(section).toContain('<p class="score" data-servqual="servqual-complaints">SERVQUAL score −0.81, weighted −0.66 (2026-Q2: −1.02, weighted −0.70; change +0.21)</p>');
      expect(section).toContain('<tr><th scope="row">reliability</th><td class="num">212</td><td class="num">6.41</td><td class="num">5.09</td><td class="num worse">−1.32</td><td class="num worse">−0.42</td><td class="num worse">−0.22</td><td class="num">96.0%</td><td class="num">1 of 2</td></tr>');
      expect(section).toContain('<td class="num">not asked</td>');
    });

    it('compares met against breached per linked standard, in a table and in words', () => {
      expect(section).toContain('<h3 id="links-title">Does keeping the promise show?</h3>');
      expect(section).toContain('<td class="num better">+1.45</td>');
      expect(section).toContain('<li>Customers whose record met complaint-resolution rated reliability 1.45 points higher than those whose record breached it (5.31 from 180 responses against 3.86 from 32 responses).</li>');
      expect(section).toContain('<li>repair-by-promised-date: no response in the period is about a record it met or breached.</li>');
    });

    it('escapes a survey\'s description', () => {
      expect(section).toContain('SERVQUAL after a complaint &lt;closed&gt; &amp; &quot;resolved&quot;.');
    });
  });

  it('says when the period is still running, and shows the structural gaps', () => {
    expect(formatReportHtml(quarterlyReport({ finished: false }))).toContain('<strong>The period is still running:</strong> its figures are not final.');
    expect(page).not.toContain('still running');
    expect(page).toContain('<h3>Unmeasured promises (1)</h3>');
    expect(page).toContain('<h3>Statement mismatches (1)</h3>');
    expect(page).toContain('<span class="badge st-missed">overdue</span> 2026-10-31');
    expect(page).toContain('<span class="badge st-at-risk">due</span> 2027-01-31');
  });
});
