/** The registry on disk: a walk that never follows a link in a circle or out of the registry, and bounded reads. */
import { constants as fsConstants, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { locOfFile } from './locate.js';
import { describeFsError } from '../model/errors.js';
import { ROOT_FILE, type ListResult, type RegistryReader } from './load.js';
import { MAX_FILE_BYTES } from './parse.js';
import { unreadableFinding } from './rule-messages.js';
import { isWithin, resolveWithin } from './within-root.js';

const YAML_FILE = /\.ya?ml$/i;


/** Opened without waiting: a FIFO in place of a file must not block the read. */
const READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/** Only regular files are registry files: a FIFO would wait for a writer, a device never end. */
function notRegular(st: Stats): void {
  if (st.isDirectory()) throw Object.assign(new Error('it is a folder, not a file'), { code: 'EISDIR' });
  if (!st.isFile()) throw Object.assign(new Error('it is not a regular file (a FIFO or a device?)'), { code: 'ENOTFILE' });
}

/**
 * The registry below `root`. Links are followed while they lead to a path inside the registry
 * (by real path); one that leads outside is reported and neither read nor walked
 * (docs/security.md).
 */
export function fsRegistryReader(root: string): RegistryReader {
  let rootReal: Promise<string> | undefined;
  const realRoot = (): Promise<string> => (rootReal ??= realpath(root));
  return {
    async list(skip): Promise<ListResult> {
      const files: string[] = [];
      const problems: Diagnostic[] = [];
      const visited = new Set<string>();
      const top = await realRoot();
      const walk = async (rel: string): Promise<void> => {
        const abs = join(root, rel);
        let real: string;
        try {
          real = await realpath(abs);
        } catch (err) {
          problems.push(unreadableFinding('cannotOpenFolder', { reason: describeFsError(err) }, locOfFile(rel)));
          return;
        }
        if (!isWithin(top, real)) {
          problems.push(unreadableFinding('folderLinkOutside', {}, locOfFile(rel)));
          return;
        }
        if (visited.has(real)) {
          problems.push(unreadableFinding('folderLinkBack', {}, locOfFile(rel)));
          return;
        }
        visited.add(real);
        let entries;
        try {
          entries = await readdir(abs, { withFileTypes: true });
        } catch (err) {
          problems.push(unreadableFinding('cannotReadFolder', { reason: describeFsError(err) }, locOfFile(rel === '' ? '.' : rel)));
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
            const yaml = YAML_FILE.test(entry.name) && !skip(path);
            const where = await resolveWithin(top, join(root, path));
            if (where.kind === 'unresolved') {
              if (yaml) problems.push(unreadableFinding('cannotFollowLink', { reason: describeFsError(where.error) }, locOfFile(path)));
              continue;
            }
            if (where.kind === 'outside') {
              // a folder link is reported where it would be walked; a file link only when it names a registry file
              const folder = await stat(join(root, path)).then((st) => st.isDirectory(), () => false);
              if (folder && !skip(`${path}/`) && !skip(path)) problems.push(unreadableFinding('folderLinkOutside', {}, locOfFile(path)));
              // promise.yaml is read before the walk, and that read says so (load.ts)
              else if (!folder && yaml && path !== ROOT_FILE) problems.push(unreadableFinding('fileLinkOutside', {}, locOfFile(path)));
              continue;
            }
            const st = await stat(where.real).catch(() => undefined);
            isDir = st?.isDirectory() === true;
            isFile = st?.isFile() === true;
          }
          if (isDir && !skip(`${path}/`) && !skip(path)) await walk(path);
          else if (isFile && YAML_FILE.test(entry.name)) files.push(path);
        }
      };
      await walk('');
      return { files, problems };
    },
    async read(path: string): Promise<Uint8Array> {
      // promise.yaml is read before the walk, so the read judges the path too
      const where = await resolveWithin(await realRoot(), join(root, path));
      if (where.kind === 'unresolved') throw where.error;
      if (where.kind === 'outside') throw Object.assign(new Error('it is a link that leads outside the registry; it was not read'), { code: 'EOUTSIDE' });
      // looked at before it is opened, so a device is never opened at all
      notRegular(await stat(where.real));
      const handle = await open(where.real, READ_FLAGS);
      try {
        const st = await handle.stat();
        notRegular(st);
        if (st.size > MAX_FILE_BYTES) {
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
