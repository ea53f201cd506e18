/**
 * A large ticket log for the benchmark, in the shape of the examples: about 120 bytes a row,
 * ISO 8601 timestamps with offsets, some empty cells, some quoted fields. Seeded, so the same
 * row count gives the same bytes on every machine; written in blocks, never held whole.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../src/init/random.js';

export const BENCH_COLUMNS = ['ticket_id', 'channel', 'priority', 'segment', 'opened_at', 'first_response_at', 'resolved_at', 'due_at', 'csat', 'subject'] as const;

/** The moment the benchmark evaluates at: the log runs up to it, the newest tickets still open. */
export const BENCH_AS_OF = '2026-11-16T00:00:00Z';

const START = Date.parse('2026-01-01T00:00:00Z');
const END = Date.parse(BENCH_AS_OF);
// Europe/Berlin in 2026: summer time from 29 March to 25 October, 01:00 UTC
const SUMMER_FROM = Date.parse('2026-03-29T01:00:00Z');
const SUMMER_TO = Date.parse('2026-10-25T01:00:00Z');

const SUBJECTS = ['Order status', 'Refund', '"Urgent": card blocked', 'Address, new', 'Invoice', 'Damaged, parcel', 'Contract', 'Cancel'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Berlin local time with its offset, the way exports write it: 2026-07-01T09:15:00+02:00. */
function berlin(ms: number): string {
  const summer = ms >= SUMMER_FROM && ms < SUMMER_TO;
  const d = new Date(ms + (summer ? 2 : 1) * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${summer ? '+02:00' : '+01:00'}`;
}

function cell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes `rows` data rows (and the header) to `path`; returns the bytes written. */
export async function writeBenchLog(path: string, rows: number, seed = 20261116): Promise<number> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  let block: string[] = [BENCH_COLUMNS.join(',')];
  const step = (END - START) / rows;
  const flush = async (): Promise<void> => {
    const text = `${block.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    block = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  for (let i = 0; i < rows; i++) {
    const opened = Math.floor(START + i * step + random.next() * step);
    const r = random.next();
    const channel = r < 0.55 ? 'email' : r < 0.8 ? 'phone' : r < 0.95 ? 'web' : 'chat';
    const p = random.next();
    const priority = p < 0.05 ? 'P1' : p < 0.25 ? 'P2' : p < 0.85 ? 'P3' : 'P4';
    const s = random.next();
    const segment = s < 0.05 ? 'vip' : s < 0.85 ? 'std' : 'biz';
    const firstMs = opened + Math.round(random.logNormal(channel === 'phone' ? 0.4 : 3, 1.1) * 3_600_000);
    const resolvedMs = firstMs + Math.round(random.logNormal(30, 1) * 3_600_000);
    const dueMs = opened + 5 * 86_400_000;
    const csat = random.next() < 0.4 ? '' : String(1 + Math.min(4, Math.floor(random.logNormal(3.6, 0.35))));
    block.push(
      [
        `T${pad(i + 1, 8)}`,
        channel,
        priority,
        segment,
        berlin(opened),
        firstMs < END ? berlin(firstMs) : '',
        resolvedMs < END ? berlin(resolvedMs) : '',
        // a due date alone: due by the end of that day
        random.next() < 0.03 ? '' : berlin(dueMs).slice(0, 10),
        resolvedMs < END ? csat : '',
        cell(random.pick(SUBJECTS)),
      ].join(','),
    );
    if (block.length >= 10_000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return bytes;
}
