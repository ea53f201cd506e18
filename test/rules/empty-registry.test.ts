import { describe, expect, it } from 'vitest';
import { at, lint } from '../helpers/memory-reader.js';
import { OWNERS, promise } from './fixtures.js';

describe('empty-registry', () => {
  it('flags a registry without promises, at promise.yaml', async () => {
    expect(at(await lint('empty-registry', {}))).toEqual(['promise.yaml:1:1 warning']);
    expect(at(await lint('empty-registry', { 'o.yaml': OWNERS }))).toEqual(['promise.yaml:1:1 warning']);
  });
  it('passes once a promise is declared', async () => {
    expect(await lint('empty-registry', { 'o.yaml': `${OWNERS}promises:\n${promise('p', 'x')}` })).toEqual([]);
  });
});
