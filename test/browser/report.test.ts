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
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

interface ReportJson {
  headline: Record<string, number | Record<string, number>>;
  promises: { standards: { distribution: { histogram: unknown } | null }[] }[];
  dimensions: unknown[];
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

/** A trend per standard, a distribution per duration standard that judged anything, the dimension roll-up. */
function expectedCharts(json: ReportJson): number {
  const standards = json.promises.flatMap((p) => p.standards);
  return standards.length + standards.filter((s) => s.distribution?.histogram != null).length + (json.dimensions.length > 0 ? 1 : 0);
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
});
