/**
 * Measures the CSV parser candidates on a generated delivery log: `npm run bench:csv`.
 *
 * Each parser reads the same 1M-row file from disk in chunks, the way the log reader uses it,
 * in a child process of its own so that its peak RSS is its own; three timed runs each, the
 * median is reported. Before timing, every parser must give the same rows and cells as the
 * others on the whole file, and the expected rows on small hand-written edge cases (the SPEC §1
 * log formats, ragged rows, chunk boundaries). The results go into docs/csv-parsers.md.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/init/random.js';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const ROOT = join(import.meta.dirname, '..');
const SCRIPT = fileURLToPath(import.meta.url);
/** Bump when the generator changes, so that an old file is not measured as the new one. */
const GENERATOR_VERSION = 1;
const ROWS = 1_000_000;
const SEED = 20260701;
const RUNS = 3;
/** The reader's chunk size; `npm run bench:csv -- --chunk-kib 256` measures another. */
const CHUNK_BYTES = 1024 * Number(flag('--chunk-kib') ?? 64);
const DATA_FILE = join(ROOT, '.bench', 'csv', `tickets-${ROWS}-v${GENERATOR_VERSION}.csv`);

type Row = readonly string[];
type OnRows = (rows: readonly Row[]) => void;
interface ParseOptions {
  delimiter: string;
  chunkBytes: number;
}
/** Streams a file through one parser, every row (the header too) in file order, in batches. */
type ParseFile = (path: string, options: ParseOptions, onRows: OnRows) => Promise<{ unclosedQuote: boolean }>;

interface Candidate {
  name: string;
  /** floor: reading and decoding alone; library: a candidate; reader: src/logs/csv.ts on the chosen one */
  kind: 'floor' | 'library' | 'reader';
  /** the npm package whose version is reported */
  pkg?: string;
  load(): Promise<ParseFile>;
}

/** A line with nothing on it: parsers that yield it as a row of one empty cell skip it here, as the reader does. */
const isBlank = (row: Row): boolean => row.length === 0 || (row.length === 1 && row[0] === '');

const CANDIDATES: readonly Candidate[] = [
  {
    name: 'read and decode only',
    kind: 'floor',
    async load() {
      return async (path, { chunkBytes }, onRows) => {
        const decoder = new TextDecoder('utf-8');
        let chars = 0;
        for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) chars += decoder.decode(chunk as Buffer, { stream: true }).length;
        chars += decoder.decode().length;
        onRows([[String(chars)]]);
        return { unclosedQuote: false };
      };
    },
  },
  {
    name: 'papaparse',
    kind: 'library',
    pkg: 'papaparse',
    async load() {
      const { default: Papa } = await import('papaparse');
      return (path, { delimiter, chunkBytes }, onRows) =>
        new Promise((resolve, reject) => {
          let unclosedQuote = false;
          // papaparse decodes each Buffer chunk on its own, which breaks a character split between
          // two chunks: the stream's own decoder hands it whole strings instead
          const stream = createReadStream(path, { highWaterMark: chunkBytes, encoding: 'utf8' });
          stream.on('error', reject);
          Papa.parse<string[]>(stream, {
            delimiter,
            skipEmptyLines: false,
            chunk: (results) => {
              if (results.errors.some((e) => e.code === 'MissingQuotes')) unclosedQuote = true;
              onRows(results.data);
            },
            complete: () => resolve({ unclosedQuote }),
            error: reject,
          });
        });
    },
  },
  {
    name: 'csv-parse',
    kind: 'library',
    pkg: 'csv-parse',
    async load() {
      const { parse } = await import('csv-parse');
      return (path, { delimiter, chunkBytes }, onRows) =>
        new Promise((resolve, reject) => {
          const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true });
          const input = createReadStream(path, { highWaterMark: chunkBytes });
          input.on('error', reject);
          parser.on('readable', () => {
            const batch: Row[] = [];
            let record: unknown;
            while ((record = parser.read()) !== null) batch.push(record as Row);
            if (batch.length > 0) onRows(batch);
          });
          parser.on('end', () => resolve({ unclosedQuote: false }));
          parser.on('error', (err: Error & { code?: string }) => {
            // csv-parse stops at an unclosed quote and drops that record
            if (err.code === 'CSV_QUOTE_NOT_CLOSED') resolve({ unclosedQuote: true });
            else reject(err);
          });
          input.pipe(parser);
        });
    },
  },
  {
    name: 'uDSV',
    kind: 'library',
    pkg: 'udsv',
    async load() {
      const { inferSchema, initParser } = await import('udsv');
      return async (path, { delimiter, chunkBytes }, onRows) => {
        const decoder = new TextDecoder('utf-8');
        let parser: ReturnType<typeof initParser> | undefined;
        // uDSV infers its row delimiter from the first line, which must be whole
        let head = '';
        let batch: string[][] = [];
        const collect = (row: string[]): void => {
          batch.push(row);
        };
        const feed = (text: string, last: boolean): void => {
          if (parser === undefined) {
            head += text;
            if (!/[\r\n]/.test(head) && !last) return;
            // header: () => [] keeps the header as a row; encl is fixed, else uDSV treats quotes as
            // plain text when the first chunk has none
            parser = initParser(inferSchema(head, { col: delimiter, encl: '"', header: () => [] }));
            text = head;
          }
          parser.chunk<string[]>(text, parser.stringArrs, collect);
          onRows(batch);
          batch = [];
        };
        for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) feed(decoder.decode(chunk as Buffer, { stream: true }), false);
        feed(decoder.decode(), true);
        parser?.end();
        onRows(batch);
        return { unclosedQuote: false };
      };
    },
  },
  {
    name: 'log reader (src/logs/csv.ts)',
    kind: 'reader',
    pkg: 'papaparse',
    async load() {
      const { openCsv } = await import('../src/logs/csv.js');
      return async (path, { delimiter, chunkBytes }, onRows) => {
        const csv = await openCsv(path, path, { delimiter, chunkBytes });
        onRows([csv.header]);
        let unclosedQuote = false;
        for await (const batch of csv.batches()) {
          onRows(batch.map((r) => r.cells));
          if (batch.some((r) => r.problem?.code === 'row-unclosed-quote')) unclosedQuote = true;
        }
        return { unclosedQuote };
      };
    },
  },
];

