import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import formats from 'ajv-formats';
import { Chalk } from 'chalk';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatGithub, formatGithubSummary } from '../../../src/report/check/github.js';
import { formatGitlab } from '../../../src/report/check/gitlab.js';
import { CHECK_FORMATS } from '../../../src/report/check/index.js';
import { formatJson } from '../../../src/report/check/json.js';
import { formatJunit } from '../../../src/report/check/junit.js';
import { formatPretty } from '../../../src/report/check/pretty.js';
import { formatSarif } from '../../../src/report/check/sarif.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { summarize } from '../../../src/model/diagnostic.js';
import { RULES } from '../../../src/rules/index.js';
import { checkReport, cleanReport } from './report-fixture.js';

const plain = { chalk: new Chalk({ level: 0 }) };
const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

describe('check formatters', () => {
  it('are registered for every --format of SPEC §3', () => {
    expect(Object.keys(CHECK_FORMATS)).toEqual(['pretty', 'json', 'github', 'junit', 'sarif', 'gitlab']);
  });

  it('are pure: same report, same bytes', () => {
    for (const format of Object.values(CHECK_FORMATS)) expect(format(checkReport(), plain)).toBe(format(checkReport(), plain));
  });
});

describe('pretty', () => {
  it('matches the golden file', async () => {
    await expect(formatPretty(checkReport(), plain)).toMatchFileSnapshot(golden('pretty.txt'));
    await expect(formatPretty(cleanReport(), plain)).toMatchFileSnapshot(golden('pretty-clean.txt'));
  });

  it('is one SPEC line per finding, then the source line and a caret under the value', () => {
    const lines = formatPretty(checkReport(), plain).split('\n');
    const i = lines.indexOf('registry/promises/email.yaml:12:12  error  unknown-ref  standard "email-first-response" names owner "suport-eu" — did you mean "support-eu"?');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(lines[i + 2]).toBe('12 |     owner: suport-eu');
    expect(lines[i + 3]).toBe('   |            ^~~~~~~~~');
    expect(lines.at(-2)).toBe('4 problems: 2 errors, 1 warning, 1 info');
  });

  it('keeps a tab in the lead so the caret lines up', () => {
    const text = formatPretty(checkReport(), plain);
    expect(text).toContain('20 | \ttarget: "95"\n   | \t        ^~~~');
  });

  it('colours only when given a colouring chalk', () => {
    expect(formatPretty(checkReport(), plain)).not.toMatch(/\u001b\[/);
    expect(formatPretty(checkReport(), { chalk: new Chalk({ level: 1 }) })).toMatch(/\u001b\[31m/);
  });
});

describe('json', () => {
  it('matches the golden file and SPEC\'s pinned shape', async () => {
    const text = formatJson(checkReport(), plain);
    await expect(text).toMatchFileSnapshot(golden('check.json'));
    const body = JSON.parse(text) as { registry: string; diagnostics: Record<string, unknown>[]; summary: Record<string, number> };
    expect(Object.keys(body)).toEqual(['registry', 'diagnostics', 'summary']);
    expect(body.summary).toEqual({ errors: 2, warnings: 1, infos: 1 });
    for (const d of body.diagnostics) {
      expect(Object.keys(d)).toEqual(['rule', 'severity', 'message', 'file', 'line', 'column', 'end_line', 'end_column', 'hint']);
    }
    expect(body.diagnostics.find((d) => d.rule === 'unused-calendar')?.hint).toBeNull();
  });
});

describe('github', () => {
  it('writes one workflow command per finding, escaped', async () => {
    const text = formatGithub(checkReport(), plain);
    await expect(text).toMatchFileSnapshot(golden('github.txt'));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::notice file=registry/calendars%2C shared%3A 2026.yaml,line=8,col=9,endLine=8,endColumn=16,title=unused-calendar::calendar "weekend" is used by no standard',
    );
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(1);
    // A newline in a message must not end the command.
    expect(lines.find((l) => l.startsWith('::warning '))).toContain('statement,%0Aor measure');
    expect(text).toContain('100%25 <max>');
    expect(lines.at(-1)).toBe('4 problems: 2 errors, 1 warning, 1 info');
  });

  it('summarises the run in Markdown for the job summary', async () => {
    const md = formatGithubSummary(checkReport());
    await expect(md).toMatchFileSnapshot(golden('github-summary.md'));
    expect(md).toContain('| `registry/promises/email.yaml:12:12` | error | `unknown-ref` |');
    expect(formatGithubSummary(cleanReport())).toBe('### promise check: no problems in 4 files\n\n');
  });
});

describe('junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

  it('matches the golden file', async () => {
    await expect(formatJunit(checkReport(), plain)).toMatchFileSnapshot(golden('check.junit.xml'));
  });

  it('has a suite per file, a failing case per finding and a passing case per clean file', () => {
    type Case = { name: string; failure?: { type: string; message: string } };
    type Suite = { name: string; tests: string; failures: string; testcase: Case[] };
    const doc = parser.parse(formatJunit(checkReport(), plain)) as { testsuites: { tests: string; failures: string; testsuite: Suite[] } };
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual([
      'registry/calendars, shared: 2026.yaml',
      'registry/owners.yaml',
      'registry/promise.yaml',
      'registry/promises/email.yaml',
    ]);
    const email = suites[3] as Suite;
    expect(email.testcase).toHaveLength(3);
    expect(email.testcase.every((c) => c.failure !== undefined)).toBe(true);
    expect(email.testcase[2]?.failure?.message).toBe('standard "vip-callback": target: "95" is not a percentage, 100% <max> & "quotes"');
    expect(suites[1]?.testcase).toEqual([{ name: 'registry/owners.yaml', classname: 'registry/owners.yaml', time: '0' }]);
    expect(doc.testsuites.tests).toBe('6');
    expect(doc.testsuites.failures).toBe('4');
  });

  type Suite = { name: string; testcase: { name: string }[] };
  const namesOf = (report: ReturnType<typeof checkReport>) =>
    (parser.parse(formatJunit(report, plain)) as { testsuites: { testsuite: Suite[] } }).testsuites.testsuite.map((s) => ({ suite: s.name, names: s.testcase.map((c) => c.name) }));

  it('names a test case by its rule and the entity it is about, not by its line', () => {
    const email = namesOf(checkReport()).find((s) => s.suite === 'registry/promises/email.yaml');
    expect(email?.names).toEqual(['statement-mismatch: promise reply-fast, statement', 'unknown-ref: standard email-first-response, owner', 'schema: standard vip-callback, target']);
  });

  it('gives four findings on one item four names, numbering only true repeats', () => {
    const at = { file: 'standards.yaml', line: 4, column: 5, endLine: 4, endColumn: 20 };
    const missing = (field: string): Diagnostic => ({ rule: 'schema', severity: 'error', messageId: 'missing', data: { field }, message: `standard "s1": ${field} is missing`, ...at, entity: { collection: 'standards', id: 's1', field } });
    const diagnostics = [missing('promise'), missing('source'), missing('measure'), missing('target'), { ...missing('target'), message: 'standard "s1": target is missing, again' }, { rule: 'yaml-syntax', severity: 'error' as const, messageId: 'parser', data: {}, message: 'a', ...at }, { rule: 'yaml-syntax', severity: 'error' as const, messageId: 'parser', data: {}, message: 'b', ...at }];
    const report = checkReport({ files: ['standards.yaml'], diagnostics, summary: summarize(diagnostics) });
    expect(namesOf(report)).toEqual([
      {
        suite: 'registry/standards.yaml',
        names: ['schema: standard s1, promise', 'schema: standard s1, source', 'schema: standard s1, measure', 'schema: standard s1, target', 'schema: standard s1, target (2)', 'yaml-syntax', 'yaml-syntax (2)'],
      },
    ]);
  });

  it('keeps every name when the findings move to other lines or are reworded', () => {
    const moved = checkReport({ diagnostics: checkReport().diagnostics.map((d) => ({ ...d, line: d.line + 7, endLine: d.endLine + 7, message: `${d.message}, reworded` })) });
    expect(namesOf(moved)).toEqual(namesOf(checkReport()));
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/external/sarif-schema-2.1.0.json'), 'utf8')) as object;
  // Both packages are CommonJS with a `default` export.
  const Ajv = Ajv04.default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  formats.default(ajv);
  const validate = ajv.compile(schema);

  it('matches the golden file', async () => {
    await expect(formatSarif(checkReport(), plain)).toMatchFileSnapshot(golden('check.sarif'));
  });

  it.each([['with findings', checkReport()], ['clean', cleanReport()]])('is valid SARIF 2.1.0 (%s)', (_, report) => {
    const sarif = JSON.parse(formatSarif(report, plain)) as unknown;
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('describes every rule and locates and fingerprints every result', () => {
    type Result = { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { region: Record<string, number> } }[]; partialFingerprints: Record<string, string> };
    const sarif = JSON.parse(formatSarif(checkReport(), plain)) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: Result[] }[] };
    const run = sarif.runs[0];
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toContain('statement-mismatch');
    expect(rules.every((r) => r.shortDescription.text.length > 0)).toBe(true);
    const results = run?.results ?? [];
    expect(results.map((r) => r.level)).toEqual(['note', 'warning', 'error', 'error']);
    for (const r of results) {
      expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(Object.keys(r.locations[0]?.physicalLocation.region ?? {})).toEqual(['startLine', 'startColumn', 'endLine', 'endColumn']);
    }
    const prints = results.map((r) => r.partialFingerprints['promiseFinding/v2']);
    expect(new Set(prints).size).toBe(results.length);
  });

  it('helps with every rule in text and Markdown, from its description', () => {
    type Rule = { id: string; help: { text: string; markdown: string }; helpUri: string };
    const rules = (JSON.parse(formatSarif(checkReport(), plain)) as { runs: { tool: { driver: { rules: Rule[] } } }[] }).runs[0]?.tool.driver.rules ?? [];
    expect(rules).toHaveLength(RULES.length);
    for (const rule of rules) {
      const description = RULES.find((r) => r.id === rule.id)?.description ?? '';
      expect(rule.help.text.startsWith(description), rule.id).toBe(true);
      expect(rule.help.markdown).toContain(description);
      expect(rule.help.markdown).toContain(`\`${rule.id}\``);
      expect(rule.helpUri).toMatch(/^https:\/\//);
    }
    expect(rules.find((r) => r.id === 'unused-owner')?.help.markdown).toContain('rules:\n  unused-owner: error');
  });

  it('fingerprints by rule, file and entity: not by the message, and distinct for true repeats', () => {
    const prints = (r: ReturnType<typeof checkReport>) =>
      (JSON.parse(formatSarif(r, plain)) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }).runs[0]?.results.map((x) => x.partialFingerprints['promiseFinding/v2']);
    const reworded = checkReport({ diagnostics: checkReport().diagnostics.map((d) => ({ ...d, message: `${d.message} (in other words)`, hint: 'another hint' })) });
    expect(prints(reworded)).toEqual(prints(checkReport()));
    const twice = checkReport({ diagnostics: [...checkReport().diagnostics, { ...(checkReport().diagnostics[3] as Diagnostic), line: 30, endLine: 30 }] });
    const all = prints(twice) ?? [];
    expect(new Set(all).size).toBe(all.length);
    expect(all[4]?.replace(/:\d+$/, '')).toBe(all[3]?.replace(/:\d+$/, ''));
  });

  it('keeps fingerprints when a finding moves to another line', () => {
    const moved = checkReport();
    const shifted = { ...moved, diagnostics: moved.diagnostics.map((d) => ({ ...d, line: d.line + 5, endLine: d.endLine + 5 })) };
    const prints = (r: typeof moved) =>
      (JSON.parse(formatSarif(r, plain)) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }).runs[0]?.results.map((x) => x.partialFingerprints['promiseFinding/v2']);
    expect(prints(shifted)).toEqual(prints(moved));
  });
});

