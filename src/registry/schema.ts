/**
 * The registry file format of SPEC §1 as zod schemas: the one contract for validation, for
 * the entity types (z.infer) and for the JSON Schemas in `schemas/`.
 */
import { format } from 'date-fns/format';
import { z } from 'zod';
import { compilePattern } from '../engine/pattern.js';
import type { MessageData } from '../model/diagnostic.js';
import { LINT_RULE_IDS } from '../model/rule-ids.js';
import { parseDuration, type Duration } from './duration.js';
import { ownRecord } from './own-keys.js';
import type { SchemaMessageId } from './rule-messages.js';
import {
  isCalendarDate,
  isTimeZone,
  closestTimeZone,
  parseIntervals,
  parseShare,
  type Interval,
} from './values.js';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const DIMENSIONS = ['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles'] as const;
export const PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const COLLECTIONS = ['owners', 'calendars', 'sources', 'promises', 'standards'] as const;
export const SETTINGS_KEYS = ['version', 'name', 'timezone', 'fiscal_year_start', 'rules', 'ignore'] as const;

export type PeriodKind = (typeof PERIODS)[number];
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * An issue names its message by id (registry/rule-messages.ts) and carries that message's data in
 * its params; zod-issues.ts turns it into a located `schema` finding.
 */
function issue(messageId: SchemaMessageId, data: MessageData = {}, path?: (string | number)[]): Parameters<z.RefinementCtx['addIssue']>[0] {
  return path === undefined ? { code: 'custom', message: messageId, params: { data } } : { code: 'custom', path, message: messageId, params: { data } };
}

function fail(ctx: z.RefinementCtx, failure: { messageId: SchemaMessageId; data: MessageData }): typeof z.NEVER {
  ctx.addIssue(issue(failure.messageId, failure.data));
  return z.NEVER;
}

const text = z.string().trim().min(1, { message: 'emptyText' satisfies SchemaMessageId });

export const idSchema = z
  .string()
  .superRefine((value, ctx) => {
    if (!ID_PATTERN.test(value)) fail(ctx, { messageId: 'badId', data: { value } });
  })
  .meta({ description: 'An id: lower-case letters, digits and hyphens, starting with a letter or digit.', pattern: ID_PATTERN.source });

/** A reference to another entity by id. */
const refSchema = idSchema;

const columnSchema = text.meta({ description: 'A column of the source CSV, by its header name.' });

export const timeZoneSchema = z
  .string()
  .superRefine((value, ctx) => {
    if (isTimeZone(value)) return;
    fail(ctx, { messageId: 'badZone', data: { value, suggestion: closestTimeZone(value) ?? '' } });
  })
  .meta({ description: 'An IANA time zone, e.g. Europe/Berlin.' });

export const dateSchema = z
  .string()
  .superRefine((value, ctx) => {
    if (!isCalendarDate(value)) fail(ctx, { messageId: 'badDate', data: { value } });
  })
  .meta({ description: 'A calendar date, YYYY-MM-DD.' });

const durationText = z.string().meta({
  description: 'A duration: 30m, 4h, 1h30m, 2d, 1w (lengths of time) or 1bd (business days; needs a calendar).',
});

export const durationSchema = durationText.transform((value, ctx): Duration => {
  const r = parseDuration(value);
  return r.ok ? r.value : fail(ctx, r);
});

const shareSchema = z
  .union([z.string(), z.number()])
  .transform((value, ctx): number => {
    const r = parseShare(value);
    return r.ok ? r.value : fail(ctx, r);
  })
  .meta({ description: 'A share: a percentage such as 95% or a fraction such as 0.95.' });

const hoursSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx): Interval[] => {
    const r = parseIntervals(typeof value === 'string' ? [value] : value);
    return r.ok ? r.value : fail(ctx, r);
  })
  .meta({ description: 'Open hours of a day: "09:00-17:00" or a list of such intervals; [] is closed.' });

// ---- owners ------------------------------------------------------------------------------

