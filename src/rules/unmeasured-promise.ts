import { say } from '../registry/messages.js';
import { about, finding, type Rule } from './types.js';

const messages = {
  unmeasured: {
    message: 'promise "{{promise}}" has no standard that measures it',
    hint: 'add a standard with `promise: {{promise}}`; until then it is reported as unmeasured, never as kept',
  },
} as const;

export const unmeasuredPromise: Rule = {
  id: 'unmeasured-promise',
  kind: 'lint',
  defaultSeverity: 'warning',
  description: 'A promise that no standard measures: it can never be reported as kept (the standards gap).',
  messages,
  check({ registry, locate }) {
    const measured = new Set(registry.references.filter((r) => r.from === 'standards' && r.target === 'promises').map((r) => r.ref));
    return registry.promises
      .filter((p) => !measured.has(p.id))
      .map((p) =>
        finding(locate(p.at, ['id']), say(messages, 'unmeasured', { promise: p.id }), about('promises', p.id)),
      );
  },
};
