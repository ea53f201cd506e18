/**
 * The sample ticket log `promise init` writes: the 13 weeks before --as-of, office-hours
 * arrivals, log-normal response and resolution times, the newest tickets still open.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isWeekend } from 'date-fns/isWeekend';
import { seededRandom } from './random.js';

export const SAMPLE_COLUMNS = ['ticket_id', 'channel', 'priority', 'opened_at', 'first_response_at', 'resolved_at', 'csat', 'subject'] as const;

const SUBJECTS = [
  'Where is my order?',
  'Refund for a returned item',
  'Change of delivery address',
  'Damaged parcel',
  'Invoice copy, please',
  'Discount code did not work',
  'Question about warranty',
  'Cancel my subscription',
];

function iso(ms: number, zone: string): string {
  return format(new TZDate(ms, zone), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

function cell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function sampleTicketLog(asOf: Date, zone: string, seed = 20260701): string {
  const random = seededRandom(seed);
  const rows: string[] = [SAMPLE_COLUMNS.join(',')];
  const asOfMs = asOf.getTime();
  const firstDay = addDays(new TZDate(asOfMs, zone), -91);
  let n = 0;
  for (let day = 0; day < 91; day++) {
    const date = addDays(firstDay, day);
    const perDay = isWeekend(date) ? random.int(0, 2) : random.int(2, 6);
    for (let i = 0; i < perDay; i++) {
      const opened = new TZDate(date.getFullYear(), date.getMonth(), date.getDate(), random.int(7, 19), random.int(0, 59), random.int(0, 59), zone).getTime();
      if (opened >= asOfMs) continue;
      n++;
      const channel = random.next() < 0.7 ? 'email' : 'phone';
      const priority = random.next() < 0.15 ? 'high' : 'normal';
      const firstResponse = opened + random.logNormal(channel === 'phone' ? 0.1 : 5, 0.9) * 3_600_000;
      const resolved = firstResponse + random.logNormal(40, 0.8) * 3_600_000;
      const csat = random.next() < 0.4 ? '' : String(Math.min(5, Math.max(1, Math.round(random.logNormal(4.2, 0.2)))));
      rows.push(
        [
          `T${String(1000 + n).padStart(6, '0')}`,
          channel,
          priority,
          iso(opened, zone),
          firstResponse < asOfMs ? iso(firstResponse, zone) : '',
          resolved < asOfMs ? iso(resolved, zone) : '',
          resolved < asOfMs ? csat : '',
          cell(random.pick(SUBJECTS)),
        ].join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}
