/**
 * JUnit test-case names and SARIF fingerprints are made of the rule, the file and the entity a
 * finding is about (docs/ci.md), so CI keeps tracking the same finding when a pull request moves
 * it down a few lines, and several findings on one item stay apart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AS_OF, promise, tempDir } from '../helpers/cli.js';
import { elements, parseXmlStrict } from '../helpers/xml.js';

// Each test runs the built CLI several times as a subprocess: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const OWNERS = `owners:
  - { id: support, name: Support, kind: team }
  - { id: nobody, name: Nobody, kind: team }
`;

const BROKEN_STANDARD = `  - id: half-done
    promise: reply
`;

const PROMISES = `  - id: reply
    statement: We reply within 2 hours.
    dimension: responsiveness
    owner: suport
`;

function registry(extraLinesAbove: number, standardFirst: boolean): string {
  const dir = tempDir('promise-keys-');
  mkdirSync(join(dir, 'logs'));
  writeFileSync(join(dir, 'promise.yaml'), 'version: 1\nname: Keys\ntimezone: UTC\n');
  writeFileSync(join(dir, 'owners.yaml'), OWNERS);
  const padding = Array.from({ length: extraLinesAbove }, (_, i) => `# note ${i + 1}\n`).join('');
  const other = `  - { id: other, statement: We answer the phone., dimension: empathy, owner: support }\n`;
  const promises = standardFirst ? `${padding}promises:\n${other}${PROMISES}` : `${padding}promises:\n${PROMISES}${other}`;
  writeFileSync(join(dir, 'registry.yaml'), `${promises}standards:\n${BROKEN_STANDARD}`);
  return dir;
}

function junitNames(dir: string): Record<string, string[]> {
  const r = promise(['check', '--registry', dir, '--as-of', AS_OF, '--format', 'junit'], { cwd: dir });
  expect(r.code, r.stderr).toBe(1);
  const doc = parseXmlStrict(r.stdout);
  return Object.fromEntries(elements(doc, 'testsuite').map((s) => [s.attributes.name ?? '', elements(s, 'testcase').map((c) => c.attributes.name ?? '')]));
}

function sarifResults(dir: string): { rule: string; print: string; line: number }[] {
  const r = promise(['check', '--registry', dir, '--as-of', AS_OF, '--format', 'sarif'], { cwd: dir });
  expect(r.code, r.stderr).toBe(1);
  type Result = { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] };
  const sarif = JSON.parse(r.stdout) as { runs: { results: Result[] }[] };
  return (sarif.runs[0]?.results ?? []).map((x) => ({ rule: x.ruleId, print: x.partialFingerprints['promiseFinding/v2'] ?? '', line: x.locations[0]?.physicalLocation.region.startLine ?? 0 }));
}

describe('check: names and fingerprints that survive edits', () => {
  const before = registry(0, false);
  const after = registry(4, true);

  it('gives every finding on one item its own JUnit name', () => {
    const names = junitNames(before)['registry.yaml'] ?? [];
    // the standard lacks source, measure, target and period: four findings at one place
    expect(names.filter((n) => n.startsWith('schema: standard half-done, '))).toHaveLength(4);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('unknown-ref: promise reply, owner');
  });

  it('keeps JUnit names and SARIF fingerprints when the items move down', () => {
    const moved = sarifResults(after);
    const original = sarifResults(before);
    // they did move
    const line = (rs: typeof moved, rule: string) => rs.find((x) => x.rule === rule)?.line ?? 0;
    expect(line(moved, 'unknown-ref')).toBeGreaterThan(line(original, 'unknown-ref') + 4);
    const prints = (rs: typeof moved) => rs.map((x) => `${x.rule} ${x.print}`).sort();
    expect(prints(moved)).toEqual(prints(original));
    expect(new Set(original.map((x) => x.print)).size).toBe(original.length);
    const sorted = (names: Record<string, string[]>) => Object.fromEntries(Object.entries(names).map(([k, v]) => [k, [...v].sort()]));
    expect(sorted(junitNames(after))).toEqual(sorted(junitNames(before)));
  });
});
