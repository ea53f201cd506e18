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
    const promises = text.slice(text.indexOf('## Promises'), text.indexOf('## Owner scorecards'));
    const headings = promises.split('\n').filter((l) => l.startsWith('### '));
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

  it('shows an NPS as a score in whole points, its change in points, its trend as scores (SPEC §6)', () => {
    const text = formatReportMd(quarterlyReport());
    expect(text).toContain('| advice-nps | NPS of would_recommend ≥ 30 | ≥ 30 | NPS +32 | +8 | met | 2025-Q4 – → 2026-Q1 NPS +35 → 2026-Q2 NPS +25 → 2026-Q3 NPS +32 |');
  });

  it('has a customer-gap section: per dimension expectation, perception, gaps, change and delivery; the score; met against breached', () => {
    const text = formatReportMd(quarterlyReport());
    const section = text.slice(text.indexOf('## Customer gap'), text.indexOf('## Service recovery'));
    expect(section).toContain('SERVQUAL score −0.81, weighted −0.66 (2026-Q2: −1.02, weighted −0.70; change +0.21).');
    expect(section).toContain('| reliability | 212 | 6.41 | 5.09 | −1.32 | −0.42 | −0.22 | 96.0% | 1 of 2 |');
    expect(section).toContain('| tangibles | 205 | not asked | 5.42 | – | – | – | – | – |');
    expect(section).toContain('| complaint-resolution | reliability | servqual-complaints | 180 | 5.31 | 32 | 3.86 | +1.45 | +0.25 |');
    expect(section).toContain('- Customers whose record met complaint-resolution rated reliability 1.45 points higher than those whose record breached it (5.31 from 180 responses against 3.86 from 32 responses).');
    expect(formatReportMd(quarterlyReport({ customer: undefined }))).not.toContain('## Customer gap');
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