export const ownerSchema = z
  .strictObject({
    id: idSchema,
    name: text,
    kind: z.enum(['team', 'person']),
    email: z.email({ message: 'badEmail' satisfies SchemaMessageId }).optional(),
    lead: refSchema.optional().meta({ description: 'Another owner, a person, who leads this one.' }),
  })
  .meta({ title: 'Owner', description: 'A team or person responsible for promises and standards.' });

// ---- calendars -----------------------------------------------------------------------------

const holidaySchema = z.union([
  dateSchema,
  z.strictObject({
    date: dateSchema,
    name: text.optional(),
    hours: hoursSchema.optional().meta({ description: 'Shortened opening hours; omit to close all day.' }),
  }),
]);

export const calendarSchema = z
  .strictObject({
    id: idSchema,
    timezone: timeZoneSchema.optional().meta({ description: 'Defaults to the registry timezone.' }),
    hours: z
      .strictObject({
        daily: hoursSchema.optional(),
        weekdays: hoursSchema.optional(),
        mon: hoursSchema.optional(),
        tue: hoursSchema.optional(),
        wed: hoursSchema.optional(),
        thu: hoursSchema.optional(),
        fri: hoursSchema.optional(),
        sat: hoursSchema.optional(),
        sun: hoursSchema.optional(),
      })
      .meta({ description: 'Open hours per day: `daily`, then `weekdays` (mon-fri), then a named day, each overriding the one before.' }),
    holidays: z.array(holidaySchema).optional(),
  })
  .meta({ title: 'Calendar', description: 'Business hours, for standards that count open time or business days.' });

// ---- sources -------------------------------------------------------------------------------

const timestampFormatSchema = z
  .string()
  .superRefine((value, ctx) => {
    try {
      format(new Date(0), value);
    } catch (err) {
      fail(ctx, { messageId: 'badTimestampFormat', data: { value, reason: (err as Error).message } });
    }
  })
  .meta({ description: 'A date-fns pattern for timestamps, e.g. "MM/dd/yyyy hh:mm:ss a"; default ISO 8601.' });

export const SOURCE_KINDS = ['log', 'survey'] as const;
export const EXPORT_FORMATS = ['qualtrics', 'surveymonkey'] as const;
/** Fields that only a survey source has. */
const SURVEY_FIELDS = ['at', 'period', 'scale', 'dimensions', 'weights', 'links', 'score'] as const;

const dimensionColumnsSchema = z
  .strictObject({
    expectation: z.array(columnSchema).optional().meta({ description: 'Columns of the expectation (E) items; omit for SERVPERF.' }),
    perception: z.array(columnSchema).min(1, { message: 'noPerception' satisfies SchemaMessageId }).meta({ description: 'Columns of the perception (P) items.' }),
  })
  .meta({ description: "A dimension's items: expectation and perception columns." });