describe('gitlab', () => {
  type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } };
  const issues = (r: ReturnType<typeof checkReport>) => JSON.parse(formatGitlab(r, plain)) as Issue[];

  it('matches the golden file', async () => {
    await expect(formatGitlab(checkReport(), plain)).toMatchFileSnapshot(golden('check.gitlab.json'));
    expect(formatGitlab(cleanReport(), plain)).toBe('[]\n');
  });

  it('is a Code Quality report: one issue per finding with exactly the fields GitLab reads', () => {
    const list = issues(checkReport());
    expect(list).toHaveLength(4);
    for (const issue of list) {
      expect(Object.keys(issue)).toEqual(['description', 'check_name', 'fingerprint', 'severity', 'location']);
      expect(Object.keys(issue.location)).toEqual(['path', 'lines']);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
    }
    expect(list.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['unused-calendar', 'info', 'registry/calendars, shared: 2026.yaml', 8],
      ['statement-mismatch', 'minor', 'registry/promises/email.yaml', 3],
      ['unknown-ref', 'major', 'registry/promises/email.yaml', 12],
      ['schema', 'major', 'registry/promises/email.yaml', 20],
    ]);
    expect(list[2]?.description).toBe('standard "email-first-response" names owner "suport-eu" — did you mean "support-eu"?');
  });

  it('fingerprints as SARIF does: unique, and the same after a move or a rewording', () => {
    const prints = (r: ReturnType<typeof checkReport>) => issues(r).map((i) => i.fingerprint);
    const sarif = (JSON.parse(formatSarif(checkReport(), plain)) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }).runs[0]?.results.map((x) => x.partialFingerprints['promiseFinding/v2']);
    expect(prints(checkReport())).toEqual(sarif);
    expect(new Set(prints(checkReport())).size).toBe(4);
    const edited = checkReport({ diagnostics: checkReport().diagnostics.map((d) => ({ ...d, line: d.line + 3, endLine: d.endLine + 3, message: `${d.message}!` })) });
    expect(prints(edited)).toEqual(prints(checkReport()));
  });
});

