/** Reports go to stdout, or to --out FILE written atomically (a temp file renamed into place). */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFsError, PromiseError } from '../model/errors.js';
import type { Io } from './io.js';

export async function writeReport(io: Io, text: string, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout.write(text);
    return;
  }
  const target = resolve(io.cwd, out);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temp, text);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new PromiseError(`cannot write ${out}: ${describeFsError(err)}`);
  }
}
