/**
 * The HTML report as a reader gets it: each example's report opened from a file in headless
 * Chromium (Debian's `chromium` package, driven by playwright-core), on a desktop, on a phone
 * and in print. Screenshots and a PDF land in test-results/screenshots/ to be looked at.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, promise, REPO, tempDir } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(REPO, 'test-results', 'screenshots');
const EXAMPLES = ['retail-bank', 'airport', 'field-service'] as const;
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
/** the width between A4's printed margins (186 mm) in CSS pixels */
const A4_CONTENT_PX = Math.floor((186 / 25.4) * 96);
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

interface ReportJson {
  headline: Record<string, number | Record<string, number>>;
  promises: { standards: { distribution: { histogram: unknown } | null }[] }[];
  dimensions: unknown[];
  customer_gap?: {
    surveys: { survey: string; servqual: number | null; dimensions: { dimension: string; respondents: number; gap: number | null }[] }[];
    links: { standard: string; difference: number | null }[];
  };
}

/** What a page did while it was open: every request, and every console or page error. */
interface Opened {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
}

const MISSING = `${CHROMIUM} is missing: the browser test needs Debian's chromium package. Install it with \`apt-get update && apt-get install -y chromium\` (.ci/run does this).`;

let browser: Browser | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Without Chromium every test below fails with MISSING: never a silent skip.
  if (!existsSync(CHROMIUM)) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function open(file: string, options: BrowserContextOptions): Promise<Opened> {
  if (browser === undefined) throw new Error(existsSync(CHROMIUM) ? 'Chromium did not start' : MISSING);
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, requests, errors };
}

function report(example: string): { html: string; json: ReportJson } {
  const dir = tempDir('promise-report-');
  const html = join(dir, `${example}.html`);
  const args = ['report', '--registry', `examples/${example}`, '--as-of', AS_OF];
  const written = promise([...args, '--format', 'html', '--out', html]);
  expect(written.code, written.stderr).toBe(0);
  const json = promise([...args, '--format', 'json']);
  expect(json.code, json.stderr).toBe(0);
  return { html, json: JSON.parse(json.stdout) as ReportJson };
}

/** A trend per standard, a distribution per duration standard that judged anything, the dimension roll-up, a customer gap per survey. */
function expectedCharts(json: ReportJson): number {
  const standards = json.promises.flatMap((p) => p.standards);
  return standards.length + standards.filter((s) => s.distribution?.histogram != null).length + (json.dimensions.length > 0 ? 1 : 0) + (json.customer_gap?.surveys.length ?? 0);
}

async function expectOffline(o: Opened): Promise<void> {
  expect(o.requests.filter((u) => u !== o.url && !u.startsWith('data:'))).toEqual([]);
  expect(o.requests).toContain(o.url);
  expect(o.errors).toEqual([]);
  expect(await o.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).toEqual([]);
}

async function expectChartsVisible(page: Page, count: number, maxWidth: number): Promise<void> {
  const charts = page.locator('svg[role="img"]');
  expect(await charts.count()).toBe(count);
  for (const chart of await charts.all()) {
    await chart.scrollIntoViewIfNeeded();
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(50);
    expect(box?.width).toBeLessThanOrEqual(maxWidth);
    const named = await chart.evaluate((svg) => [svg.querySelector(':scope > title')?.textContent ?? '', svg.querySelector(':scope > desc')?.textContent ?? '']);
    expect(named[0]).not.toBe('');
    expect(named[1]).not.toBe('');
  }
}

it('finds Chromium where Debian installs it', () => {
  expect(existsSync(CHROMIUM), MISSING).toBe(true);
});

describe.each(EXAMPLES)('the HTML report of examples/%s in Chromium', (example) => {
  let html = '';
  let json: ReportJson;
  beforeAll(() => {
    ({ html, json } = report(example));
  }, 60_000);

  it('opens from a file with no request but itself and no error; its charts show; its headline is the JSON report\'s', { timeout: 60_000 }, async () => {
    const o = await open(html, DESKTOP);
    await expectOffline(o);
    await expectChartsVisible(o.page, expectedCharts(json), 600);

    const figures = Object.fromEntries(await o.page.locator('[data-headline]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-headline'), Number(e.textContent)])));
    const { credits, ...numbers } = json.headline;
    expect(figures).toEqual(numbers);
    const owed = Object.fromEntries(await o.page.locator('[data-credit]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-credit'), Number(e.textContent)])));
    expect(owed).toEqual(credits);

    await o.page.screenshot({ path: join(SHOTS, `${example}-desktop.png`), fullPage: true });
    await o.page.context().close();
  });

  it('reads on a phone: one column, no sideways scrolling of the page, tables scroll in their frame', { timeout: 60_000 }, async () => {
    const o = await open(html, PHONE);
    await expectOffline(o);
    const widths = await o.page.locator('html').evaluate((root) => ({ page: root.scrollWidth, view: root.clientWidth }));
    expect(widths.view).toBe(390);
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    const columns = await o.page.locator('.charts').first().evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(1);
    await expectChartsVisible(o.page, expectedCharts(json), 390);
    await o.page.screenshot({ path: join(SHOTS, `${example}-phone.png`), fullPage: true });
    await o.page.context().close();
  });

  it('prints on A4: the section links hidden, every chart still drawn', { timeout: 60_000 }, async () => {
    const o = await open(html, DESKTOP);
    await o.page.emulateMedia({ media: 'print' });
    expect(await o.page.locator('nav.toc').isVisible()).toBe(false);
    await expectChartsVisible(o.page, expectedCharts(json), 1280);
    await o.page.screenshot({ path: join(SHOTS, `${example}-print.png`), fullPage: true });
    const pdf = join(SHOTS, `${example}.pdf`);
    await o.page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectOffline(o);
    await o.page.context().close();
  });

  it('prints on A4 with every table inside the margins: paper does not scroll', { timeout: 60_000 }, async () => {
    // 210 mm less the 12 mm margins on each side, at 96 CSS pixels to the inch
    const o = await open(html, { viewport: { width: A4_CONTENT_PX, height: 1100 } });
    await o.page.emulateMedia({ media: 'print' });
    const cut = await o.page.locator('table').evaluateAll((tables) =>
      tables
        .filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1)
        .map((t) => `${t.closest('section')?.id ?? '?'}: ${t.querySelector('caption')?.textContent ?? t.querySelector('thead')?.textContent ?? ''} (${t.scrollWidth} px in ${t.parentElement?.clientWidth ?? 0} px)`),
    );
    expect(cut).toEqual([]);
    await o.page.context().close();
  });
});

