/**
 * The sentences and hints of the error rules found while loading a registry: yaml-syntax,
 * schema, duplicate-id, unknown-ref and unreadable-file. Each finding is a message id and its
 * data; the words are made here, and rules/loading.ts lists these tables with the rules.
 */
import type { Diagnostic, DiagnosticEntity, Loc, MessageData, Severity } from '../model/diagnostic.js';
import { fill, say, type DataOf, type Messages, type MessageSpec } from './messages.js';

const IGNORE = 'list it under `ignore` in promise.yaml';

const SINGULAR: Record<string, string> = { owners: 'owner', calendars: 'calendar', sources: 'source', promises: 'promise', standards: 'standard' };
const singular = (collection: string): string => SINGULAR[collection] ?? collection;

/** What the YAML library's error codes mean for someone editing a registry file. */
const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
  DUPLICATE_KEY: 'each key may appear once in a mapping; keep one of them',
  MULTIPLE_DOCS: 'a registry file holds one YAML document; move the part after --- into a file of its own',
  BAD_INDENT: 'check the indentation of this line against the lines above it',
  MISSING_CHAR: 'a bracket or quote is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation and the `key: value` form of this line',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; is a colon or quote missing above?',
  UNEXPECTED_TOKEN: 'check the indentation and the `key: value` form of this line',
  BAD_ALIAS: 'an alias (*name) must refer to an anchor (&name) defined above it',
};

const count = (n: number): string => n.toLocaleString('en-US');
const TOO_MANY_KEYS_HINT = 'a registry mapping holds the fields of one entity or condition; is a list (- item) meant, or a file that is not a registry file (list it under `ignore` in promise.yaml)?';

export const YAML_SYNTAX_MESSAGES = {
  /** the YAML library's own error, with its code */
  parser: { message: '{{detail}}', hint: ({ code }: { code: string }) => YAML_HINTS[code] ?? '' },
  parserWarning: {
    message: ({ code, detail }: { code: string; detail: string }) => (code === 'BAD_DIRECTIVE' ? `${detail}; the directive is ignored` : detail),
    hint: ({ code }: { code: string }) => YAML_HINTS[code] ?? '',
  },
  multipleDocs: { message: 'the file holds more than one YAML document: a second one starts here', hint: YAML_HINTS.MULTIPLE_DOCS as string },
  duplicateKey: { message: 'map keys must be unique', hint: YAML_HINTS.DUPLICATE_KEY as string },
  unknownTag: { message: 'unknown tag {{tag}}: the value is read as if it had none', hint: 'remove the tag; registry files need no tags' },
  yaml11: {
    message: 'the file asks for YAML 1.1; registry files are read as YAML 1.2 (core schema)',
    hint: 'remove the %YAML line; in YAML 1.2 yes, no, on and off are text, not true and false',
  },
  tooManyKeys: {
    message: ({ line, bound }: { line: number; bound: number }) => `the mapping that starts on line ${line} has more than ${count(bound)} keys, the most a registry mapping may have`,
    hint: TOO_MANY_KEYS_HINT,
  },
  tooManyKeysCounted: {
    message: ({ line, keys, bound }: { line: number; keys: number; bound: number }) => `the mapping that starts on line ${line} has ${count(keys)} keys, more than the ${count(bound)} a registry mapping may have`,
    hint: TOO_MANY_KEYS_HINT,
  },
  tooDeep: { message: 'the file nests too deeply to read' },
  unreadable: { message: 'the file cannot be read as YAML: {{detail}}' },
  aliasBomb: { message: 'aliases in this file expand to more than {{max}} copies', hint: 'use fewer aliases (*name); an alias bomb is refused' },
  unreadableAliases: { message: 'the file cannot be read as YAML: {{detail}}', hint: 'use fewer aliases (*name); an alias bomb is refused' },
} as const satisfies Messages;

const TYPED_COLLECTIONS: Record<string, string> = { set: 'a set (!!set)', omap: 'an ordered map (!!omap)', pairs: 'a list of pairs (!!pairs)' };
const SHARE_HINT = 'write a percentage such as 95% or a fraction such as 0.95';
const DURATION_HINT = 'write a number and a unit: 30m, 4h, 1h30m, 2d, 1w, or 1bd for business days';
const TOO_LONG_HINT = 'a limit is at most ten years (3650d, 521w, 3650bd); is a unit or a digit wrong?';

