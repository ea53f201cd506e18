import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/logs/csv.js';
import { columnNames } from '../../src/logs/header-layout.js';
import { readHeader } from '../../src/logs/header.js';
import type { HeaderLayout } from '../../src/registry/model.js';
import { tempDir } from '../helpers/cli.js';

const QUALTRICS: HeaderLayout = { rows: 3, nameRow: 1, naming: 'row' };
const SURVEYMONKEY: HeaderLayout = { rows: 2, nameRow: 2, naming: 'surveymonkey' };

const QUALTRICS_CSV = [
  'ResponseId,RecordedDate,Q1_1,Q1_2',
  'Response ID,Recorded Date,"Rate us - on time","Rate us - first time\nright"',
  '"{""ImportId"":""_recordId""}","{""ImportId"":""recordedDate""}","{""ImportId"":""QID1_1""}","{""ImportId"":""QID1_2""}"',
  'R1,2026-07-01,4,5',
  '',
  'R2,2026-07-02,3,',
  '',
].join('\r\n');

const SURVEYMONKEY_CSV = [
  'Respondent ID,Collector ID,Start Date,Expectations,,Perceptions,,Comments',
  ',,,E1 Keeps promises,E2 Right first time,P1 Keeps promises,P2 Right first time,Open-Ended Response',
  '111,9,2026-07-01,7,6,5,5,fine',
  '112,9,2026-07-02,6,6,6,4,',
].join('\n');

describe('headers of several lines (SPEC §6: survey exports)', () => {
  const dir = tempDir();
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('qualtrics: three header lines, the first names the columns; records keep their real lines', async () => {
    const csv = await openCsv(file('q.csv', QUALTRICS_CSV), 'q.csv', { header: QUALTRICS, chunkBytes: 7 });
    expect(csv.header).toEqual(['ResponseId', 'RecordedDate', 'Q1_1', 'Q1_2']);
    const records = [];
    for await (const batch of csv.batches()) records.push(...batch);
    // line 2 holds a quoted line break, so the import-id line is line 4 and the first record line 5
    expect(records.map((r) => [r.line, r.cells[0], r.problem])).toEqual([
      [5, 'R1', undefined],
      [7, 'R2', undefined],
    ]);
  });

  it('header_row picks the line that names the columns', async () => {
    expect(await readHeader(file('q2.csv', QUALTRICS_CSV), ',', 'q2.csv', { rows: 3, nameRow: 2, naming: 'row' })).toEqual({
      columns: ['Response ID', 'Recorded Date', 'Rate us - on time', 'Rate us - first time\nright'],
    });
  });

  it('surveymonkey: a column is named by its sub-answer, or by its question where the sub-answer says only "Response"', async () => {
    const csv = await openCsv(file('m.csv', SURVEYMONKEY_CSV), 'm.csv', { header: SURVEYMONKEY });
    expect(csv.header).toEqual(['Respondent ID', 'Collector ID', 'Start Date', 'E1 Keeps promises', 'E2 Right first time', 'P1 Keeps promises', 'P2 Right first time', 'Comments']);
    const lines = [];
    for await (const batch of csv.batches()) lines.push(...batch.map((r) => r.line));
    expect(lines).toEqual([3, 4]);
  });

  it('carries a question over the empty cells to its right', () => {
    expect(columnNames([['Q1', '', 'Q2'], ['Response', '', 'Open-Ended Response']], SURVEYMONKEY)).toEqual(['Q1', 'Q1', 'Q2']);
  });

  it('a plain log still has one header line (line 1)', async () => {
    const csv = await openCsv(file('p.csv', 'a,b\n1,2\n'), 'p.csv');
    expect(csv.header).toEqual(['a', 'b']);
    const lines = [];
    for await (const batch of csv.batches()) lines.push(...batch.map((r) => r.line));
    expect(lines).toEqual([2]);
  });

  it('a file shorter than its header has the columns it has, and no records', async () => {
    const csv = await openCsv(file('short.csv', 'ResponseId,RecordedDate\n'), 'short.csv', { header: QUALTRICS });
    expect(csv.header).toEqual(['ResponseId', 'RecordedDate']);
    const records = [];
    for await (const batch of csv.batches()) records.push(...batch);
    expect(records).toEqual([]);
  });
});
