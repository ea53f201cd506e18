/**
 * Which promise a finding is about: its entity, or the promise of the standard it is about. The
 * report lists statement mismatches under their promise by this, never by where they sit in a file.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Registry } from '../registry/model.js';

export function findingsByPromise<D extends Diagnostic>(registry: Pick<Registry, 'promises' | 'standards'>, diagnostics: readonly D[], rule: string): (D & { promise: string })[] {
  const promiseOfStandard = new Map(registry.standards.map((s) => [s.id, s.promise]));
  const promises = new Set(registry.promises.map((p) => p.id));
  return diagnostics
    .filter((d) => d.rule === rule)
    .flatMap((d) => {
      const entity = d.entity;
      const promise = entity?.collection === 'promises' ? entity.id : entity?.collection === 'standards' ? promiseOfStandard.get(entity.id) : undefined;
      return promise === undefined || !promises.has(promise) ? [] : [{ ...d, promise }];
    });
}