function slugHint({ value }: { value: string }): string {
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'ids use lower-case letters, digits and hyphens' : `ids use lower-case letters, digits and hyphens, e.g. "${slug}"`;
}

const didYouMean = ({ suggestion }: { suggestion: string }): string => (suggestion === '' ? '' : `did you mean "${suggestion}"?`);
const oneOf = ({ options }: { options: readonly string[] }): string => `one of ${options.join(', ')}`;

/**
 * What a `schema` finding says about a value, without saying which value: the subject and the
 * field are put before it by `schemaMessage` (`standard "x": target: ...`). The messages that the
 * zod schema raises itself (registry/schema.ts) are named by these ids in the issue's message.
 */
const SCHEMA_SAYS = {
  // found while reading a file
  emptyRoot: { message: 'promise.yaml is empty', hint: 'it needs at least `version: 1` and `name:`; `promise init` writes a working example' },
  notMapping: {
    message: ({ found }: { found: string }) => `a registry file must be a mapping of collections, not ${found === 'list' ? 'a list' : 'a single value'}`,
    hint: ({ collections }: { collections: readonly string[] }) => `start the file with a key such as \`promises:\`; the collections are ${collections.join(', ')}`,
  },
  typedCollection: {
    message: ({ tag }: { tag: string }) => `${TYPED_COLLECTIONS[tag] ?? tag} is not read in a registry file: it holds plain mappings, lists and values`,
    hint: 'remove the tag, and write the entries as a plain mapping (key: value) or list (- item)',
  },
  // the shapes zod checks
  unknownKey: { message: 'unknown {{where}} "{{key}}"', hint: ({ suggestion, known }: { suggestion: string; known: readonly string[] }) => (suggestion === '' ? `expected one of ${known.join(', ')}` : `did you mean "${suggestion}"?`) },
  settingsKey: { message: 'unknown {{where}} "{{key}}"', hint: 'registry settings belong in promise.yaml' },
  missing: { message: '{{field}} is missing' },
  missingOneOf: { message: '{{field}} is missing', hint: oneOf },
  wrongType: { message: 'must be {{expected}}, not {{found}}' },
  wrongTypeNull: { message: 'must be {{expected}}, not {{found}}', hint: 'give it a value, or remove the key' },
  notOneOf: { message: ({ found, options }: { found: string; options: readonly string[] }) => `${found} is not one of ${options.join(', ')}`, hint: didYouMean },
  notMeasureKind: { message: '{{found}} is not a measure kind', hint: ({ suggestion, options }: { suggestion: string; options: readonly string[] }) => (suggestion === '' ? `one of ${options.join(', ')}` : `did you mean "${suggestion}"?`) },
  noValue: { message: 'has no value', hint: 'give it a value, or remove the key' },
  noValueInCondition: { message: 'has no value', hint: 'give it a value; to test for an empty cell, write { empty: true }' },
  wrongTypeUnion: { message: ({ expected, found }: { expected: readonly string[]; found: string }) => `must be ${expected.join(' or ')}, not ${found}` },
  tooSmall: { message: ({ minimum, origin, found }: { minimum: string; origin: string; found: string }) => `must be at least ${minimum}${origin === 'string' ? ' characters long' : origin === 'array' ? ' items long' : ''}, not ${found}` },
  tooBig: { message: ({ maximum, origin, found }: { maximum: string; origin: string; found: string }) => `must be at most ${maximum}${origin === 'string' ? ' characters long' : origin === 'array' ? ' items long' : ''}, not ${found}` },
  invalid: { message: '{{found}} is not valid here' },
  // the rules the schema adds (registry/schema.ts, values.ts, duration.ts)
  emptyText: { message: 'must not be empty' },
  badId: { message: '"{{value}}" is not a valid id', hint: slugHint },
  badZone: { message: '"{{value}}" is not an IANA time zone', hint: ({ suggestion }: { suggestion: string }) => (suggestion === '' ? 'use an IANA zone name such as Europe/Berlin or America/New_York' : `did you mean "${suggestion}"?`) },
  badDate: { message: '"{{value}}" is not a calendar date', hint: 'write dates as YYYY-MM-DD, e.g. 2026-12-24' },
  badEmail: { message: 'is not an e-mail address' },
  badTimestampFormat: { message: '"{{value}}" is not a date-fns format pattern: {{reason}}', hint: 'e.g. "MM/dd/yyyy hh:mm:ss a" or "yyyy-MM-dd HH:mm:ss"' },
  noFiles: { message: 'must list at least one file or glob' },
  badDelimiter: { message: 'must be a single character' },
  surveyOnly: { message: '{{field}} is a field of a survey source', hint: 'add kind: survey, or remove it' },
  surveyNeedsAt: { message: 'a survey source needs `at`: the column that dates a response', hint: 'add at: submitted_at (or the column your export dates responses by)' },
  surveyNeedsScale: { message: 'a survey source needs `scale`: the answer scale', hint: 'add scale: [1, 7] (or the lowest and highest answer of your questionnaire)' },
  surveyNeedsItems: { message: 'a survey source needs `dimensions` or a `score` column', hint: 'list the expectation and perception columns per dimension, or name the score column with score: COLUMN' },
  badScale: { message: 'the scale [{{lo}}, {{hi}}] does not rise: its lowest answer must be below its highest', hint: 'write [lowest, highest], e.g. [1, 7]' },
  noPerception: { message: 'a dimension needs at least one perception column' },
  weightWithoutDimension: { message: 'weights names {{dimension}}, which dimensions does not list', hint: 'weigh only the dimensions the survey measures' },
  formatAndHeaderRows: { message: 'format {{format}} already says how many header lines there are', hint: 'remove header_rows, or remove format' },
  headerRowPastHeader: { message: 'header_row {{row}} is past the {{rows}} header line(s)', hint: 'header_row counts the header lines from 1; raise header_rows or lower header_row' },
  badPattern: { message: '{{detail}}', hint: '{{advice}}' },
  noOperator: { message: 'names no operator', hint: 'use one of eq ne gt gte lt lte in not_in matches empty' },
  noConditions: { message: 'must list at least one condition' },
  emptyCondition: { message: 'the condition is empty', hint: 'name a column and a value, e.g. { channel: email }' },
  limitsNeedPer: { message: 'a map of limits needs `per`: the column whose value selects the limit', hint: 'add per: priority (or the column that holds the values)' },
  daysOnCalendar: { message: '"{{limit}}" counts whole days, which a business calendar cannot measure', hint: 'with a calendar, write open hours (8h) or business days (1bd)' },
  businessDaysNeedCalendar: { message: '"{{limit}}" counts business days, which needs a calendar', hint: 'add calendar: <id>, or write a length of time such as 24h' },
  graceInBusinessDays: { message: '"{{limit}}": grace is a length of time, not business days', hint: 'write e.g. 15m or 1h' },
  averageBound: { message: 'an average needs exactly one of at_least and at_most' },
  badCurrency: { message: 'is not an ISO 4217 currency code such as EUR' },
  creditNeedsCurrency: { message: 'a credit needs a currency', hint: 'add currency: EUR (or your ISO 4217 code)' },
  warnAtMeaningless: { message: 'warn_at has no meaning for a {{kind}} measure', hint: 'warn_at applies to duration and deadline measures; remove it' },
  badVersion: { message: 'must be 1' },
  badInterval: { message: '"{{value}}" is not a time interval', hint: 'write opening hours as "HH:MM-HH:MM", e.g. "09:00-17:30"' },
  impossibleTime: { message: '"{{value}}" has a time that does not exist', hint: 'hours run 00-23, minutes 00-59; only 24:00 may end a day' },
  backwardInterval: { message: '"{{value}}" ends before it starts', hint: 'an interval may not run past midnight; split it over two days' },
  overlappingIntervals: { message: ({ intervals }: { intervals: readonly string[] }) => `the intervals ${intervals.join(', ')} overlap`, hint: 'list each open period of the day once' },
  shareOutOfRange: { message: '{{value}} is not a share between 0 and 1', hint: SHARE_HINT },
  notPercentage: { message: '"{{value}}" is not a percentage', hint: SHARE_HINT },
  overHundredPercent: { message: '"{{value}}" is more than 100%' },
  emptyDuration: { message: 'the duration is empty', hint: DURATION_HINT },
  notDuration: { message: '"{{value}}" is not a duration', hint: DURATION_HINT },
  mixedBusinessDays: { message: '"{{value}}" mixes business days with other units', hint: DURATION_HINT },
  unitOrder: { message: '"{{value}}" repeats a unit or puts them out of order (largest first, as in 1h30m)', hint: DURATION_HINT },
  fractionalBusinessDays: { message: '"{{value}}": business days must be a whole number', hint: 'write 1bd, 2bd, ... or use hours of open time such as 4h' },
  tooManyBusinessDays: { message: ({ value, max }: { value: string; max: number }) => `"${value}" is more than ${count(max)} business days, the longest a limit may be`, hint: TOO_LONG_HINT },
  tooLong: { message: ({ value, max }: { value: string; max: number }) => `"${value}" is longer than ten years (${count(max)} days), the longest a limit may be`, hint: TOO_LONG_HINT },
  // cross-entity checks (registry/resolve.ts)
  ownLead: { message: 'owner "{{owner}}" names itself as its lead', hint: 'a lead is another owner, a person' },
  teamLead: { message: 'owner "{{owner}}" has lead "{{lead}}", which is a team, not a person', hint: 'name the person who leads it' },
} as const satisfies Messages;

