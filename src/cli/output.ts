/** Reports go to stdout, or to --out FILE written atomically (a temp file renamed into place); a device or pipe is written to as it is. */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFsError, PromiseError, UsageError } from '../model/errors.js';
import type { Io } from './io.js';

/** A file the command reads, which --out must never replace. */
export interface FileRead {
  abs: string;
  /** what it is, for the message: "a file of the registry", "a log file of source \"tickets\"" */
  what: string;
}

/** The file a path names, and the link itself when it is one: device and inode, so any spelling or link is caught. */
async function identities(path: string): Promise<string[]> {
  const ids: string[] = [];
  for (const look of [stat, lstat]) {
    const st = await look(path, { bigint: true }).catch(() => undefined);
    if (st !== undefined) ids.push(`${st.dev}:${st.ino}`);
  }
  return ids;
}

/**
 * Refuses an --out that names a file the command reads: a registry file or a log (today's
 * report must not replace tomorrow's input). Compared by device and inode where the file is
 * there, which catches links, hard links, another spelling of the path and, on a file system
 * that ignores case, another case; and by the path itself for what is not there.
 */
export async function refuseToOverwrite(io: Io, out: string | undefined, reads: readonly FileRead[], flag = '--out'): Promise<void> {
  if (out === undefined || out === '-' || reads.length === 0) return;
  const target = resolve(io.cwd, out);
  const targetIds = new Set(await identities(target));
  for (const file of reads) {
    const same = resolve(file.abs) === target || (targetIds.size > 0 && (await identities(file.abs)).some((id) => targetIds.has(id)));
    if (same) {
      throw new UsageError(`${flag} ${out} is ${file.what}; the ${flag === '--out' ? 'report' : 'file'} would replace it, so nothing was written`, 'choose a file that is neither a registry file nor a log the registry reads');
    }
  }
}

/** Writes the report; `reads` are the files the command read, which it refuses to replace; `flag` names the option that gave `out`. */
export async function writeReport(io: Io, text: string, out: string | undefined, reads: readonly FileRead[], flag = '--out'): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout.write(text);
    return;
  }
  await refuseToOverwrite(io, out, reads, flag);
  const target = resolve(io.cwd, out);
  // A device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written to, never renamed over:
  // that would put a regular file in its place.
  const existing = await stat(target).catch(() => undefined);
  const inPlace = existing !== undefined && !existing.isFile() && !existing.isDirectory();
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (inPlace) {
      await writeFile(target, text);
    } else {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temp, text);
      await rename(temp, target);
    }
  } catch (err) {
    if (!inPlace) await rm(temp, { force: true }).catch(() => undefined);
    throw new PromiseError(`cannot write ${out}: ${describeFsError(err)}`);
  }
}
