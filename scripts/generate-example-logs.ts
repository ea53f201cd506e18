/**
 * The delivery logs of the three example registries (examples/<name>/logs/) and the survey
 * exports of two of them (examples/<name>/surveys/), made by a seeded generator: the same bytes
 * on every machine and every run, so the examples, their README and the tests agree.
 * `npm run examples` (and `npm install`) writes them; they are not committed.
 * It also copies the public extracts beside the project into the four registries that measure
 * them, since a registry reads only files inside it (docs/security.md).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AIRPORT_CALENDARS, airportLogs } from './example-logs/airport.js';
import { FIELD_SERVICE_CALENDARS, fieldServiceLogs } from './example-logs/field-service.js';
import type { CalendarSpec } from './example-logs/opening-hours.js';
import { RETAIL_BANK_CALENDARS, retailBankLogs } from './example-logs/retail-bank.js';
import type { DirtyCell, ExampleData } from './example-logs/source-log.js';

export type { DirtKind, DirtyCell } from './example-logs/source-log.js';

export const EXAMPLES = ['retail-bank', 'airport', 'field-service'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/** The moment the logs end: the newest records are still open at it. The README's commands use it as --as-of. */
export const EXAMPLES_AS_OF = '2026-11-16T08:00:00Z';

const GENERATORS: Record<ExampleName, (asOf: number) => ExampleData> = {
  'retail-bank': retailBankLogs,
  airport: airportLogs,
  'field-service': fieldServiceLogs,
};

/** The calendars each example's logs are made on: the same as in its registry (a test compares them). */
export const EXAMPLE_CALENDARS: Record<ExampleName, readonly CalendarSpec[]> = {
  'retail-bank': RETAIL_BANK_CALENDARS,
  airport: AIRPORT_CALENDARS,
  'field-service': FIELD_SERVICE_CALENDARS,
};

/** The log files of one example: registry-relative path (`logs/...`) to CSV text. */
export function generateExampleLogs(example: ExampleName): Map<string, string> {
  return GENERATORS[example](Date.parse(EXAMPLES_AS_OF)).logs.files;
}

/** Where the dirty cells of one example's logs are, and what they hold (see examples/README.md). */
export function exampleDirtyCells(example: ExampleName): DirtyCell[] {
  return GENERATORS[example](Date.parse(EXAMPLES_AS_OF)).logs.dirty;
}

/** The survey exports of one example: registry-relative path (`surveys/...`) to CSV text; none for some. */
export function generateExampleSurveys(example: ExampleName): Map<string, string> {
  return GENERATORS[example](Date.parse(EXAMPLES_AS_OF)).surveys.files;
}

/** Where the dirty cells of one example's survey exports are (see examples/README.md). */
export function exampleSurveyDirtyCells(example: ExampleName): DirtyCell[] {
  return GENERATORS[example](Date.parse(EXAMPLES_AS_OF)).surveys.dirty;
}

/**
 * Writes every example's logs into logs/ and its survey exports into surveys/; CSV files there
 * that the generator no longer makes are removed (an example without surveys gets no folder).
 */
export function writeExampleLogs(examplesDir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const example of EXAMPLES) {
    const root = join(examplesDir, example);
    const data = GENERATORS[example](Date.parse(EXAMPLES_AS_OF));
    const made = new Map([...data.logs.files, ...data.surveys.files]);
    for (const folder of ['logs', 'surveys']) {
      const dir = join(root, folder);
      if (folder === 'logs') mkdirSync(dir, { recursive: true });
      if (!existsSync(dir)) continue;
      for (const entry of readdirSync(dir)) {
        if (entry.endsWith('.csv') && !made.has(`${folder}/${entry}`)) rmSync(join(dir, entry));
      }
    }
    for (const [path, text] of made) {
      const target = join(root, path);
      mkdirSync(dirname(target), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, text);
      renameSync(temp, target);
      files++;
      bytes += Buffer.byteLength(text);
    }
  }
  return { files, bytes };
}

/** The example registries over real public logs: examples/<name>/ measures ../shared/data/<name>/. */
export const PUBLIC_EXAMPLES = ['baltimore-311', 'boston-311', 'nyc-311', 'olist-orders'] as const;

/** The public extracts beside the project (read the PROVENANCE.md of each folder). */
export const PUBLIC_DATA = join(import.meta.dirname, '..', '..', 'shared', 'data');

/**
 * Copies each public extract (`<dataDir>/<name>/*.csv`) into `examples/<name>/logs/`, byte for
 * byte; a set that is not there is left out, and its registry then finds no log.
 */
export function copyPublicLogs(examplesDir: string, dataDir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const example of PUBLIC_EXAMPLES) {
    const from = join(dataDir, example);
    if (!existsSync(from)) continue;
    const logDir = join(examplesDir, example, 'logs');
    mkdirSync(logDir, { recursive: true });
    for (const entry of readdirSync(from).filter((e) => e.endsWith('.csv')).sort()) {
      const target = join(logDir, entry);
      const temp = `${target}.${process.pid}.tmp`;
      copyFileSync(join(from, entry), temp);
      renameSync(temp, target);
      files++;
      bytes += statSync(target).size;
    }
  }
  return { files, bytes };
}

/** True when this file is the script being run (not imported by a test). */
function isMain(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const examplesDir = join(import.meta.dirname, '..', 'examples');
  const { files, bytes } = writeExampleLogs(examplesDir);
  process.stdout.write(`wrote ${files} log and survey files (${(bytes / 1e6).toFixed(1)} MB) into ${relative(process.cwd(), examplesDir) || '.'}/*/{logs,surveys}/\n`);
  const copied = copyPublicLogs(examplesDir, PUBLIC_DATA);
  if (copied.files > 0) process.stdout.write(`copied ${copied.files} public log files (${(copied.bytes / 1e6).toFixed(1)} MB) from ${relative(process.cwd(), PUBLIC_DATA)} into their example registries\n`);
}
