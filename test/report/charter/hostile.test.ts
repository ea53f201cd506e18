/** Text from the registry reaches the charter only as text: markup escaped, control characters made harmless. */
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/report/charter/data.js';
import { CHARTER_FORMATS } from '../../../src/report/charter/index.js';

const HOSTILE = 'We reply <script>alert(1)</script><img src=x onerror=alert(2)> & "fast"\u001b[2J\u0007\u202e|within| 1 business day.\nNew line';

function hostileCharter(): Charter {
  return {
    registry: `Acme <b>Bank</b>\u001b]0;pwned\u0007`,
    timezone: 'Europe/Berlin',
    asOfMs: Date.parse('2026-11-16T08:00:00Z'),
    period: { kind: 'quarter', key: '2026-Q3', startMs: Date.parse('2026-06-30T22:00:00Z'), endMs: Date.parse('2026-09-30T22:00:00Z') },
    finished: true,
    groups: [
      {
        audience: '<i>all</i> customers\u001b[31m',
        groups: [
          {
            channels: ['web<site>', 'app"\u0000'],
            promises: [
              {
                id: 'reply',
                statement: HOSTILE,
                dimension: 'responsiveness',
                remedies: [{ action: 'A <a href="javascript:alert(3)">credit</a>\u009b31m', credit: 10, currency: 'EUR' }],
                results: {
                  status: 'kept',
                  standards: [{ id: 'reply-time', label: 'Replies <u>on time</u>\u2066', status: 'met', compliance: 0.95, target: 0.9, average: undefined, bound: undefined, periods: [] }],
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('hostile registry text in the charter', () => {
  it('HTML: every value is escaped, and no control character is left in the page', () => {
    const page = CHARTER_FORMATS.html(hostileCharter());
    expect(page).not.toMatch(/<script|<img|<a |<b>|<i>|<u>|javascript:alert\(3\)">/);
    expect(page).toContain('We reply &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &quot;fast&quot;');
    expect(page).toContain('web&lt;site&gt;');
    // the C0 controls a document cannot carry become U+FFFD
    expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(page.match(/<script/g)).toBeNull();
  });

  it('Markdown: no HTML gets through, control characters are shown as escapes, a statement stays on its line', () => {
    const text = CHARTER_FORMATS.md(hostileCharter());
    expect(text).not.toMatch(/<script|<img|<a |<b>|<i>|<u>/);
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(text).toContain('\\x1b[2J');
    expect(text).toContain('\\u202e');
    const statementLine = text.split('\n').find((l) => l.startsWith('- **We reply'));
    expect(statementLine).toContain('New line**');
    expect(statementLine).toContain('\\|within\\|');
  });
});
