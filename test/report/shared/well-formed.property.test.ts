/**
 * Every XML and JSON output is well formed whatever text the registry or the logs hold: control
 * characters, U+FFFE/U+FFFF, lone surrogate halves, markup and escape characters in ids,
 * messages, file names and cells. Each output is parsed back strictly and the text read back is
 * the text put in; where XML cannot carry a character at all, it reads back as U+FFFD (the
 * replacement docs/ci.md documents).
 */
import fc from 'fast-check';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../../src/diff/model.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { summarize } from '../../../src/model/diagnostic.js';
import type { Evaluation, PeriodRef } from '../../../src/model/evaluation.js';
import { BREACHES_FORMATS } from '../../../src/report/breaches/index.js';
import { CHECK_FORMATS } from '../../../src/report/check/index.js';
import type { CheckReport } from '../../../src/report/check/types.js';
import { DIFF_FORMATS } from '../../../src/report/diff/index.js';
import { GAPS_FORMATS } from '../../../src/report/gaps/index.js';
import { REPORT_FORMATS } from '../../../src/report/report/index.js';
import type { EvaluationReport } from '../../../src/report/shared/evaluation.js';
import { RULES } from '../../../src/rules/index.js';
import { elements, isUtf8RoundTrip, parseXmlStrict } from '../../helpers/xml.js';
import { quarterlyReport } from '../report/report-fixture.js';

const plain = { chalk: new Chalk({ level: 0 }), width: 100 };

/** What XML 1.0 can carry (§2.2 Char): tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF. */
function xmlCarries(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** The text as an XML reader gets it back: every character XML cannot carry is U+FFFD. */
function asXmlReadsIt(text: string): string {
  let out = '';
  for (const ch of text) out += xmlCarries(ch.codePointAt(0) ?? 0) ? ch : '\uFFFD';
  return out;
}

/** The text as UTF-8 can carry it: a lone surrogate half is U+FFFD. */
function asUtf8CarriesIt(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    out += c >= 0xd800 && c <= 0xdfff ? '\uFFFD' : ch;
  }
  return out;
}

const awkward = fc.constantFrom(
  '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F',
  '\u0085', '\u2028', '\u2029', '\r', '\n', '\r\n', '\t', '&', '<', '>', '"', "'", '%', ':', ',', '::', ']]>', '&amp;', '&#0;', '#', '?',
  '/', '\\', '—', '😀', '\u{10FFFF}',
);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
/** Any text, weighted towards what breaks XML, JSON and workflow commands. */
const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), awkward, loneSurrogate, control), { maxLength: 10 }).map((parts) => parts.join(''));
/** Non-empty, for values a report would never hold empty (a file name). */
const name = text.map((t) => `f${t}`);

const RUNS = { numRuns: 150 };

function checkReport(message: string, hint: string, file: string, id: string): CheckReport {
  const at = { line: 3, column: 5, endLine: 3, endColumn: 9 };
  const diagnostics: Diagnostic[] = [
    { rule: 'unknown-ref', severity: 'error', messageId: 'undeclared', data: {}, message, hint, file, ...at, entity: { collection: 'standards', id, field: 'owner' } },
    { rule: 'schema', severity: 'warning', messageId: 'invalid', data: {}, message: hint, file, ...at, line: 4, endLine: 4 },
    { rule: 'unused-owner', severity: 'info', messageId: 'unused', data: {}, message, file: `${file}/x`, ...at, entity: { collection: 'owners', id, field: '' } },
  ];
  return {
    registry: file,
    pathPrefix: 'registry/',
    files: [file, `${file}/x`, `${file}-clean`],
    diagnostics,
    summary: summarize(diagnostics),
    lines: new Map([[file, ['', '', `    owner: ${message}`]]]),
    rules: RULES.map(({ id: ruleId, kind, defaultSeverity, description }) => ({ id: ruleId, kind, defaultSeverity, description })),
    tool: { name: 'promise', version: '0.1.0' },
  };
}