// --- the generated log --------------------------------------------------------------------

const COLUMNS = ['ticket_id', 'channel', 'priority', 'segment', 'opened_at', 'first_response_at', 'resolved_at', 'due_at', 'csat', 'subject'];
const SUBJECTS = [
  'Where is my order?',
  'Refund',
  'Address change',
  'Damaged parcel',
  'Invoice, please',
  'Code "SUMMER" failed',
  'Warranty',
  'Cancel, not pause',
  'Login',
  'Missing item',
];
const OFFSETS: readonly [string, number][] = [
  ['+02:00', 120],
  ['+01:00', 60],
  ['Z', 0],
  ['-05:00', -300],
];
const HOUR = 3_600_000;

function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function iso(ms: number, offset: readonly [string, number]): string {
  return new Date(ms + offset[1] * 60_000).toISOString().slice(0, 19) + offset[0];
}

/** About 120 bytes a row, CRLF line ends as Excel-style exports write them, LF inside quoted cells. */
function generateLog(path: string): void {
  const random = seededRandom(SEED);
  const start = Date.UTC(2026, 0, 1);
  const lines: string[] = [COLUMNS.join(',')];
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, '');
  const flush = (): void => {
    writeFileSync(tmp, lines.join('\r\n') + '\r\n', { flag: 'a' });
    lines.length = 0;
  };
  for (let i = 1; i <= ROWS; i++) {
    const offset = random.pick(OFFSETS);
    const opened = start + Math.floor(random.next() * 365 * 24) * HOUR + random.int(0, 3599) * 1000;
    const firstResponse = random.next() < 0.08 ? undefined : opened + Math.round(random.logNormal(3, 1) * HOUR);
    const resolved = firstResponse === undefined || random.next() < 0.15 ? undefined : firstResponse + Math.round(random.logNormal(30, 0.8) * HOUR);
    const due = opened + 48 * HOUR;
    let subject = random.pick(SUBJECTS);
    if (random.next() < 0.001) subject += '\nsecond line of the subject';
    lines.push(
      [
        `T${String(i).padStart(7, '0')}`,
        random.pick(['email', 'email', 'phone', 'chat', 'web']),
        random.pick(['P1', 'P2', 'P3', 'P3', 'P4']),
        random.next() < 0.3 ? '' : random.pick(['vip', 'std', 'smb']),
        iso(opened, offset),
        firstResponse === undefined ? '' : iso(firstResponse, offset),
        resolved === undefined ? '' : iso(resolved, offset),
        random.next() < 0.5 ? iso(due, offset).slice(0, 10) : iso(due, offset),
        resolved === undefined || random.next() < 0.4 ? '' : String(random.int(1, 5)),
        cell(subject),
      ].join(','),
    );
    if (lines.length === 10_000) flush();
  }
  flush();
  renameSync(tmp, path);
}

// --- correctness --------------------------------------------------------------------------

interface EdgeCase {
  name: string;
  text: string;
  delimiter?: string;
  /** chunk sizes to read it with; every one must give the same rows */
  chunkBytes?: readonly number[];
  rows: readonly Row[];
}

