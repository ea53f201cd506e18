import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/logs/header.js';
import { tempDir } from '../helpers/cli.js';

describe('readHeader', () => {
  const dir = tempDir();
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it.each([
    ['plain', 'a,b,c\n1,2,3\n', ',', ['a', 'b', 'c']],
    ['CRLF and a BOM', '\uFEFFa,b,c\r\n1,2,3\r\n', ',', ['a', 'b', 'c']],
    ['quoted names with commas and a newline', '"id","opened, local","note\nfield"\n1,2,3\n', ',', ['id', 'opened, local', 'note\nfield']],
    ['semicolons', 'a;b;c\n', ';', ['a', 'b', 'c']],
    ['no trailing newline', 'a,b', ',', ['a', 'b']],
    ['an empty first column (a pandas index)', ',case_id,open_dt\n0,1,2\n', ',', ['', 'case_id', 'open_dt']],
    ['CR alone, rows in LF', 'a,b,c\r1,2,3\n', ',', ['a', 'b', 'c']],
    ['a quoted name holding a CR, then LF', '"a\rb",c\n1,2\r\n', ',', ['a\rb', 'c']],
  ])('reads the header: %s', async (_, content, delimiter, columns) => {
    expect(await readHeader(file(`h-${columns.join('')}.csv`, content), delimiter)).toEqual({ columns });
  });

  it('says so for an empty file or an empty first line', async () => {
    expect(await readHeader(file('empty.csv', ''), ',')).toMatchObject({ columns: undefined, problem: { kind: 'empty' } });
    expect(await readHeader(file('blank.csv', '\n\na,b\n'), ',')).toMatchObject({ columns: undefined, problem: { kind: 'empty' } });
  });

  it('says why a file cannot be read', async () => {
    mkdirSync(join(dir, 'folder.csv'));
    expect(await readHeader(join(dir, 'folder.csv'), ',')).toMatchObject({ columns: undefined, problem: { kind: 'unreadable', message: 'it is a folder, not a file' } });
    expect(await readHeader(join(dir, 'missing.csv'), ',')).toMatchObject({ columns: undefined, problem: { kind: 'unreadable' } });
  });

  // each of these would hang or never end if it were opened for a blocking read
  it.each([
    ['a FIFO', () => {
      execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
      return join(dir, 'pipe.csv');
    }, 'it is a named pipe (FIFO), not a file'],
    ['a link to a FIFO', () => {
      execFileSync('mkfifo', [join(dir, 'pipe2.csv')]);
      symlinkSync('pipe2.csv', join(dir, 'to-pipe.csv'));
      return join(dir, 'to-pipe.csv');
    }, 'it is a named pipe (FIFO), not a file'],
    ['/dev/zero', () => '/dev/zero', 'it is a device, not a file'],
    ['a link to /dev/zero', () => {
      symlinkSync('/dev/zero', join(dir, 'zero.csv'));
      return join(dir, 'zero.csv');
    }, 'it is a device, not a file'],
    ['a link to nothing', () => {
      symlinkSync('nothing.csv', join(dir, 'gone.csv'));
      return join(dir, 'gone.csv');
    }, 'it is a link that leads to nothing'],
    ['a link that loops', () => {
      symlinkSync('loop.csv', join(dir, 'loop.csv'));
      return join(dir, 'loop.csv');
    }, 'it is a link that loops back on itself'],
  ])('refuses %s without reading it', async (_, make, message) => {
    expect(await readHeader(make(), ',')).toEqual({ columns: undefined, problem: { kind: 'unreadable', message, hint: expect.any(String) } });
  });

  it('names the file as it is shown in the hint', async () => {
    mkdirSync(join(dir, 'exports'));
    expect(await readHeader(join(dir, 'exports'), ',', 'exports')).toMatchObject({ problem: { hint: 'point the source at the CSV files inside it, e.g. exports/*.csv' } });
  });
});
