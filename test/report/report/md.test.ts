import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReportMd, INVALID_SHOWN } from '../../../src/report/report/md.js';
import { HOSTILE, quarterlyReport } from './report-fixture.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

describe('report as Markdown', () => {
  it('matches the golden file', async () => {
    await expect(formatReportMd(quarterlyReport())).toMatchFileSnapshot(golden('report.md'));
  });

  it('gives the headline, then a section per promise in id order', () => {
    const text = formatReportMd(quarterlyReport());
    expect(text).toContain('- **Promises kept: 2 of 5** (1 broken, 0 in progress, 2 unmeasured)\n');
    expect(text).toContain('- **Breaches: 50** (3 still open)\n');
    expect(text).toContain('- **Credits owed: 480 EUR, 50 GBP**\n');
    const headings = text.split('\n').filter((l) => l.startsWith('### '));
    expect(headings).toHaveLength(5);
    expect(text.indexOf('`competent-advice`')).toBeLessThan(text.indexOf('`courteous-staff`'));
    expect(text).toContain('No standard measures this promise: it cannot be called kept.');
  });

  it('shows an average as its mean, no data as a dash, and a monthly standard with its months', () => {
    const text = formatReportMd(quarterlyReport());
    expect(text).toContain('| advice-rating | mean score ≥ 4.2 | ≥ 4.2 | mean 4.31 | +0.13 | met |');
    expect(text).toContain('2025-Q4 – → 2026-Q1 93.1% → 2026-Q2 91.3% → 2026-Q3 88.0%');
    expect(text).toContain('missed (2026-07: met, 2026-08: missed, 2026-09: met)');
  });

  it('lists the first invalid records and counts the rest', () => {
    const text = formatReportMd(quarterlyReport());
    const listed = text.split('\n').filter((l) => l.startsWith('- `logs/'));
    expect(listed).toHaveLength(INVALID_SHOWN);
    expect(text).toContain(`- … and ${53 - INVALID_SHOWN} more (\`--format json\` lists them all)`);
  });

  it('lets no markup from the logs through', () => {
    const text = formatReportMd(quarterlyReport());
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script>alert("pwned")&lt;/script> & co');
    expect(HOSTILE).toContain('<script>');
  });

  it('says when the period is still running', () => {
    expect(formatReportMd(quarterlyReport({ finished: false }))).toContain('The period is still running: its figures are not final.');
    expect(formatReportMd(quarterlyReport())).not.toContain('still running');
  });
});