const EDGE_CASES: readonly EdgeCase[] = [
  { name: 'ragged rows kept as they are', text: 'a,b,c\n1,2\n3,4,5,6\n7,8,9\n', rows: [['a', 'b', 'c'], ['1', '2'], ['3', '4', '5', '6'], ['7', '8', '9']] },
  {
    name: 'CRLF rows with LF, CRLF, commas and doubled quotes inside quotes',
    text: 'id,note\r\n1,"two\nlines"\r\n2,"x, ""y"""\r\n3,"a\r\nb"\r\n',
    rows: [['id', 'note'], ['1', 'two\nlines'], ['2', 'x, "y"'], ['3', 'a\r\nb']],
  },
  { name: 'blank lines and no final newline', text: 'a,b\n\n1,2\n\n\n3,4', rows: [['a', 'b'], ['1', '2'], ['3', '4']] },
  { name: 'BOM and semicolons', text: '\uFEFFa;b\n"1;x";2\n', delimiter: ';', rows: [['a', 'b'], ['1;x', '2']] },
  { name: 'tabs and empty cells', text: 'a\tb\tc\n\t\t\nx\t\ty\n', delimiter: '\t', rows: [['a', 'b', 'c'], ['', '', ''], ['x', '', 'y']] },
  {
    name: 'multi-byte characters and quotes split across tiny chunks',
    text: 'name,city,note\nJosé,Zürich,"a ""quoted"", text"\n"😀, ok",東京,"multi\nline"\nlast,row,"x"\n',
    chunkBytes: [1, 2, 3, 5],
    rows: [['name', 'city', 'note'], ['José', 'Zürich', 'a "quoted", text'], ['😀, ok', '東京', 'multi\nline'], ['last', 'row', 'x']],
  },
];

const UNCLOSED_QUOTE = 'a,b\n1,"open\n2,3\n';

interface EdgeResult {
  passed: number;
  failures: string[];
  reportsUnclosedQuote: boolean;
}