export const sourceSchema = z
  .strictObject({
    id: idSchema,
    description: text.optional(),
    files: z
      .union([text, z.array(text).min(1, { message: 'noFiles' satisfies SchemaMessageId })])
      .meta({ description: 'Glob(s) of CSV files, relative to the registry root.' }),
    key: columnSchema.meta({ description: 'The column that identifies a record.' }),
    timezone: timeZoneSchema.optional().meta({ description: 'Zone of timestamps written without an offset; defaults to the registry timezone.' }),
    timestamp_format: timestampFormatSchema.optional(),
    delimiter: z.string().length(1, { message: 'badDelimiter' satisfies SchemaMessageId }).optional(),
    kind: z.enum(SOURCE_KINDS).optional().meta({ description: 'log (default): a delivery log; survey: the CSV export of a questionnaire (SPEC §6).' }),
    header_rows: z.number().int().min(1).max(20).optional().meta({ description: 'How many lines the header takes (exports of survey tools write two or three); default 1.' }),
    header_row: z.number().int().min(1).optional().meta({ description: 'Which of the header lines names the columns (1-based); default 1.' }),
    format: z.enum(EXPORT_FORMATS).optional().meta({ description: 'A survey tool\'s export layout: qualtrics (3 header lines, the first names the columns) or surveymonkey (2 header lines: the question, then the sub-answer; docs/customer-gap.md says how a column is named).' }),
    at: columnSchema.optional().meta({ description: 'survey: the column that dates a response into a period.' }),
    period: z.enum(PERIODS).optional().meta({ description: 'survey: the length of the periods the customer gap is computed over; default quarter.' }),
    scale: z.tuple([z.number().int(), z.number().int()]).optional().meta({ description: 'survey: the answer scale [lowest, highest], whole numbers; an answer outside it is a data error.' }),
    dimensions: z
      .partialRecord(z.enum(DIMENSIONS), dimensionColumnsSchema)
      .optional()
      .meta({ description: 'survey: per SERVQUAL dimension, the columns of its expectation and perception items (perception only: SERVPERF).' }),
    weights: z.partialRecord(z.enum(DIMENSIONS), columnSchema).optional().meta({ description: "survey: per dimension, the column of the respondent's importance points (100 split over the dimensions)." }),
    links: z
      .strictObject({
        source: refSchema.meta({ description: 'The log source a response is about.' }),
        column: columnSchema.meta({ description: "The survey's column that holds the linked record's key." }),
      })
      .optional(),
    score: columnSchema.optional().meta({ description: 'survey without dimensions: its one score column.' }),
  })
  .superRefine((s, ctx) => {
    const survey = s.kind === 'survey';
    if (!survey) {
      for (const field of SURVEY_FIELDS) if (s[field] !== undefined) ctx.addIssue(issue('surveyOnly', { field }, [field]));
      return;
    }
    if (s.at === undefined) ctx.addIssue(issue('surveyNeedsAt', {}, ['kind']));
    if (s.scale === undefined) ctx.addIssue(issue('surveyNeedsScale', {}, ['kind']));
    else if (s.scale[0] >= s.scale[1]) ctx.addIssue(issue('badScale', { lo: s.scale[0], hi: s.scale[1] }, ['scale']));
    const dimensions = Object.keys(s.dimensions ?? {});
    if (dimensions.length === 0 && s.score === undefined) ctx.addIssue(issue('surveyNeedsItems', {}, ['kind']));
    for (const dimension of Object.keys(s.weights ?? {})) {
      if (!dimensions.includes(dimension)) ctx.addIssue(issue('weightWithoutDimension', { dimension }, ['weights', dimension]));
    }
  })
  .superRefine((s, ctx) => {
    if (s.format !== undefined && s.header_rows !== undefined) ctx.addIssue(issue('formatAndHeaderRows', { format: s.format }, ['header_rows']));
    if (s.header_row !== undefined && s.header_row > (s.header_rows ?? 1)) ctx.addIssue(issue('headerRowPastHeader', { row: s.header_row, rows: s.header_rows ?? 1 }, ['header_row']));
  })
  .meta({ title: 'Source', description: 'A delivery log (CSV exports of a ticketing, CRM, order or field-service system), or a survey export.' });

// ---- promises ------------------------------------------------------------------------------

export const promiseSchema = z
  .strictObject({
    id: idSchema,
    statement: text.meta({ description: 'The promise as customers read it.' }),
    dimension: z.enum(DIMENSIONS).meta({ description: 'The SERVQUAL dimension it serves.' }),
    owner: refSchema,
    audience: text.optional(),
    channels: z.array(text).optional().meta({ description: 'Where the promise is published.' }),
    review_by: dateSchema.optional().meta({ description: 'When the promise must be reviewed again.' }),
  })
  .meta({ title: 'Promise', description: 'What the organisation promises its customers.' });

// ---- conditions ----------------------------------------------------------------------------

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const regexSchema = z
  .string()
  .superRefine((value, ctx) => {
    const compiled = compilePattern(value);
    // the pattern engine's own words on what RE2 does not accept (engine/pattern.ts)
    if (!compiled.ok) fail(ctx, { messageId: 'badPattern', data: { detail: compiled.message, advice: compiled.hint } });
  })
  .meta({ description: 'A regular expression in RE2 syntax (no backreferences or lookaround; (?i) for case-insensitive), matched anywhere in the cell.' });