describe('suppressed findings (SPEC §7)', () => {
  const [first, second] = checkReport().diagnostics as [Diagnostic, Diagnostic, ...Diagnostic[]];
  const suppressed = [
    { ...first, rule: 'unused-calendar', severity: 'info' as const, line: 30, endLine: 30, suppression: { kind: 'inSource' as const, justification: 'kept for the winter rota' } },
    { ...second, rule: 'statement-mismatch', severity: 'warning' as const, line: 40, endLine: 40, suppression: { kind: 'external' as const, baseline: 'baseline.json' } },
  ];
  const report = checkReport({ suppressed, baseline: { file: 'baseline.json', unmatched: [{ rule: 'unused-owner', file: 'owners.yaml', collection: 'owners', id: 'idle', field: '', count: 1 }] } });
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/external/sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv04.default({ allErrors: true, strict: false });
  formats.default(ajv);
  const validate = ajv.compile(schema);

  it('are SARIF results with their suppressions, and the SARIF stays valid', async () => {
    const text = formatSarif(report, plain);
    await expect(text).toMatchFileSnapshot(golden('check-suppressed.sarif'));
    const sarif = JSON.parse(text) as { runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[]; partialFingerprints: Record<string, string> }[] }[] };
    expect(validate(sarif)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    const results = sarif.runs[0]?.results ?? [];
    expect(results).toHaveLength(6);
    expect(results.flatMap((r) => r.suppressions ?? [])).toEqual([
      { kind: 'inSource', justification: 'kept for the winter rota' },
      { kind: 'external', justification: 'recorded in the baseline baseline.json' },
    ]);
    const prints = results.map((r) => r.partialFingerprints['promiseFinding/v2']);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('are counted in the json summary, which says which baseline entries no longer match', async () => {
    const text = formatJson(report, plain);
    await expect(text).toMatchFileSnapshot(golden('check-suppressed.json'));
    const body = JSON.parse(text) as { diagnostics: unknown[]; summary: Record<string, number>; baseline: { file: string; unmatched: { id: string }[] } };
    expect(body.summary).toEqual({ errors: 2, warnings: 1, infos: 1, suppressed: 2 });
    expect(body.diagnostics).toHaveLength(4);
    expect(body.baseline.file).toBe('baseline.json');
    expect(body.baseline.unmatched.map((e) => e.id)).toEqual(['idle']);
    // without suppressions or a baseline, the pinned shape is unchanged
    expect(Object.keys((JSON.parse(formatJson(checkReport({ suppressed: [] }), plain)) as { summary: object }).summary)).toEqual(['errors', 'warnings', 'infos']);
  });

  it('are counted in the pretty summary line, and left out of github, gitlab and junit', () => {
    expect(formatPretty(report, plain).trimEnd().split('\n').at(-1)).toBe('4 problems: 2 errors, 1 warning, 1 info; 2 suppressed');
    expect(formatPretty(checkReport({ diagnostics: [], summary: summarize([]), suppressed }), plain).trimEnd()).toBe('no problems in 4 files; 2 suppressed');
    expect(formatGithub(report, plain)).toBe(formatGithub(checkReport(), plain));
    expect(formatGitlab(report, plain)).toBe(formatGitlab(checkReport(), plain));
    expect(formatJunit(report, plain)).toBe(formatJunit(checkReport(), plain));
  });
});
