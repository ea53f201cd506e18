import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { findingsByPromise } from '../../src/plan/promise-findings.js';
import type { Registry } from '../../src/registry/model.js';

const registry = { promises: [{ id: 'reply-fast' }, { id: 'resolve' }], standards: [{ id: 'email-reply', promise: 'reply-fast' }] } as unknown as Pick<Registry, 'promises' | 'standards'>;
const finding = (rule: string, entity: Diagnostic['entity'], line: number): Diagnostic =>
  ({ rule, severity: 'warning', messageId: 'mismatch', data: {}, message: '', file: 'promises.yaml', line, column: 1, endLine: line, endColumn: 2, entity }) as Diagnostic;

describe('findingsByPromise', () => {
  it('ties a finding to its promise by entity, or by the promise of its standard, whatever its line', () => {
    const found = findingsByPromise(
      registry,
      [
        finding('statement-mismatch', { collection: 'promises', id: 'resolve', field: 'statement' }, 900),
        finding('statement-mismatch', { collection: 'standards', id: 'email-reply', field: 'measure.within' }, 3),
        finding('stale-promise', { collection: 'promises', id: 'resolve', field: 'review_by' }, 4),
        finding('statement-mismatch', { collection: 'promises', id: 'gone', field: 'statement' }, 5),
        finding('statement-mismatch', undefined, 6),
      ],
      'statement-mismatch',
    );
    expect(found.map((f) => [f.promise, f.line])).toEqual([
      ['resolve', 900],
      ['reply-fast', 3],
    ]);
  });
});