const operatorsSchema = z
  .strictObject({
    eq: scalar.optional(),
    ne: scalar.optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    in: z.array(scalar).optional(),
    not_in: z.array(scalar).optional(),
    matches: regexSchema.optional(),
    empty: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, {
    message: 'noOperator' satisfies SchemaMessageId,
    when: (payload) => payload.issues.length === 0,
  })
  .meta({ description: 'Operators on one column; all of them must hold.' });

const columnTestSchema = z
  .union([scalar, z.array(scalar), operatorsSchema])
  .meta({ description: 'A value (equals), a list (one of), or operators.' });

export interface ConditionInput {
  any?: ConditionInput[] | undefined;
  all?: ConditionInput[] | undefined;
  not?: ConditionInput | undefined;
  [column: string]: unknown;
}

export const conditionSchema: z.ZodType<ConditionInput> = z.lazy(() =>
  z
    .object({
      any: z.array(conditionSchema).min(1, { message: 'noConditions' satisfies SchemaMessageId }).optional(),
      all: z.array(conditionSchema).min(1, { message: 'noConditions' satisfies SchemaMessageId }).optional(),
      not: conditionSchema.optional(),
    })
    .catchall(columnTestSchema)
    .refine((value) => Object.keys(value).length > 0, {
      message: 'emptyCondition' satisfies SchemaMessageId,
      when: (payload) => payload.issues.length === 0,
    })
    .meta({
      description: 'Column tests, all of which must hold, tested in the order written; `any`, `all` and `not` combine conditions.',
    }),
).meta({ id: 'condition' });

// ---- standards -----------------------------------------------------------------------------

export function isDuration(value: Duration | Record<string, Duration>): value is Duration {
  return typeof value.text === 'string';
}

/** Limits by the `per` column's values: any text is a value, `__proto__` too (own-keys.ts). */
const limitMapSchema = z.record(z.string(), durationSchema).transform((limits) => ownRecord(Object.entries(limits)));

const withinSchema = z.union([durationSchema, limitMapSchema]).meta({
  description: 'The limit; with `per`, a map from the column\'s values to limits, with `default` for the rest.',
});

const durationMeasure = z
  .strictObject({
    kind: z.literal('duration'),
    from: columnSchema.meta({ description: 'When the clock starts.' }),
    to: columnSchema.meta({ description: 'When the clock stops; empty while the record is open.' }),
    within: withinSchema,
    calendar: refSchema.optional().meta({ description: 'Count open time on this business calendar; default wall-clock.' }),
    paused: columnSchema.optional().meta({ description: 'A column of minutes to subtract (e.g. waiting on the customer).' }),
    per: columnSchema.optional().meta({ description: 'A column whose value selects the limit in a `within` map.' }),
  })
  .superRefine((m, ctx) => {
    const limits: [Duration, (string | number)[]][] = isDuration(m.within)
      ? [[m.within, ['within']]]
      : Object.entries(m.within).map(([k, d]): [Duration, string[]] => [d, ['within', k]]);
    if (!isDuration(m.within) && m.per === undefined) {
      ctx.addIssue(issue('limitsNeedPer', {}, ['within']));
    }
    for (const [d, path] of limits) {
      if (m.calendar !== undefined && d.kind === 'time' && d.usesDays) {
        ctx.addIssue(issue('daysOnCalendar', { limit: d.text }, path));
      }
      if (m.calendar === undefined && d.kind === 'business-days') {
        ctx.addIssue(issue('businessDaysNeedCalendar', { limit: d.text }, path));
      }
    }
  });

const graceSchema = durationSchema.superRefine((d, ctx) => {
  if (d.kind === 'business-days') fail(ctx, { messageId: 'graceInBusinessDays', data: { limit: d.text } });
});

const deadlineMeasure = z.strictObject({
  kind: z.literal('deadline'),
  done: columnSchema.meta({ description: 'When it was done; empty while open.' }),
  due: columnSchema.meta({ description: 'When it was due; an empty cell means no promise was made.' }),
  grace: graceSchema.optional(),
  start: columnSchema.optional().meta({ description: 'The column that dates the record; default `due`.' }),
  due_is_date: z.boolean().optional().meta({ description: "Ignore the due cell's time of day: due by the end of that day." }),
});

const conditionMeasure = z.strictObject({
  kind: z.literal('condition'),
  at: columnSchema.meta({ description: 'The column that dates the record.' }),
  expect: conditionSchema,
});

const averageMeasure = z
  .strictObject({
    kind: z.literal('average'),
    at: columnSchema.meta({ description: 'The column that dates the record.' }),
    of: columnSchema.meta({ description: 'The numeric column averaged over the period.' }),
    at_least: z.number().optional(),
    at_most: z.number().optional(),
  })
  .superRefine((m, ctx) => {
    if ((m.at_least === undefined) === (m.at_most === undefined)) {
      fail(ctx, { messageId: 'averageBound', data: {} });
    }
  });

const npsMeasure = z.strictObject({
  kind: z.literal('nps'),
  at: columnSchema.meta({ description: 'The column that dates the response.' }),
  of: columnSchema.meta({ description: 'The 0–10 likelihood-to-recommend column.' }),
  at_least: z.number().min(-100).max(100).meta({ description: 'The least Net Promoter Score (−100..100) the period must reach.' }),
});

export const measureSchema = z
  .discriminatedUnion('kind', [durationMeasure, deadlineMeasure, conditionMeasure, averageMeasure, npsMeasure])
  .meta({ description: 'How a record is judged: duration, deadline, condition, average or nps.' });

const remedySchema = z
  .strictObject({
    action: text.meta({ description: 'What the customer gets when the standard is breached.' }),
    credit: z.number().nonnegative().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'badCurrency' satisfies SchemaMessageId })
      .optional(),
  })
  .superRefine((r, ctx) => {
    if (r.credit !== undefined && r.currency === undefined) {
      ctx.addIssue(issue('creditNeedsCurrency', {}, ['credit']));
    }
  });