export type SchemaMessageId = keyof typeof SCHEMA_SAYS;

/**
 * What a schema finding is said of: the collection of the entity and its id (`#3`, its place in
 * its file's list, when it has none), and the field inside it; '' for what is not known.
 */
type Prefix = {
  of: string;
  ofId: string;
  path: string;
};

/** `standard "x": target: ` before what the finding says, as much of it as is known. */
function withPrefix(spec: MessageSpec): MessageSpec {
  return {
    ...spec,
    message: (data: Prefix & MessageData) => {
      const said = fill(spec.message, data);
      const subject = data.of === '' ? '' : data.ofId.startsWith('#') ? `${singular(data.of)} ${data.ofId}` : `${singular(data.of)} "${data.ofId}"`;
      const prefix = [subject, data.path].filter((s) => s !== '').join(': ');
      return prefix === '' ? said : `${prefix}: ${said}`;
    },
  };
}

/** The data of a schema finding that is said of no entity or field. */
export const UNPREFIXED: Prefix = { of: '', ofId: '', path: '' };

type Prefixed<S> = { message: (data: DataOf<S> & Prefix) => string } & (S extends { hint: infer H } ? { hint: H } : unknown);

export const SCHEMA_MESSAGES = Object.fromEntries(Object.entries(SCHEMA_SAYS).map(([id, spec]) => [id, withPrefix(spec)])) as { [K in SchemaMessageId]: Prefixed<(typeof SCHEMA_SAYS)[K]> };

