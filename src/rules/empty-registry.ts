import { locOfFile } from '../registry/locate.js';
import { ROOT_FILE } from '../registry/load.js';
import { say } from '../registry/messages.js';
import { finding, type Rule } from './types.js';

const messages = {
  noPromises: {
    message: 'the registry declares no promises',
    hint: 'add promises under `promises:` in any .yaml file below the root; `promise init` writes a working example',
  },
} as const;

export const emptyRegistry: Rule = {
  id: 'empty-registry',
  kind: 'lint',
  defaultSeverity: 'warning',
  description: 'The registry declares no promises at all.',
  messages,
  check({ registry }) {
    const declaresPromises = registry.promises.length > 0 || registry.references.some((r) => r.from === 'promises');
    // A registry whose promise.yaml did not load (no name) has a schema error to fix first.
    if (declaresPromises || registry.settings.name === '') return [];
    return [finding(locOfFile(ROOT_FILE), say(messages, 'noPromises', {}))];
  },
};
