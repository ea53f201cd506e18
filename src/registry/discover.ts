/** Finding the registry root: `--registry DIR`, or the nearest promise.yaml upwards, as git finds .git. */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PromiseError } from '../model/errors.js';
import { ROOT_FILE } from './load.js';

function kindOf(path: string): 'file' | 'dir' | 'missing' | 'other' {
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

export function discoverRegistry(cwd: string, explicit: string | undefined): string {
  if (explicit !== undefined) {
    const dir = resolve(cwd, explicit);
    const kind = kindOf(dir);
    if (kind === 'missing') throw new PromiseError(`registry folder ${explicit} does not exist`, { hint: 'pass the folder that holds promise.yaml, or create one with `promise init`' });
    if (kind !== 'dir') throw new PromiseError(`${explicit} is not a folder`, { hint: 'pass the folder that holds promise.yaml' });
    if (kindOf(join(dir, ROOT_FILE)) !== 'file') throw new PromiseError(`there is no ${ROOT_FILE} in ${explicit}`, { hint: `a registry is a folder with a ${ROOT_FILE}; \`promise init ${explicit}\` writes one` });
    return dir;
  }
  let dir = resolve(cwd);
  for (;;) {
    if (kindOf(join(dir, ROOT_FILE)) === 'file') return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new PromiseError(`no ${ROOT_FILE} found in this folder or any folder above it`, { hint: 'pass --registry DIR, or create a registry with `promise init`' });
}
