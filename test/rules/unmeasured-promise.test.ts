import { describe, expect, it } from 'vitest';
import { at, lint } from '../helpers/memory-reader.js';
import { CALENDAR, durationStandard, OWNERS, promise, SOURCE } from './fixtures.js';

describe('unmeasured-promise', () => {
  it('passes a promise that a standard measures', async () => {
    const ds = await lint('unmeasured-promise', {
      'r.yaml': `${OWNERS}${CALENDAR}${SOURCE}promises:\n${promise('fast', 'We are fast.')}standards:\n${durationStandard('s', 'fast', '4h')}`,
    });
    expect(ds).toEqual([]);
  });

  it('flags a promise with no standard, at its id', async () => {
    const ds = await lint('unmeasured-promise', {
      'r.yaml': `${OWNERS}${SOURCE}promises:\n${promise('fast', 'We are fast.')}${promise('kind', 'We are kind.')}standards:\n${durationStandard('s', 'fast', '4h')}`,
    });
    expect(at(ds)).toEqual(['r.yaml:18:9 warning']);
  });

  it('can be raised to an error or turned off in promise.yaml', async () => {
    const files = { 'r.yaml': `${OWNERS}promises:\n${promise('kind', 'We are kind.')}` };
    expect(at(await lint('unmeasured-promise', files, { root: 'version: 1\nname: X\nrules:\n  unmeasured-promise: error\n' }))).toEqual(['r.yaml:10:9 error']);
    expect(await lint('unmeasured-promise', files, { root: 'version: 1\nname: X\nrules:\n  unmeasured-promise: off\n' })).toEqual([]);
  });
});
