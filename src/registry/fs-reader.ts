/** The registry on disk: a walk that never follows a link in a circle, and bounded reads. */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { locOfFile } from './locate.js';
import { describeFsError } from '../model/errors.js';
import type { ListResult, RegistryReader } from './load.js';
import { MAX_FILE_BYTES } from './parse.js';

const YAML_FILE = /\.ya?ml$/i;

function problem(path: string, message: string, hint: string): Diagnostic {
  return { rule: 'unreadable-file', severity: 'error', message, hint, ...locOfFile(path) };
}

export function fsRegistryReader(root: string): RegistryReader {
  return {
    async list(skip): Promise<ListResult> {
      const files: string[] = [];
      const problems: Diagnostic[] = [];
      const visited = new Set<string>();
      const walk = async (rel: string): Promise<void> => {
        const abs = join(root, rel);
        let real: string;
        try {
          real = await realpath(abs);
        } catch (err) {
          problems.push(problem(rel, `cannot open the folder: ${describeFsError(err)}`, 'fix the link or permissions, or list it under `ignore` in promise.yaml'));
          return;
        }
        if (visited.has(real)) {
          problems.push(problem(rel, 'this folder link leads back to a folder already read; it was not followed', 'remove the link, or list it under `ignore` in promise.yaml'));
          return;
        }
        visited.add(real);
        let entries;
        try {
          entries = await readdir(abs, { withFileTypes: true });
        } catch (err) {
          problems.push(problem(rel === '' ? '.' : rel, `cannot read the folder: ${describeFsError(err)}`, 'fix its permissions, or list it under `ignore` in promise.yaml'));
          return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
          // SPEC §1: hidden folders and node_modules are skipped; hidden files too (.gitlab-ci.yml).
          if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
          const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
          let isDir = entry.isDirectory();
          let isFile = entry.isFile();
          if (entry.isSymbolicLink()) {
            try {
              const st = await stat(join(root, path));
              isDir = st.isDirectory();
              isFile = st.isFile();
            } catch (err) {
              if (YAML_FILE.test(entry.name) && !skip(path)) {
                problems.push(problem(path, `cannot follow the link: ${describeFsError(err)}`, 'fix or remove the link'));
              }
              continue;
            }
          }
          if (isDir && !skip(`${path}/`) && !skip(path)) await walk(path);
          else if (isFile && YAML_FILE.test(entry.name)) files.push(path);
        }
      };
      await walk('');
      return { files, problems };
    },
    async read(path: string): Promise<Uint8Array> {
      const handle = await open(join(root, path), 'r');
      try {
        const { size } = await handle.stat();
        if (size > MAX_FILE_BYTES) {
          // Read one byte past the limit so the parser reports the size, without loading it all.
          const buf = new Uint8Array(MAX_FILE_BYTES + 1);
          await handle.read(buf, 0, buf.length, 0);
          return buf;
        }
        return new Uint8Array(await handle.readFile());
      } finally {
        await handle.close();
      }
    },
  };
}
