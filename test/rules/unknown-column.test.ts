import { describe, expect, it } from 'vitest';
import { at, lint } from '../helpers/memory-reader.js';
import { OWNERS, promise, SOURCE } from './fixtures.js';

const files = {
  'r.yaml': `${OWNERS}${SOURCE}promises:\n${promise('p', 'x')}standards:
  - id: s
    promise: p
    source: tickets
    where: { channel: email, any: [{ segment: vip }, { not: { tier: gold } }] }
    measure:
      kind: duration
      from: opened_at
      to: closed_at
      within: 4h
      per: priority
      paused: waiting_minutes
    target: 95%
    period: quarter
`,
};
const HEADER = ['ticket_id', 'channel', 'segment', 'tier', 'opened_at', 'closed_at', 'priority', 'waiting_minutes'];

describe('unknown-column', () => {
  it('passes when every named column is in the header', async () => {
    expect(await lint('unknown-column', files, { headers: { tickets: [HEADER] } })).toEqual([]);
  });

  it('says nothing when the logs are not there', async () => {
    expect(await lint('unknown-column', files, { headers: { tickets: [] } })).toEqual([]);
    expect(await lint('unknown-column', files)).toEqual([]);
  });

  it('flags each missing column at the value or key that names it, as an error', async () => {
    const header = HEADER.filter((c) => !['closed_at', 'tier', 'ticket_id', 'waiting_minutes'].includes(c)).concat(['closed_dt', 'id']);
    const ds = await lint('unknown-column', files, { headers: { tickets: [header] } });
    expect(at(ds)).toEqual(['r.yaml:12:10 error', 'r.yaml:22:63 error', 'r.yaml:26:11 error', 'r.yaml:29:15 error']);
    expect(ds.find((d) => d.line === 26)?.hint).toBe('did you mean "closed_dt"?');
    expect(ds.find((d) => d.line === 29)?.hint).toMatch(/^the header has:/);
  });

  it('names the files that lack a column when a source has several', async () => {
    const other = HEADER.filter((c) => c !== 'segment');
    const ds = await lint('unknown-column', files, { headers: { tickets: [HEADER, other, other] } });
    expect(ds.map((d) => d.message)).toEqual([
      'standard "s" names column "segment", which the headers of 2 of 3 log files lack (logs/tickets-2.csv, logs/tickets-3.csv)',
    ]);
  });

  it('flags a column the header names twice, at each reference that reads it, naming the file and both positions', async () => {
    const header = [...HEADER, 'channel', 'ticket_id'];
    const ds = await lint('unknown-column', files, { headers: { tickets: [header] } });
    // the key (sources.yaml) and the standard's where: channel
    expect(at(ds)).toEqual(['r.yaml:12:10 error', 'r.yaml:22:14 error']);
    expect(ds.map((d) => d.message)).toEqual([
      'source "tickets" names column "ticket_id", which the header of logs/tickets-1.csv has twice (columns 1 and 10): which one is meant is not known',
      'standard "s" names column "channel", which the header of logs/tickets-1.csv has twice (columns 2 and 9): which one is meant is not known',
    ]);
    expect(ds[0]?.hint).toMatch(/rename/);
  });

  it('says nothing of a repeated column that no standard and no key reads', async () => {
    expect(await lint('unknown-column', files, { headers: { tickets: [[...HEADER, 'notes', 'notes', '', '']] } })).toEqual([]);
  });

  it('names the first file of several whose header repeats the column, and how many do', async () => {
    const twice = [...HEADER, 'segment', 'segment'];
    const ds = await lint('unknown-column', files, { headers: { tickets: [HEADER, twice, twice] } });
    expect(ds.map((d) => d.message)).toEqual([
      'standard "s" names column "segment", which the header of logs/tickets-2.csv has 3 times (columns 3, 9 and 10), and 1 other log file repeats it too: which one is meant is not known',
    ]);
  });
});