export function isSchemaMessageId(id: string): id is SchemaMessageId {
  return Object.hasOwn(SCHEMA_SAYS, id);
}

export const DUPLICATE_ID_MESSAGES = {
  duplicate: {
    message: ({ collection, id }: { collection: string; id: string }) => `${singular(collection)} "${id}" is declared more than once`,
    hint: ({ first }: { first: string }) => (first === '' ? 'give each one its own id' : `first declared at ${first}; give each one its own id`),
  },
  holidayTwice: { message: 'calendar "{{calendar}}": holiday {{date}} is listed twice', hint: 'keep one entry per date' },
} as const satisfies Messages;

export const UNKNOWN_REF_MESSAGES = {
  undeclared: {
    message: ({ from, fromId, target, ref, suggestion }: { from: string; fromId: string; target: string; ref: string; suggestion: string }) =>
      `${fromId === '' ? `a ${singular(from)}` : `${singular(from)} "${fromId}"`} names ${singular(target)} "${ref}"${suggestion === '' ? ', which is not declared' : ''}`,
    hint: ({ target, suggestion }: { target: string; suggestion: string }) => (suggestion === '' ? `declare it under \`${target}:\`, or correct the name` : `did you mean "${suggestion}"?`),
  },
  linkNotLog: {
    message: 'source "{{fromId}}" links to source "{{ref}}", which is a survey, not a log',
    hint: 'links name the log source whose records the responses are about',
  },
} as const satisfies Messages;

const OUTSIDE_HINT = `keep registry files inside the registry folder: remove the link, or ${IGNORE}`;
const ELSEWHERE = ({ source }: { source: string }): string => `to read a log kept elsewhere, pass --log ${source}=PATH`;

const GIT_LINK: Record<string, string> = {
  tree: 'it leads to a folder, and links to folders are not followed at a revision',
  symlink: 'it leads outside the repository',
  loop: 'the link loops back on itself',
};