/** The signed figure as the page writes it: `−0.40`, `+1.44`, `0.00`. */
const signed = (v: number | null): string => {
  if (v === null) return '–';
  const fixed = Math.abs(v).toFixed(2);
  return fixed === '0.00' ? '0.00' : `${v > 0 ? '+' : '−'}${fixed}`;
};

/** Elements of the section that stick out past its right edge (a table scrolls in its frame, so what is inside one is not counted). */
async function overflowing(page: Page): Promise<string[]> {
  return page.locator('#customer').evaluate((section) => {
    const edge = section.getBoundingClientRect().right + 0.5;
    return [...section.querySelectorAll('*')]
      .filter((el) => el.closest('.table-wrap') === null && el.getBoundingClientRect().right > edge)
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
  });
}

describe.each(['retail-bank', 'airport'] as const)('the customer-gap section of examples/%s in Chromium (SPEC §6)', (example) => {
  let html = '';
  let json: ReportJson;
  beforeAll(() => {
    ({ html, json } = report(example));
  }, 60_000);

  async function expectSection(page: Page, maxWidth: number): Promise<void> {
    const c = json.customer_gap;
    expect(c?.surveys.length).toBeGreaterThan(0);
    const section = page.locator('#customer');
    await section.scrollIntoViewIfNeeded();
    expect(await section.isVisible()).toBe(true);
    expect(await overflowing(page)).toEqual([]);
    for (const survey of c?.surveys ?? []) {
      const chart = page.locator(`#customer_${survey.survey} svg[role="img"]`);
      await chart.scrollIntoViewIfNeeded();
      expect(await chart.isVisible()).toBe(true);
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(250);
      expect(box?.width).toBeLessThanOrEqual(maxWidth);
      // its text alternative names every dimension with its gap, as the JSON has them
      const desc = await chart.evaluate((svg) => svg.querySelector(':scope > desc')?.textContent ?? '');
      for (const d of survey.dimensions) {
        expect(desc).toContain(d.dimension);
        if (d.gap !== null) expect(desc).toContain(`gap ${signed(d.gap)}`);
      }
      // the page's score is the JSON's
      expect(await page.locator(`[data-servqual="${survey.survey}"]`).textContent()).toContain(`SERVQUAL score ${signed(survey.servqual)}`);
      // the table's gap column holds the JSON's gaps, in SERVQUAL's order
      const gaps = await page.locator(`#survey_${survey.survey} tbody tr`).evaluateAll((rows) => rows.map((r) => r.children[4]?.textContent ?? ''));
      expect(gaps).toEqual(survey.dimensions.map((d) => signed(d.gap)));
    }
    const sentences = await page.locator('#customer ul.links li').allTextContents();
    expect(sentences).toHaveLength(c?.links.length ?? 0);
    for (const [i, l] of (c?.links ?? []).entries()) {
      expect(sentences[i]).toContain(l.standard);
      if (l.difference !== null) expect(sentences[i]).toContain(Math.abs(l.difference).toFixed(2));
    }
  }

  it('on a desktop: the chart, the score, the gaps and the comparison are the JSON report\'s, nothing sticks out', { timeout: 60_000 }, async () => {
    const o = await open(html, DESKTOP);
    await expectOffline(o);
    await expectSection(o.page, 600);
    await o.page.locator('#customer').screenshot({ path: join(SHOTS, `${example}-customer-desktop.png`) });
    await o.page.context().close();
  });

  it('on a phone: the chart fits the width and its labels are not tiny; the tables scroll in their frame', { timeout: 60_000 }, async () => {
    const o = await open(html, PHONE);
    await expectOffline(o);
    await expectSection(o.page, 390);
    // the labels of the dimensions are drawn at 11 CSS pixels or more
    const label = o.page.locator('#customer svg text.label').first();
    const height = (await label.boundingBox())?.height ?? 0;
    expect(height).toBeGreaterThanOrEqual(11);
    const widths = await o.page.locator('html').evaluate((root) => ({ page: root.scrollWidth, view: root.clientWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    await o.page.locator('#customer').screenshot({ path: join(SHOTS, `${example}-customer-phone.png`) });
    await o.page.context().close();
  });

  it('prints on A4: the section starts a page, its charts drawn, no part of it cut at the right', { timeout: 60_000 }, async () => {
    const o = await open(html, DESKTOP);
    await o.page.emulateMedia({ media: 'print' });
    expect(await o.page.locator('#customer').evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).breakBefore)).toBe('page');
    await expectSection(o.page, 1280);
    const pdf = join(SHOTS, `${example}-customer.pdf`);
    await o.page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectOffline(o);
    await o.page.context().close();
  });
});
