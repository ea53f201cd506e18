import { about, finding, type Rule } from './types.js';

export const unmeasuredPromise: Rule = {
  id: 'unmeasured-promise',
  kind: 'lint',
  defaultSeverity: 'warning',
  description: 'A promise that no standard measures: it can never be reported as kept (the standards gap).',
  check({ registry, locate }) {
    const measured = new Set(registry.references.filter((r) => r.from === 'standards' && r.target === 'promises').map((r) => r.ref));
    return registry.promises
      .filter((p) => !measured.has(p.id))
      .map((p) =>
        finding(locate(p.at, ['id']), `promise "${p.id}" has no standard that measures it`, `add a standard with \`promise: ${p.id}\`; until then it is reported as unmeasured, never as kept`, about('promises', p.id)),
      );
  },
};