describe('check outputs', () => {
  it('junit is well-formed XML that reads back as the text put in', () => {
    fc.assert(
      fc.property(text, text, name, text, (message, hint, file, id) => {
        const out = CHECK_FORMATS.junit(checkReport(message, hint, file, id), plain);
        const doc = parseXmlStrict(out);
        const suites = elements(doc, 'testsuite');
        expect(suites.map((s) => s.attributes.name).sort()).toEqual([file, `${file}/x`, `${file}-clean`].map((f) => asXmlReadsIt(`registry/${f}`)).sort());
        const failures = elements(doc, 'failure');
        expect(failures.map((f) => f.attributes.message)).toEqual(expect.arrayContaining([asXmlReadsIt(message), asXmlReadsIt(hint)]));
        const detail = failures.find((f) => f.attributes.type === 'error')?.text ?? '';
        expect(detail).toContain(asXmlReadsIt(message));
        expect(detail).toContain(asXmlReadsIt(hint));
        for (const suite of suites) {
          const names = elements(suite, 'testcase').map((c) => c.attributes.name);
          expect(new Set(names).size).toBe(names.length);
        }
      }),
      RUNS,
    );
  });

  it('sarif, json and gitlab are JSON that reads back exactly, and valid UTF-8', () => {
    fc.assert(
      fc.property(text, text, name, text, (message, hint, file, id) => {
        const report = checkReport(message, hint, file, id);
        for (const format of ['json', 'sarif', 'gitlab'] as const) {
          const out = CHECK_FORMATS[format](report, plain);
          expect(isUtf8RoundTrip(out), `${format} is valid UTF-8`).toBe(true);
          const body = JSON.parse(out) as unknown;
          if (format === 'json') {
            const json = body as { registry: string; diagnostics: { message: string; hint: string | null; file: string }[] };
            expect(json.registry).toBe(file);
            expect(json.diagnostics[0]).toMatchObject({ message, hint, file });
          } else if (format === 'sarif') {
            const sarif = body as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
            const result = sarif.runs[0]?.results[0];
            expect(result?.message.text).toBe(`${message} — ${hint}`);
            const uri = result?.locations[0]?.physicalLocation.artifactLocation.uri ?? '';
            // A URI reference: nothing that would start a query or a fragment, every segment decodes back.
            expect(uri).not.toMatch(/[?#\s]/);
            expect(uri.split('/').map(decodeURIComponent).join('/')).toBe(asUtf8CarriesIt(`registry/${file}`));
          } else {
            const issues = body as { description: string; location: { path: string } }[];
            expect(issues[0]?.description).toBe(`${message} — ${hint}`);
            expect(issues[0]?.location.path).toBe(`registry/${file}`);
          }
        }
      }),
      RUNS,
    );
  });

  it('github writes one workflow command per finding whose data and properties decode back', () => {
    const unescape = (s: string) => s.replace(/%(25|0D|0A|3A|2C)/g, (_, c: string) => ({ '25': '%', '0D': '\r', '0A': '\n', '3A': ':', '2C': ',' })[c] ?? '');
    fc.assert(
      fc.property(text, text, name, text, (message, hint, file, id) => {
        const out = CHECK_FORMATS.github(checkReport(message, hint, file, id), plain);
        expect(isUtf8RoundTrip(out)).toBe(true);
        const lines = out.trimEnd().split('\n');
        expect(lines).toHaveLength(4);
        const first = /^::error (?<props>[^:]*)::(?<data>.*)$/s.exec(lines[0] ?? '');
        expect(first).not.toBeNull();
        expect(unescape(first?.groups?.data ?? '')).toBe(asUtf8CarriesIt(`${message} — ${hint}`));
        const props = Object.fromEntries((first?.groups?.props ?? '').split(',').map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
        expect(props.file).toBe(asUtf8CarriesIt(`registry/${file}`));
        expect(props.title).toBe('unknown-ref');
      }),
      RUNS,
    );
  });
});

const at = (iso: string): number => Date.parse(iso);

function evaluationReport(s: string, t: string): EvaluationReport {
  const period: PeriodRef = { kind: 'month', key: `2026-07${t}`, startMs: at('2026-07-01T00:00:00Z'), endMs: at('2026-08-01T00:00:00Z') };
  const counts = { standards: 1, met: 0, missed: 1, onTrack: 0, atRisk: 0, noData: 0, promises: 1, kept: 0, broken: 1, inProgress: 0, unmeasured: 0, judged: 1, judgedMet: 0, breaches: 1, compliance: 0 };
  const evaluation: Evaluation = {
    asOfMs: at('2026-11-16T08:00:00Z'),
    breaches: [
      {
        standard: s, promise: t, owner: s, source: t, record: s, file: t, line: 2, period: period.key, outcome: 'breached', open: false,
        startMs: at('2026-07-02T08:00:00Z'), endMs: at('2026-07-03T08:00:00Z'), dueMs: at('2026-07-02T09:00:00Z'),
        elapsedSeconds: 86_400, limitSeconds: 3_600, overSeconds: 82_800, remedy: { action: t, credit: 10, currency: s },
      },
    ],
    invalid: [{ source: s, standard: t, file: s, line: 3, record: t, code: 'not-a-timestamp', args: { column: 'opened_at', text: s, format: undefined }, period: period.key }],
    duplicates: [{ source: s, record: t, file: s, line: 4, firstFile: t, firstLine: 2 }],
    gaps: [
      {
        standard: s, promise: t, owner: s, period, records: 1, met: 0, breached: 1, pending: 0, atRisk: 0, skipped: 0, invalid: 0, compliance: 0,
        target: 0.9, gap: -0.9, status: 'missed', p50Seconds: 86_400, p90Seconds: 86_400, pTargetSeconds: 86_400, average: undefined, credits: { [s]: 10 },
      },
    ],
    summaries: [],
    promises: [{ promise: t, owner: s, dimension: t, period, status: 'broken', standards: [{ standard: s, status: 'missed' }] }],
    owners: [{ owner: s, period, ...counts }],
    dimensions: [{ dimension: t, period, ...counts }],
    sources: [{ source: t, files: 1, rows: 3, invalid: 1, duplicateKeys: 1, dstGapTimes: 0, dstOverlapTimes: 0, standards: [{ standard: s, inPeriods: 1, outOfScope: 1, future: 0, invalidWithoutPeriod: 1, skippedWithoutPeriod: 0 }] }],
    customer: [],
    servqual: [],
  };
  return { registry: s, timezone: 'UTC', asOfMs: evaluation.asOfMs, periods: undefined, evaluation };
}

describe('evaluation outputs', () => {
  it('breaches json and ndjson, gaps json: JSON that reads back exactly, and valid UTF-8', () => {
    fc.assert(
      fc.property(text, text, (s, t) => {
        const report = evaluationReport(s, t);
        const outputs = [BREACHES_FORMATS.json(report, plain), GAPS_FORMATS.json(report, plain), ...BREACHES_FORMATS.ndjson(report, plain).split('\n').filter((l) => l !== '')];
        for (const out of outputs) expect(isUtf8RoundTrip(out)).toBe(true);
        const breaches = JSON.parse(outputs[0] ?? '') as { breaches: Record<string, unknown>[]; invalid: Record<string, unknown>[]; duplicates: Record<string, unknown>[] };
        expect(breaches.breaches[0]).toMatchObject({ standard: s, promise: t, record: s, file: t, period: `2026-07${t}`, remedy: { action: t, currency: s } });
        expect(breaches.invalid[0]).toMatchObject({ source: s, standard: t, record: t, reason: `opened_at "${s}" is not an ISO 8601 timestamp`, reason_code: 'not-a-timestamp' });
        expect(breaches.duplicates[0]).toMatchObject({ source: s, record: t, first_file: t });
        const gaps = JSON.parse(outputs[1] ?? '') as { standards: Record<string, unknown>[]; promises: Record<string, unknown>[]; owners: Record<string, unknown>[]; dimensions: Record<string, unknown>[]; sources: Record<string, unknown>[] };
        expect(gaps.standards[0]).toMatchObject({ standard: s, promise: t, owner: s, credits: { [s]: 10 } });
        expect(gaps.promises[0]).toMatchObject({ promise: t, dimension: t });
        expect(gaps.owners[0]).toMatchObject({ owner: s });
        expect(gaps.dimensions[0]).toMatchObject({ dimension: t });
        expect(gaps.sources[0]).toMatchObject({ source: t });
        const ndjson = outputs.slice(2);
        expect(ndjson).toHaveLength(1);
        expect(JSON.parse(ndjson[0] ?? '')).toMatchObject({ standard: s, record: s, file: t });
      }),
      RUNS,
    );
  });
});

describe('report outputs', () => {
  const fixture = quarterlyReport();
  const withText = (s: string, t: string) =>
    quarterlyReport({
      registry: s,
      promises: fixture.promises.map((p, i) => (i === 0 ? { ...p, statement: t, ownerName: s } : p)),
      recovery: { ...fixture.recovery, worst: fixture.recovery.worst.map((b, i) => (i === 0 ? { ...b, record: t, file: s } : b)) },
      dataQuality: { ...fixture.dataQuality, invalid: fixture.dataQuality.invalid.map((r, i) => (i === 0 ? { ...r, code: 'not-a-number' as const, args: { column: t, text: s }, file: s } : r)) },
    });

  it('json reads back exactly, and is valid UTF-8', () => {
    fc.assert(
      fc.property(text, text, (s, t) => {
        const out = REPORT_FORMATS.json(withText(s, t));
        expect(isUtf8RoundTrip(out)).toBe(true);
        const body = JSON.parse(out) as { registry: string; promises: { statement: string; owner_name: string }[]; recovery: { worst: { record: string; file: string }[] }; data_quality: { invalid: { reason: string; file: string }[] } };
        expect(body.registry).toBe(s);
        expect(body.promises[0]).toMatchObject({ statement: t, owner_name: s });
        expect(body.recovery.worst[0]).toMatchObject({ record: t, file: s });
        expect(body.data_quality.invalid[0]).toMatchObject({ reason: `${t} "${s}" is not a number`, reason_code: 'not-a-number', file: s });
      }),
      RUNS,
    );
  });

  it('html carries only characters XML can carry, and shows the text put in', () => {
    const decode = (html: string) =>
      html
        .replace(/<[^>]*>/g, '')
        .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
        .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
        .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
    fc.assert(
      fc.property(text, text, (s, t) => {
        const out = REPORT_FORMATS.html(withText(`r${s}`, `p${t}`));
        expect(isUtf8RoundTrip(out)).toBe(true);
        const foreign = [...out].find((ch) => !xmlCarries(ch.codePointAt(0) ?? 0));
        expect(foreign, 'a character XML cannot carry').toBeUndefined();
        const shown = decode(out);
        expect(shown).toContain(asXmlReadsIt(`r${s}`));
        expect(shown).toContain(asXmlReadsIt(`p${t}`));
      }),
      { numRuns: 40 },
    );
  });
});

describe('diff output', () => {
  it('json reads back exactly, and is valid UTF-8', () => {
    fc.assert(
      fc.property(text, text, (s, t) => {
        const report: DiffReport = {
          registry: s,
          timezone: 'UTC',
          revision: t,
          commit: s,
          existedBefore: true,
          asOfMs: at('2026-11-16T08:00:00Z'),
          changes: [{ entity: 'standard', id: s, previousId: t, kind: 'changed', field: `where.${t}`, before: s, after: t, class: 'neutral', reason: 'scope', affects: [s] }],
          impacts: [
            {
              standard: s, previousId: t, periodKind: 'quarter', before: undefined, after: undefined, newlyBreached: undefined, noLongerBreached: undefined,
              unavailable: { kind: 'missing-column', side: 'after', column: t, file: s },
            },
          ],
        };
        const out = DIFF_FORMATS.json(report, plain);
        expect(isUtf8RoundTrip(out)).toBe(true);
        const body = JSON.parse(out) as { registry: string; revision: string; changes: Record<string, unknown>[]; impact: Record<string, unknown>[] };
        expect(body.registry).toBe(s);
        expect(body.revision).toBe(t);
        expect(body.changes[0]).toMatchObject({ id: s, previous_id: t, field: `where.${t}`, before: s, after: t, affects: [s] });
        expect(body.impact[0]).toMatchObject({ standard: s, unavailable: { column: t, file: s } });
      }),
      RUNS,
    );
  });
});
