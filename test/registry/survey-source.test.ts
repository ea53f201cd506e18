import { describe, expect, it } from 'vitest';
import { lint, load } from '../helpers/memory-reader.js';

const where = (ds: readonly { rule: string; messageId: string; line: number; column: number }[]) => ds.map((d) => `${d.rule}/${d.messageId} ${d.line}:${d.column}`).sort();

const LOG = `  - id: tickets
    files: logs/tickets.csv
    key: ticket_id
`;

function survey(body: string): Record<string, string> {
  return { 's.yaml': `sources:\n${LOG}  - id: servqual\n    kind: survey\n    files: surveys/s.csv\n    key: response_id\n${body}` };
}

const GOOD = `    at: submitted_at
    scale: [1, 7]
    dimensions:
      reliability: { expectation: [E1, E2], perception: [P1, P2] }
      tangibles: { perception: [P3] }
    weights: { reliability: W1, tangibles: W2 }
    links: { source: tickets, column: ticket_id }
`;

describe('a survey source (SPEC §6)', () => {
  it('loads, with its questionnaire under survey, dimensions in SERVQUAL order and the default period', async () => {
    const { registry, diagnostics } = await load(survey(GOOD));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const source = registry.sources.find((s) => s.id === 'servqual');
    expect(source?.kind).toBe('survey');
    expect(source?.header).toEqual({ rows: 1, nameRow: 1, naming: 'row' });
    expect(source?.survey?.period).toBe('quarter');
    expect(source?.survey?.dimensions.map((d) => [d.dimension, d.items.expectation, d.items.perception])).toEqual([
      ['reliability', ['E1', 'E2'], ['P1', 'P2']],
      ['tangibles', [], ['P3']],
    ]);
    expect(registry.sources.find((s) => s.id === 'tickets')).toMatchObject({ kind: 'log', survey: undefined });
  });

  it.each([
    ['qualtrics', { rows: 3, nameRow: 1, naming: 'row' }],
    ['surveymonkey', { rows: 2, nameRow: 2, naming: 'surveymonkey' }],
  ])('format %s sets the header layout', async (format, header) => {
    const { registry } = await load(survey(`    format: ${format}\n${GOOD}`));
    expect(registry.sources.find((s) => s.id === 'servqual')?.header).toEqual(header);
  });

  it('reads header_rows and header_row', async () => {
    const { registry } = await load(survey(`    header_rows: 3\n    header_row: 2\n${GOOD}`));
    expect(registry.sources.find((s) => s.id === 'servqual')?.header).toEqual({ rows: 3, nameRow: 2, naming: 'row' });
  });

  it.each([
    ['a scale that does not rise', GOOD.replace('[1, 7]', '[7, 1]'), ['schema/badScale 10:12']],
    ['a scale of fractions', GOOD.replace('[1, 7]', '[1, 6.5]'), ['schema/wrongType 10:16']],
    ['an unknown dimension', GOOD.replace('tangibles: { perception', 'tangible: { perception'), ['schema/unknownKey 13:7', 'schema/weightWithoutDimension 14:44']],
    ['a dimension without perception', GOOD.replace('{ perception: [P3] }', '{ expectation: [E3] }'), ['schema/missing 13:18']],
    ['a weight of a dimension not listed', GOOD.replace('tangibles: W2', 'empathy: W2'), ['schema/weightWithoutDimension 14:42']],
    ['no at', GOOD.replace('    at: submitted_at\n', ''), ['schema/surveyNeedsAt 6:11']],
    ['header_row past the header', `    header_rows: 2\n    header_row: 3\n${GOOD}`, ['schema/headerRowPastHeader 10:17']],
    ['format and header_rows', `    format: qualtrics\n    header_rows: 2\n${GOOD}`, ['schema/formatAndHeaderRows 10:18']],
    ['a link to an undeclared source', GOOD.replace('source: tickets', 'source: ticket'), ['unknown-ref/undeclared 15:22']],
    ['a link to a survey', GOOD.replace('source: tickets', 'source: servqual'), ['unknown-ref/linkNotLog 15:22']],
  ])('flags %s at the value', async (_, body, expected) => {
    const { diagnostics } = await load(survey(body));
    expect(where(diagnostics.filter((d) => d.severity === 'error'))).toEqual(expected);
  });

  it('flags survey fields on a log source', async () => {
    const { diagnostics } = await load({ 's.yaml': `sources:\n${LOG}    scale: [1, 5]\n` });
    expect(where(diagnostics.filter((d) => d.severity === 'error'))).toEqual(['schema/surveyOnly 5:12']);
  });

  it('unknown-column: every column the survey names is in the header, located at the value', async () => {
    const header = ['response_id', 'submitted_at', 'ticket_id', 'E1', 'E2', 'P1', 'P2', 'P3', 'W1', 'W2'];
    expect(await lint('unknown-column', survey(GOOD), { headers: { servqual: [header], tickets: [['ticket_id']] } })).toEqual([]);
    const lacking = header.filter((c) => !['submitted_at', 'E2', 'P3', 'W2', 'ticket_id'].includes(c)).concat(['P33']);
    const ds = await lint('unknown-column', survey(GOOD), { headers: { servqual: [lacking], tickets: [['ticket_id']] } });
    expect(where(ds)).toEqual(['unknown-column/lacking 12:40', 'unknown-column/lacking 13:33', 'unknown-column/lacking 14:44', 'unknown-column/lacking 15:39', 'unknown-column/lacking 9:9']);
    expect(ds.find((d) => d.line === 13)?.hint).toMatch(/^did you mean "P\d+"\?$/);
    expect(ds.map((d) => d.entity?.field).sort()).toEqual(['at', 'dimensions.reliability.expectation[1]', 'dimensions.tangibles.perception[0]', 'links.column', 'weights.tangibles']);
  });

  it('unused-source does not flag a survey source that no standard measures', async () => {
    expect((await lint('unused-source', survey(GOOD))).map((d) => d.entity?.id)).toEqual([]);
  });
});
