/**
 * The HTML charter as a customer gets it: opened from a file in headless Chromium (Debian's
 * `chromium`, driven by playwright-core), on a desktop, on a phone and in print. Screenshots and
 * a PDF land in test-results/screenshots/ to be looked at.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, promise, REPO, tempDir } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(REPO, 'test-results', 'screenshots');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const MISSING = `${CHROMIUM} is missing: the browser test needs Debian's chromium package. Install it with \`apt-get update && apt-get install -y chromium\` (.ci/run does this).`;

const CASES = [
  ['retail-bank', '2026-Q3'],
  ['airport', 'FY2027-Q2'],
] as const;

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
}

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

async function expectOffline(o: Opened): Promise<void> {
  expect(o.requests.filter((u) => u !== o.url && !u.startsWith('data:'))).toEqual([]);
  expect(o.requests).toContain(o.url);
  expect(o.errors).toEqual([]);
  expect(await o.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).toEqual([]);
}

/** Every promise's statement is shown, inside the page's width. */
async function expectPromisesShown(page: Page, count: number, maxWidth: number): Promise<void> {
  const statements = page.locator('.promise .statement');
  expect(await statements.count()).toBe(count);
  for (const s of await statements.all()) {
    await s.scrollIntoViewIfNeeded();
    expect(await s.isVisible()).toBe(true);
    const box = await s.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(maxWidth);
  }
}

it('finds Chromium where Debian installs it', () => {
  expect(existsSync(CHROMIUM), MISSING).toBe(true);
});

describe.each(CASES)('the HTML charter of examples/%s with the results of %s in Chromium', (example, period) => {
  let file = '';
  let promises = 0;
  beforeAll(() => {
    file = join(tempDir('promise-charter-'), `${example}-charter.html`);
    const r = promise(['charter', '--registry', `examples/${example}`, '--as-of', AS_OF, '--with-results', period, '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    promises = [...readFileSync(file, 'utf8').matchAll(/<li class="promise"/g)].length;
    expect(promises).toBeGreaterThan(0);
  }, 60_000);

  it('opens from a file with no request but itself and no console error; every promise is shown with its status', { timeout: 60_000 }, async () => {
    const o = await open(file, DESKTOP);
    await expectOffline(o);
    expect(await o.page.locator('html').getAttribute('lang')).toBe('en');
    await expectPromisesShown(o.page, promises, 1280);
    const badges = await o.page.locator('.promise[data-status] > .results > p > .badge').count();
    expect(badges).toBe(promises);
    await o.page.screenshot({ path: join(SHOTS, `charter-${example}-desktop.png`), fullPage: true });
    await o.page.context().close();
  });

  it('reads on a phone: no sideways scrolling, statements inside the screen, text no smaller than 12px', { timeout: 60_000 }, async () => {
    const o = await open(file, PHONE);
    await expectOffline(o);
    const widths = await o.page.locator('html').evaluate((root) => ({ page: root.scrollWidth, view: root.clientWidth }));
    expect(widths.view).toBe(390);
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    await expectPromisesShown(o.page, promises, 390);
    const smallest = await o.page.locator('body').evaluate((body) => {
      const view = body.ownerDocument.defaultView;
      const sizes = Array.from(body.querySelectorAll('*') as unknown as ArrayLike<typeof body>)
        .filter((e) => (e.textContent ?? '').trim() !== '')
        .map((e) => parseFloat(view?.getComputedStyle(e).fontSize ?? '0'));
      return Math.min(...sizes);
    });
    expect(smallest).toBeGreaterThanOrEqual(12);
    await o.page.screenshot({ path: join(SHOTS, `charter-${example}-phone.png`), fullPage: true });
    await o.page.context().close();
  });

  it('prints on A4: a PDF, every promise still shown, none split across pages by its style', { timeout: 60_000 }, async () => {
    const o = await open(file, DESKTOP);
    await o.page.emulateMedia({ media: 'print' });
    await expectPromisesShown(o.page, promises, 1280);
    const unbroken = await o.page.locator('.promise').first().evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).breakInside);
    expect(unbroken).toBe('avoid');
    const pdf = join(SHOTS, `charter-${example}.pdf`);
    await o.page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 is 595 x 842 points: every page of the PDF is A4, as the page's @page rule asks
    const boxes = [...bytes.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) {
      expect(Math.abs((w ?? 0) - 595)).toBeLessThan(1);
      expect(Math.abs((h ?? 0) - 842)).toBeLessThan(1);
    }
    await expectOffline(o);
    await o.page.context().close();
  });
});