async function checkEdgeCases(parse: ParseFile): Promise<EdgeResult> {
  const dir = join(tmpdir(), `bench-csv-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const failures: string[] = [];
  let passed = 0;
  for (const [i, c] of EDGE_CASES.entries()) {
    const path = join(dir, `case-${i}.csv`);
    writeFileSync(path, c.text);
    let ok = true;
    for (const chunkBytes of c.chunkBytes ?? [CHUNK_BYTES]) {
      const rows: Row[] = [];
      try {
        await parse(path, { delimiter: c.delimiter ?? ',', chunkBytes }, (batch) => rows.push(...batch.filter((r) => !isBlank(r))));
      } catch (err) {
        rows.push(['threw', String(err)]);
      }
      if (JSON.stringify(rows) !== JSON.stringify(c.rows)) {
        ok = false;
        failures.push(`${c.name} (chunks of ${chunkBytes} bytes): got ${JSON.stringify(rows)}`);
        break;
      }
    }
    if (ok) passed++;
  }
  const path = join(dir, 'unclosed.csv');
  writeFileSync(path, UNCLOSED_QUOTE);
  let reportsUnclosedQuote = false;
  try {
    reportsUnclosedQuote = (await parse(path, { delimiter: ',', chunkBytes: CHUNK_BYTES }, () => {})).unclosedQuote;
  } catch {
    reportsUnclosedQuote = true;
  }
  rmSync(dir, { recursive: true, force: true });
  return { passed, failures, reportsUnclosedQuote };
}

// --- the child: one parser, one run -------------------------------------------------------

interface ChildResult {
  rows: number;
  ms: number;
  maxRssKb: number;
  /** in verify mode: a digest of every cell, and one per block of 100,000 rows to find a difference */
  digest?: string;
  blocks?: string[];
  /** so that the touched cells cannot be optimised away */
  touched: number;
}

async function child(name: string, path: string, verify: boolean): Promise<void> {
  const candidate = CANDIDATES.find((c) => c.name === name);
  if (candidate === undefined) throw new Error(`no candidate ${name}`);
  const parse = await candidate.load();
  let rows = 0;
  let touched = 0;
  const whole = createHash('sha256');
  let block = createHash('sha256');
  const blocks: string[] = [];
  const onRows: OnRows = verify
    ? (batch) => {
        for (const row of batch) {
          if (isBlank(row)) continue;
          const text = row.join('\u001f') + '\u001e';
          whole.update(text);
          block.update(text);
          if (++rows % 100_000 === 0) {
            blocks.push(block.digest('hex'));
            block = createHash('sha256');
          }
        }
      }
    : (batch) => {
        rows += batch.length;
        for (const row of batch) touched += row[4]?.length ?? 0;
      };
  const t0 = performance.now();
  await parse(path, { delimiter: ',', chunkBytes: CHUNK_BYTES }, onRows);
  const ms = performance.now() - t0;
  const result: ChildResult = { rows, ms, maxRssKb: process.resourceUsage().maxRSS, touched };
  if (verify) {
    blocks.push(block.digest('hex'));
    result.digest = whole.digest('hex');
    result.blocks = blocks;
  }
  process.stdout.write(JSON.stringify(result));
}

function runChild(name: string, mode: 'time' | 'verify'): ChildResult {
  const r = spawnSync(process.execPath, [...process.execArgv, SCRIPT, '--child', name, DATA_FILE, mode, '--chunk-kib', String(CHUNK_BYTES / 1024)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${name} failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

// --- the report ---------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function version(pkg: string | undefined): string {
  if (pkg === undefined) return '';
  const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  mkdirSync(join(ROOT, '.bench', 'csv'), { recursive: true });
  if (!existsSync(DATA_FILE)) {
    process.stderr.write(`generating ${ROWS.toLocaleString('en-US')} rows (once)...\n`);
    generateLog(DATA_FILE);
  }
  const bytes = statSync(DATA_FILE).size;
  const dataRows = ROWS + 1;
  process.stderr.write(`log: ${fmt(bytes / 1e6, 1)} MB, ${fmt(dataRows)} rows with the header, ${fmt(bytes / dataRows, 1)} bytes a row\n`);

  const parsers = CANDIDATES.filter((c) => c.kind !== 'floor');
  const edge = new Map<string, EdgeResult>();
  const verified = new Map<string, ChildResult>();
  for (const c of parsers) {
    edge.set(c.name, await checkEdgeCases(await c.load()));
    verified.set(c.name, runChild(c.name, 'verify'));
  }
  const reference = verified.get('papaparse');
  const agrees = (name: string): string => {
    const v = verified.get(name);
    if (v === undefined || reference === undefined) return '?';
    if (v.digest === reference.digest && v.rows === reference.rows) return 'yes';
    const at = v.blocks?.findIndex((b, i) => b !== reference.blocks?.[i]) ?? -1;
    return `no: ${fmt(v.rows)} rows, first difference in rows ${fmt(at * 100_000 + 1)}-${fmt((at + 1) * 100_000)}`;
  };

  const times = new Map<string, ChildResult[]>(CANDIDATES.map((c) => [c.name, []]));
  for (let run = 1; run <= RUNS; run++) {
    // the runs of the candidates are interleaved, so that a slow spell of the machine hits them all
    for (const c of CANDIDATES) {
      const r = runChild(c.name, 'time');
      process.stderr.write(`run ${run} ${c.name}: ${fmt(r.ms)} ms\n`);
      times.get(c.name)?.push(r);
    }
  }

  const out: string[] = [];
  out.push(`Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`);
  out.push(`log: ${fmt(bytes / 1e6, 1)} MB, ${fmt(ROWS)} records + header, ${fmt(bytes / dataRows, 1)} bytes a row, chunks of ${CHUNK_BYTES / 1024} KiB, median of ${RUNS} runs`);
  out.push('');
  out.push('| parser | version | wall time (s) | runs (s) | rows/s | MB/s | peak RSS (MB) | same cells as the others | edge cases | reports an unclosed quote |');
  out.push('|---|---|---:|---:|---:|---:|---:|---|---|---|');
  for (const c of CANDIDATES) {
    const runs = times.get(c.name) ?? [];
    const ms = median(runs.map((r) => r.ms));
    const rss = median(runs.map((r) => r.maxRssKb)) / 1024;
    const e = edge.get(c.name);
    const rowsPerSecond = c.kind === 'floor' ? '' : fmt(dataRows / (ms / 1000));
    out.push(
      `| ${c.name} | ${version(c.pkg)} | ${fmt(ms / 1000, 2)} | ${runs.map((r) => fmt(r.ms / 1000, 2)).join(', ')} | ${rowsPerSecond} | ${fmt(bytes / 1e6 / (ms / 1000))} | ${fmt(rss)} | ${c.kind === 'floor' ? '' : agrees(c.name)} | ${e === undefined ? '' : `${e.passed}/${EDGE_CASES.length}`} | ${e === undefined ? '' : e.reportsUnclosedQuote ? 'yes' : 'no'} |`,
    );
  }
  for (const [name, e] of edge) for (const f of e.failures) out.push(`\n${name} fails "${f}"`);
  process.stdout.write(out.join('\n') + '\n');
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const [, name, path, mode] = args;
  if (name === undefined || path === undefined) throw new Error('usage: --child NAME FILE [time|verify]');
  await child(name, path, mode === 'verify');
} else {
  await main();
}
