import { describe, expect, it } from 'vitest';
import { at, lint } from '../helpers/memory-reader.js';
import { OWNERS, promise } from './fixtures.js';

const files = { 'p.yaml': `${OWNERS}promises:\n${promise('fast', 'We are fast.', '    review_by: 2026-09-30\n')}${promise('kind', 'We are kind.')}` };

describe('stale-promise', () => {
  it('passes on and before the review date', async () => {
    expect(await lint('stale-promise', files, { asOf: new Date('2026-09-30T21:59:59Z') })).toEqual([]);
  });

  it('flags the day after, in the registry timezone, at review_by', async () => {
    // 22:00 UTC on 30 September is already 1 October in Europe/Berlin.
    expect(at(await lint('stale-promise', files, { asOf: new Date('2026-09-30T22:00:00Z') }))).toEqual(['p.yaml:14:16 warning']);
  });

  it('ignores promises without review_by', async () => {
    const ds = await lint('stale-promise', files, { asOf: new Date('2030-01-01T00:00:00Z') });
    expect(ds.map((d) => d.message)).toEqual(['promise "fast" was due for review on 2026-09-30']);
  });
});