export const UNREADABLE_FILE_MESSAGES = {
  cannotRead: { message: 'cannot read the file: {{reason}}' },
  fileTooLarge: { message: 'the file is larger than {{mib}} MiB, the most a registry file may have', hint: `split the registry into smaller files, or ${IGNORE}` },
  binary: { message: 'the file is binary, not YAML text', hint: `remove it from the registry, or ${IGNORE}` },
  notUtf8: { message: 'the file is not UTF-8 text', hint: 'save it as UTF-8' },
  registryTooLarge: {
    message: "the registry's YAML files add up to more than {{mib}} MiB, the most a registry may have; this file takes it past the bound, and nothing was loaded",
    hint: 'a registry of 3,000 standards is about 1 MB: list YAML files that are not registry files (exports, data, generated files) under `ignore` in promise.yaml',
  },
  cannotOpenFolder: { message: 'cannot open the folder: {{reason}}', hint: `fix the link or permissions, or ${IGNORE}` },
  cannotReadFolder: { message: 'cannot read the folder: {{reason}}', hint: `fix its permissions, or ${IGNORE}` },
  folderLinkOutside: { message: 'this folder is a link that leads outside the registry; it was not searched', hint: OUTSIDE_HINT },
  fileLinkOutside: { message: 'this file is a link that leads outside the registry; it was not read', hint: OUTSIDE_HINT },
  folderLinkBack: { message: 'this folder link leads back to a folder already read; it was not followed', hint: `remove the link, or ${IGNORE}` },
  cannotFollowLink: { message: 'cannot follow the link: {{reason}}', hint: 'fix or remove the link' },
  gitLinkName: { message: 'cannot follow the link at {{commit}}: its name holds a line break', hint: 'rename the link' },
  gitCannotRead: { message: 'git cannot read the file at {{commit}}: it answered {{answer}}', hint: 'check the repository with git fsck' },
  gitCannotFollow: {
    message: ({ commit, answer }: { commit: string; answer: string }) => `cannot follow the link at ${commit}: ${GIT_LINK[answer] ?? 'it leads to nothing (a broken link?)'}`,
    hint: `fix or remove the link, or ${IGNORE}`,
  },
  // the log files a source names (rules/missing-log.ts)
  logGlobOutside: {
    message: 'source "{{source}}": files "{{pattern}}" names paths outside the registry; nothing it names was read',
    hint: (d: { source: string }) => `write globs relative to the registry root, with no \`..\` part and no leading \`/\`; ${ELSEWHERE(d)}`,
  },
  logLinkOutside: { message: 'source "{{source}}": {{file}} leads outside the registry (through a link); it was not read', hint: (d: { source: string }) => `keep log files inside the registry folder; ${ELSEWHERE(d)}` },
  logFolderLinkOutside: { message: 'source "{{source}}": the folder {{file}} leads outside the registry (through a link); it was not searched', hint: (d: { source: string }) => `keep log files inside the registry folder; ${ELSEWHERE(d)}` },
  logFolderLoop: { message: 'source "{{source}}": the folder {{file}} is a link back to a folder that holds it; it was not searched', hint: 'remove the link: the files it leads to are found where they are' },
  /** `reason` and `advice` are the log reader's (logs/header.ts) */
  logUnreadable: { message: 'source "{{source}}": cannot read {{file}}: {{reason}}', hint: ({ advice }: { advice: string }) => (advice === '' ? 'fix the file, or point at another file with --log' : advice) },
} as const satisfies Messages;

/** A function that makes the findings of one rule from its messages: the one way a loading diagnostic is made. */
function reporter<M extends Messages>(rule: string, messages: M) {
  return <K extends keyof M & string>(messageId: K, data: DataOf<M[K]> & MessageData, loc: Loc, options: { entity?: DiagnosticEntity; severity?: Severity } = {}): Diagnostic => {
    const d: Diagnostic = { rule, severity: options.severity ?? 'error', ...say(messages, messageId, data), ...loc };
    if (options.entity !== undefined) d.entity = options.entity;
    return d;
  };
}

export const yamlSyntaxFinding = reporter('yaml-syntax', YAML_SYNTAX_MESSAGES);
export const schemaFinding = reporter('schema', SCHEMA_MESSAGES);
export const duplicateIdFinding = reporter('duplicate-id', DUPLICATE_ID_MESSAGES);
export const unknownRefFinding = reporter('unknown-ref', UNKNOWN_REF_MESSAGES);
export const unreadableFinding = reporter('unreadable-file', UNREADABLE_FILE_MESSAGES);
