import { locOfFile } from '../registry/locate.js';
import { ROOT_FILE } from '../registry/load.js';
import { finding, type Rule } from './types.js';

export const emptyRegistry: Rule = {
  id: 'empty-registry',
  kind: 'lint',
  defaultSeverity: 'warning',
  description: 'The registry declares no promises at all.',
  check({ registry }) {
    const declaresPromises = registry.promises.length > 0 || registry.references.some((r) => r.from === 'promises');
    // A registry whose promise.yaml did not load (no name) has a schema error to fix first.
    if (declaresPromises || registry.settings.name === '') return [];
    return [finding(locOfFile(ROOT_FILE), 'the registry declares no promises', 'add promises under `promises:` in any .yaml file below the root; `promise init` writes a working example')];
  },
};
