/** Inline suppressions through the rule runner, as every command sees them (SPEC §7). */
import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../src/model/diagnostic.js';
import { runRules } from '../../src/rules/index.js';
import { load, ROOT, ruleContext } from '../helpers/memory-reader.js';
import { CALENDAR, OWNERS, promise, SOURCE } from './fixtures.js';

/** `spare` is unused (line 3 of c.yaml); so is the owner `idle` (line 2 of o.yaml). */
const calendar = (comment = '', before = '') => `calendars:\n${before}  - id: spare${comment}\n    hours: { weekdays: "09:00-17:00" }\n`;

async function run(files: Record<string, string>, root = ROOT) {
  const { registry, diagnostics } = await load({ ...files, 'promise.yaml': root });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const { diagnostics: all, suppressed } = runRules(ruleContext(registry));
  // a registry of calendars alone declares no promises: not what these tests are about
  const found = sortDiagnostics(all.filter((d) => d.rule !== 'empty-registry'));
  const where = (d: { rule: string; messageId: string; file: string; line: number; column: number }) => `${d.rule}/${d.messageId} ${d.file}:${d.line}:${d.column}`;
  return { found: found.map(where), suppressed: suppressed.map((d) => ({ at: where(d), suppression: d.suppression })), diagnostics: found };
}

describe('inline suppressions', () => {
  it('leave a finding alone without a comment', async () => {
    const r = await run({ 'c.yaml': calendar() });
    expect(r.found).toEqual(['unused-calendar/unused c.yaml:2:9']);
    expect(r.suppressed).toEqual([]);
  });

  it('suppress a finding at the end of its line, with the reason as justification', async () => {
    const r = await run({ 'c.yaml': calendar(' # promise-ignore unused-calendar -- kept for the winter rota') });
    expect(r.found).toEqual([]);
    expect(r.suppressed).toEqual([{ at: 'unused-calendar/unused c.yaml:2:9', suppression: { kind: 'inSource', justification: 'kept for the winter rota' } }]);
  });

  it('suppress a finding from the line before it', async () => {
    const r = await run({ 'c.yaml': calendar('', '  # promise-ignore unused-calendar -- kept for the winter rota\n') });
    expect(r.found).toEqual([]);
    expect(r.suppressed.map((s) => s.at)).toEqual(['unused-calendar/unused c.yaml:3:9']);
  });

  it('suppress several rules with one comment, and only the rules named', async () => {
    const files = {
      'o.yaml': `${OWNERS}promises:\n${promise('p', 'We reply.', '    review_by: 2026-01-01 # promise-ignore stale-promise, unused-owner -- reviewed in the annual round\n')}`,
    };
    const r = await run(files);
    expect(r.suppressed.map((s) => s.at)).toEqual(['stale-promise/overdue o.yaml:14:16']);
    // unmeasured-promise is on another line; unused-owner finds nothing on this one
    expect(r.found).toEqual(['unmeasured-promise/unmeasured o.yaml:10:9', 'bad-suppression/unused o.yaml:14:27']);
  });
});

describe('bad-suppression', () => {
  it.each([
    [' # promise-ignore unused-calendar', 'noReason'],
    [' # promise-ignore unused-calendar --   ', 'noReason'],
    [' # promise-ignore -- no rule named', 'noRule'],
    [' # promise-ignore unused-calender -- typo', 'unknownRule'],
    [' # promise-ignore unknown-ref -- an error rule', 'errorRule'],
    [' # promise-ignore bad-suppression -- itself', 'selfRule'],
  ])('%j suppresses nothing and is reported as %s, at the comment', async (comment, messageId) => {
    const r = await run({ 'c.yaml': calendar(comment) });
    expect(r.suppressed).toEqual([]);
    expect(r.found).toEqual(['unused-calendar/unused c.yaml:2:9', `bad-suppression/${messageId} c.yaml:2:15`]);
    const bad = r.diagnostics.find((d) => d.rule === 'bad-suppression');
    expect(bad?.severity).toBe('warning');
    expect(bad?.entity).toBeUndefined();
  });

  it('a comment with one bad rule suppresses none of its rules', async () => {
    const r = await run({ 'c.yaml': calendar(' # promise-ignore unused-calendar, unknown-column -- columns are checked elsewhere') });
    expect(r.suppressed).toEqual([]);
    expect(r.found).toEqual(['unused-calendar/unused c.yaml:2:9', 'bad-suppression/errorRule c.yaml:2:15']);
    expect(r.diagnostics[1]?.data).toEqual({ rule: 'unknown-column' });
  });

  it('suggests the rule a typo means', async () => {
    const r = await run({ 'c.yaml': calendar(' # promise-ignore unused-calender -- typo') });
    expect(r.diagnostics.find((d) => d.rule === 'bad-suppression')?.data).toEqual({ rule: 'unused-calender', suggestion: 'unused-calendar' });
  });

  it('reports a suppression that suppresses nothing on its line', async () => {
    const files = { 'c.yaml': `${CALENDAR}${SOURCE}`.replace('  - id: office', '  - id: office # promise-ignore unused-source -- wrong line') };
    const r = await run(files);
    expect(r.found).toEqual(['unused-calendar/unused c.yaml:2:9', 'bad-suppression/unused c.yaml:2:16', 'unused-source/unused c.yaml:5:9']);
    expect(r.diagnostics[1]?.data).toEqual({ rule: 'unused-source', target: 2 });
  });

  it('says nothing of a suppression for a rule turned off, and follows its own severity setting', async () => {
    const off = `${ROOT}rules:\n  unused-calendar: off\n`;
    expect((await run({ 'c.yaml': calendar(' # promise-ignore unused-calendar -- x') }, off)).found).toEqual([]);
    const quiet = `${ROOT}rules:\n  bad-suppression: off\n`;
    expect((await run({ 'c.yaml': calendar(' # promise-ignore unused-calendar') }, quiet)).found).toEqual(['unused-calendar/unused c.yaml:2:9']);
    const strict = `${ROOT}rules:\n  bad-suppression: error\n`;
    const r = await run({ 'c.yaml': calendar(' # promise-ignore unused-calendar') }, strict);
    expect(r.diagnostics.find((d) => d.rule === 'bad-suppression')?.severity).toBe('error');
  });

  it('cannot suppress a loading error: an error finding stays where it is', async () => {
    // a suppression in a file whose YAML does not parse is never read: the syntax error is what counts
    const { diagnostics } = await load({ 'c.yaml': 'owners:\n  - id: a # promise-ignore yaml-syntax -- x\n    name: [\n' });
    expect(diagnostics.map((d) => d.rule)).toContain('yaml-syntax');
  });
});
