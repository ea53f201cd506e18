/** A small valid registry the rule tests vary one thing at a time. */
export const OWNERS = `owners:
  - id: support
    name: Support
    kind: team
    lead: anna
  - id: anna
    name: Anna
    kind: person
`;

export const CALENDAR = `calendars:
  - id: office
    hours: { weekdays: "09:00-17:00" }
`;

export const SOURCE = `sources:
  - id: tickets
    files: logs/*.csv
    key: ticket_id
`;

export function promise(id: string, statement: string, extra = ''): string {
  return `  - id: ${id}
    statement: ${statement}
    dimension: responsiveness
    owner: support
${extra}`;
}

export function durationStandard(id: string, promiseId: string, within: string, calendar?: string, extra = ''): string {
  return `  - id: ${id}
    promise: ${promiseId}
    source: tickets
    measure:
      kind: duration
      from: opened_at
      to: closed_at
      within: ${within}
${calendar === undefined ? '' : `      calendar: ${calendar}\n`}    target: 95%
    period: quarter
${extra}`;
}