export const standardSchema = z
  .strictObject({
    id: idSchema,
    promise: refSchema.meta({ description: 'The promise this standard measures.' }),
    owner: refSchema.optional().meta({ description: "Defaults to the promise's owner." }),
    department: text.optional(),
    description: text.optional(),
    source: refSchema.meta({ description: 'The delivery log it is measured on.' }),
    where: conditionSchema.optional().meta({ description: 'Which records it applies to.' }),
    measure: measureSchema,
    target: shareSchema.optional().meta({ description: 'Share of judged records that must meet it, e.g. 95%; required, except for an average or an nps, which have none.' }),
    period: z.enum(PERIODS),
    warn_at: shareSchema
      .optional()
      .meta({ description: 'An open record that has used this share of its allowance is at risk.' }),
    remedy: remedySchema.optional(),
  })
  .superRefine(
    (s, ctx) => {
      // Run even when other fields fail, as a missing required key is reported: only an average goes without a target.
      const item = s as unknown;
      if (item === null || typeof item !== 'object' || Object.hasOwn(item, 'target')) return;
      const measure = (item as { measure?: unknown }).measure;
      if (measure !== null && typeof measure === 'object' && ['average', 'nps'].includes((measure as { kind?: unknown }).kind as string)) return;
      // reported as zod reports any missing key: `target is missing`, at the standard
      ctx.addIssue({ code: 'invalid_type', expected: 'number', input: undefined, path: ['target'], message: 'target is missing' });
    },
    { when: () => true },
  )
  .superRefine((s, ctx) => {
    // SPEC §2: an average has no target: its bound is the promise, and the period's mean keeps it or not.
    if (s.measure.kind === 'average' && s.target !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'an average standard has no target: the mean is held against its bound', params: { hint: `remove target; the promise is kept when the mean is ${s.measure.at_least !== undefined ? 'at least at_least' : 'at most at_most'}` } });
    }
    if (s.measure.kind === 'nps' && s.target !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'an nps standard has no target: the period\'s score is held against at_least', params: { hint: 'remove target; the promise is kept when the NPS is at least at_least' } });
    }
    if (s.warn_at !== undefined && (s.measure.kind === 'condition' || s.measure.kind === 'average' || s.measure.kind === 'nps')) {
      ctx.addIssue(issue('warnAtMeaningless', { kind: s.measure.kind }, ['warn_at']));
    }
  })
  .meta({
    title: 'Standard',
    description: 'A measurable standard that makes (part of) one promise checkable on one source.',
    // what the refinements above say, for editors that read the JSON Schema: an average or an nps
    // takes no target, every other kind needs one
    if: { properties: { measure: { properties: { kind: { enum: ['average', 'nps'] } }, required: ['kind'] } }, required: ['measure'] },
    then: { not: { required: ['target'] } },
    else: { required: ['target'] },
  });

