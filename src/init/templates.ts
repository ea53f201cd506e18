/** The files of a new registry (`promise init`): small, realistic, and clean under `promise check`. */
import { TZDate } from '@date-fns/tz';
import { addYears } from 'date-fns/addYears';
import { format } from 'date-fns/format';
import { buildJsonSchemas, serializeJsonSchema } from '../registry/json-schemas.js';
import { sampleTicketLog } from './sample-log.js';

export interface InitOptions {
  name: string;
  timezone: string;
  asOf: Date;
}

const SCHEMA_DIR = '.promise/schemas';
const schemaLine = (kind: string): string => `# yaml-language-server: $schema=./${SCHEMA_DIR}/${kind}.schema.json\n`;

/** Registry-relative path to file content, in the order they are written. */
export function initFiles({ name, timezone, asOf }: InitOptions): Map<string, string> {
  const local = new TZDate(asOf.getTime(), timezone);
  const year = local.getFullYear();
  const reviewBy = format(addYears(local, 1), 'yyyy-MM-dd');
  const holidays = [year, year + 1]
    .flatMap((y) => [
      `      - { date: ${y}-01-01, name: New Year's Day }`,
      `      - { date: ${y}-12-24, name: Christmas Eve, hours: "09:00-12:00" }`,
      `      - { date: ${y}-12-25, name: Christmas Day }`,
      `      - { date: ${y}-12-26, name: Boxing Day }`,
      `      - { date: ${y}-12-31, name: New Year's Eve, hours: "09:00-12:00" }`,
    ])
    .join('\n');
  const files = new Map<string, string>();
  files.set(
    'promise.yaml',
    `${schemaLine('promise')}# The registry root. Every *.yaml file below this folder is part of the registry.
version: 1
name: ${JSON.stringify(name)}
timezone: ${timezone}       # default zone of sources, calendars and periods
fiscal_year_start: 1          # the month that starts the fiscal year
rules:                        # severity per lint rule: error | warning | info | off
  unmeasured-promise: warning
`,
  );
  files.set(
    'owners.yaml',
    `${schemaLine('owners')}# Who is responsible for each promise and standard.
owners:
  - id: customer-care
    name: Customer Care
    kind: team
    email: care@example.com
    lead: sam-taylor
  - id: sam-taylor
    name: Sam Taylor
    kind: person
    email: sam.taylor@example.com
`,
  );
  files.set(
    'calendars.yaml',
    `${schemaLine('calendars')}# Business hours, for standards measured in open time or business days.
calendars:
  - id: office
    hours:
      weekdays: ["09:00-12:30", "13:30-17:30"]
    holidays:                 # add your own public holidays
${holidays}
`,
  );
  files.set(
    'sources.yaml',
    `${schemaLine('sources')}# Delivery logs: CSV exports of the ticketing system.
sources:
  - id: tickets
    files: logs/tickets-*.csv
    key: ticket_id
`,
  );
  files.set(
    'promises.yaml',
    `${schemaLine('promises')}# What we promise our customers, as they read it.
promises:
  - id: reply-within-one-business-day
    statement: We reply to every email within one business day.
    dimension: responsiveness
    owner: customer-care
    channels: [website, order-confirmation-email]
    review_by: ${reviewBy}
  - id: resolve-within-five-business-days
    statement: We resolve every request within 5 business days.
    dimension: reliability
    owner: customer-care
    review_by: ${reviewBy}
  - id: helpful-service
    statement: Our customers rate our help at least 4 out of 5.
    dimension: empathy
    owner: sam-taylor
    review_by: ${reviewBy}
`,
  );
  files.set(
    'standards.yaml',
    `${schemaLine('standards')}# The measurable standards behind each promise.
standards:
  - id: email-first-response
    promise: reply-within-one-business-day
    source: tickets
    where: { channel: email }
    measure:
      kind: duration
      from: opened_at
      to: first_response_at
      within: 1bd
      calendar: office
    target: 95%
    period: month
    warn_at: 75%
    remedy: { action: A personal apology from the team lead }
  - id: resolution-time
    promise: resolve-within-five-business-days
    source: tickets
    measure:
      kind: duration
      from: opened_at
      to: resolved_at
      within: 5bd
      calendar: office
    target: 90%
    period: quarter
    warn_at: 80%
    remedy: { action: A 10 EUR voucher, credit: 10, currency: EUR }
  - id: satisfaction
    promise: helpful-service
    source: tickets
    measure:
      kind: average
      at: resolved_at
      of: csat
      at_least: 4
    period: quarter
`,
  );
  files.set('logs/tickets-sample.csv', sampleTicketLog(asOf, timezone));
  for (const [file, schema] of buildJsonSchemas()) files.set(`${SCHEMA_DIR}/${file}`, serializeJsonSchema(schema));
  return files;
}
