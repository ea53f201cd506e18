/**
 * Where a large log may be cut into byte ranges that are read in parallel: just after a line
 * end (LF, CRLF or CR alone: each line of a log has its own) near every `chunkBytes`. A line
 * end may lie inside a quoted cell; whoever reads a range learns whether it ended between
 * records (RangeEnd.clean), and a log cut in the wrong place is read again whole. The cuts
 * depend on the file's size and bytes only, never on the machine.
 */
import { open } from 'node:fs/promises';
import type { ByteRange } from './csv.js';

/** How far past a cut to look for a line end. */
const WINDOW = 64 * 1024;
const LF = 10;
const CR = 13;

/** Just after the first line end in `bytes`; undefined when there is none, or a CR ends the bytes (its LF may follow). */
function afterLineEnd(bytes: Buffer): number | undefined {
  const lf = bytes.indexOf(LF);
  const cr = bytes.indexOf(CR);
  if (cr === -1 || (lf !== -1 && lf < cr)) return lf === -1 ? undefined : lf + 1;
  // never between the CR and the LF of a CRLF
  if (cr + 1 >= bytes.length) return undefined;
  return bytes[cr + 1] === LF ? cr + 2 : cr + 1;
}

export async function splitLog(abs: string, size: number, chunkBytes: number): Promise<ByteRange[]> {
  const cuts: number[] = [0];
  const handle = await open(abs, 'r');
  try {
    const buffer = Buffer.alloc(WINDOW);
    for (let at = chunkBytes; at < size - chunkBytes / 2; at += chunkBytes) {
      const { bytesRead } = await handle.read(buffer, 0, WINDOW, at);
      const i = afterLineEnd(buffer.subarray(0, bytesRead));
      if (i === undefined) continue;
      const cut = at + i;
      if (cut > (cuts[cuts.length - 1] as number) && cut < size) cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  return cuts.map((start, k) => ({ start, end: cuts[k + 1] ?? size }));
}