// ---- files ---------------------------------------------------------------------------------

const severitySettingSchema = z.enum(['error', 'warning', 'info', 'off']);

export const rulesSettingSchema = z
  .strictObject(Object.fromEntries(LINT_RULE_IDS.map((id) => [id, severitySettingSchema.optional()])))
  .meta({ description: 'Severity per lint rule: error, warning, info or off.' });

export const itemSchemas = {
  owners: ownerSchema,
  calendars: calendarSchema,
  sources: sourceSchema,
  promises: promiseSchema,
  standards: standardSchema,
} as const satisfies Record<CollectionName, z.ZodType>;

export const settingsShape = {
  version: z.literal(1, { message: 'badVersion' satisfies SchemaMessageId }).meta({ description: 'The registry format version.' }),
  name: text.meta({ description: 'The organisation or service the registry is for.' }),
  timezone: timeZoneSchema.optional().meta({ description: 'Default zone for sources, calendars and periods; default UTC.' }),
  fiscal_year_start: z.number().int().min(1).max(12).optional().meta({ description: 'Month (1-12) that starts the fiscal year; default 1.' }),
  rules: rulesSettingSchema.optional(),
  ignore: z.array(text).optional().meta({ description: 'Globs of YAML files below the root that are not registry files.' }),
};

function collectionsShape<T extends z.ZodType>(item: (name: CollectionName) => T) {
  return {
    owners: z.array(item('owners')).optional(),
    calendars: z.array(item('calendars')).optional(),
    sources: z.array(item('sources')).optional(),
    promises: z.array(item('promises')).optional(),
    standards: z.array(item('standards')).optional(),
  };
}

/** Top level of `promise.yaml`, items left for their own schemas (validated one by one). */
export const settingsFileTopSchema = z.strictObject({ ...settingsShape, ...collectionsShape(() => z.unknown()) });
/** Top level of any other registry file. */
export const collectionFileTopSchema = z.strictObject(collectionsShape(() => z.unknown()));

/** Whole files, items included: what `schemas/` publishes for editors. */
export const settingsFileSchema = z
  .strictObject({ ...settingsShape, ...collectionsShape((name) => itemSchemas[name]) })
  .meta({ title: 'promise.yaml', description: 'The registry root: settings, and any collections.' });
export const registryFileSchema = z
  .strictObject(collectionsShape((name) => itemSchemas[name]))
  .meta({ title: 'Registry file', description: 'A registry file: any of owners, calendars, sources, promises, standards.' });

export type OwnerInput = z.output<typeof ownerSchema>;
export type CalendarInput = z.output<typeof calendarSchema>;
export type SourceInput = z.output<typeof sourceSchema>;
export type PromiseInput = z.output<typeof promiseSchema>;
export type StandardInput = z.output<typeof standardSchema>;
export type MeasureInput = z.output<typeof measureSchema>;
export type RemedyInput = z.output<typeof remedySchema>;
