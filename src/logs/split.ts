/**
 * Where a large log may be cut into byte ranges that are read in parallel: just after a line
 * end near every `chunkBytes`. A line end may lie inside a quoted cell; whoever reads a range
 * learns whether it ended between records (RangeEnd.clean), and a log cut in the wrong place is
 * read again whole. The cuts depend on the file's size and bytes only, never on the machine.
 */
import { open } from 'node:fs/promises';
import type { ByteRange, CsvFile } from './csv.js';

/** How far past a cut to look for a line end. */
const WINDOW = 64 * 1024;

export async function splitLog(abs: string, size: number, newline: CsvFile['newline'], chunkBytes: number): Promise<ByteRange[]> {
  const end = newline === '\r' ? 13 : 10;
  const cuts: number[] = [0];
  const handle = await open(abs, 'r');
  try {
    const buffer = Buffer.alloc(WINDOW);
    for (let at = chunkBytes; at < size - chunkBytes / 2; at += chunkBytes) {
      const { bytesRead } = await handle.read(buffer, 0, WINDOW, at);
      const i = buffer.subarray(0, bytesRead).indexOf(end);
      if (i === -1) continue;
      const cut = at + i + 1;
      if (cut > (cuts[cuts.length - 1] as number) && cut < size) cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  return cuts.map((start, k) => ({ start, end: cuts[k + 1] ?? size }));
}
