/**
 * Northbridge Savings Bank (examples/retail-bank). The story the logs tell:
 * - the online-banking migration in February and March doubles inquiries and slows replies,
 *   so inquiry-first-reply misses its target in Q1 and callback-time misses in February;
 * - a phishing wave and summer holidays swamp Complaints Management in Q3: complaint
 *   resolution slips well below 95%, recovering in Q4 but not yet back on target; a thin
 *   summer rota makes callback-time miss in August;
 * - six branches close in April and the advice rating dips below 4.2 in Q2;
 * - the SERVQUAL questionnaire sent a few days after a complaint is closed: customers whose
 *   complaint took longer than the 5 business days promised rate reliability and
 *   responsiveness well below those whose complaint was resolved in time.
 * examples/README.md tells the same story; keep the two together.
 */
import { seededRandom, type Random } from '../../src/init/random.js';
import { PLAIN_CSV, type Row } from './csv.js';
import { chance, minuteOfDay, note, pad, poisson, weighted } from './draw.js';
import { addOpenMinutes, closeOfNthBusinessDay, onBusinessDay, openingHours, openOn, type CalendarSpec, type OpeningHours } from './opening-hours.js';
import { answerItems, normal, SERVQUAL_ITEMS, splitPoints, type Dimension } from './servqual.js';
import { mergeLogs, renderSourceLog, type ExampleData, type LogRecord, type SourceLog } from './source-log.js';
import { addDays, daysUntil, DAY, formatTimestamp, HOUR, instant, localDate, MINUTE, quarterOf, weekday, type LocalDate } from './time.js';

const ZONE = 'Europe/Berlin';
const FIRST_DAY: LocalDate = { y: 2026, m: 1, d: 1 };

const HESSE_CLOSED = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-06-04', '2026-10-03', '2026-12-25', '2026-12-26', '2027-01-01'];

/** The calendars of examples/retail-bank/calendars.yaml. */
export const RETAIL_BANK_CALENDARS: readonly CalendarSpec[] = [
  {
    id: 'branch-hours',
    timezone: ZONE,
    hours: { weekdays: ['09:00-12:30', '14:00-16:30'], thu: ['09:00-12:30', '14:00-18:00'], sat: ['09:00-13:00'], sun: [] },
    holidays: [...HESSE_CLOSED, { date: '2026-12-24', hours: ['09:00-12:00'] }, { date: '2026-12-31', hours: ['09:00-12:00'] }],
  },
  {
    id: 'contact-centre',
    timezone: ZONE,
    hours: { weekdays: ['08:00-20:00'], sat: ['09:00-16:00'] },
    holidays: [...HESSE_CLOSED, { date: '2026-12-24', hours: ['08:00-12:00'] }, { date: '2026-12-31', hours: ['08:00-14:00'] }],
  },
];

const BRANCHES = ['Frankfurt-Zeil', 'Frankfurt-Höchst', 'Frankfurt-Bornheim', 'Offenbach', 'Bad Homburg', 'Hanau', 'Darmstadt', 'Wiesbaden', 'Oberursel', 'Bad Vilbel'];

/** When e-mails and web forms arrive, by hour of the day. */
const ONLINE_HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 5, 8, 9, 9, 8, 8, 8, 8, 7, 7, 7, 8, 9, 9, 7, 4, 2];
const SURVEY_HOURS = [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 5, 5, 5, 5, 5, 5, 6, 7, 9, 10, 9, 7, 4, 1];

const INQUIRY_SUBJECTS = [
  'Standing order: change the amount',
  'Card limit increase, please',
  'Question about the new "Northbridge Mobile" app',
  'Freistellungsauftrag: how do I change it?',
  'Address change after moving',
  'Statement for 2025, in English if possible',
  'Overdraft interest, how is it calculated?',
  'Mortgage offer: follow-up on our appointment',
  'Cannot log in to online banking',
  'Apple Pay / Google Pay activation',
  'SEPA transfer to Switzerland; fees?',
  'New PIN for my Girocard',
  'Power of attorney for my mother, which form?',
  'Savings plan: pause for 3 months',
];
const COMPLAINT_SUBJECTS = [
  'Card blocked abroad, nobody answered the hotline',
  'Fee charged twice for "Girokonto Plus"',
  'Transfer of 1.250,00 EUR has not arrived',
  'Unfriendly treatment at branch Frankfurt-Höchst',
  'App migration: standing orders lost',
  'Phishing: unauthorised direct debit, please refund',
  'Waited 40 minutes, appointment "forgotten"',
  'Wrong interest on my savings account, again',
  'Cash machine kept my card; no receipt',
  'Letter about the fee change arrived after the change',
];
/** Callback reasons with the priority the platform gives them, and how often they come. */
const CALLBACK_REASONS: readonly (readonly [readonly [string, string], number])[] = [
  [['card-blocked', 'urgent'], 6],
  [['suspected-fraud', 'urgent'], 4],
  [['payment-problem', 'high'], 14],
  [['online-banking-access', 'high'], 10],
  [['loan-enquiry', 'normal'], 14],
  [['account-question', 'normal'], 30],
  [['appointment-request', 'normal'], 16],
  [['other', 'normal'], 6],
];
const CALLBACK_NOTES = [
  'Customer asked to be called after 17:00',
  'Called twice, voicemail; SMS sent',
  'Customer abroad, use mobile number, not landline',
  'Card unblocked, new PIN letter sent',
  'Refund of 49,90 EUR started, reference "RF-7781"',
  'Wants a call from "the same agent as last time"',
  'Transferred to Premier desk',
];
const SURVEY_COMMENTS = [
  'Very competent, took her time',
  'Good advice, but the branch was cold',
  'Adviser explained the "Riester" options clearly',
  'Appointment started 20 minutes late, otherwise fine',
  'Sorry, but I expected more concrete numbers',
  'Friendly, patient, and knew the products well',
  'The branch in Bornheim is closing; a pity!',
  'Had to bring the same documents twice',
  'Top, gerne wieder',
];
const ADVISERS = ['A. Schneider', 'K. Hoffmann', 'L. Fischer', 'M. Schulz', 'S. Öztürk', 'J. Weber', 'P. Meyer', 'N. Wagner', 'T. Becker', 'R. Koch'];

const CRM_COLUMNS = ['case_id', 'received_at', 'type', 'channel', 'segment', 'product', 'branch', 'first_reply_at', 'resolved_at', 'subject'] as const;
const CALLBACK_COLUMNS = ['callback_id', 'requested_at', 'priority', 'reason', 'status', 'called_back_at', 'attempts', 'agent_team', 'notes'] as const;
const SURVEY_COLUMNS = ['response_id', 'surveyed_at', 'branch', 'adviser', 'topic', 'score', 'would_recommend', 'comment'] as const;

type CaseType = 'inquiry' | 'complaint';

interface Calendars {
  branch: OpeningHours;
  centre: OpeningHours;
}

const crmTime = (ms: number): string => formatTimestamp(ms, ZONE, 'dd.MM.yyyy HH:mm');
const minuteOf = (ms: number): number => Math.floor(ms / MINUTE) * MINUTE;

/** A minute inside one of the open intervals of a day, or undefined when it is closed. */
function duringOpenHours(random: Random, cal: OpeningHours, date: LocalDate): number | undefined {
  const open = openOn(cal, date);
  const total = open.reduce((sum, i) => sum + (i.end - i.start), 0);
  if (total === 0) return undefined;
  let at = random.next() * total;
  for (const i of open) {
    if (at < i.end - i.start) return instant(ZONE, date, i.start + at);
    at -= i.end - i.start;
  }
  return undefined;
}

function crmCases(random: Random, asOf: number, cal: Calendars): SourceLog {
  const records: LogRecord[] = [];
  let seq = 4200;
  for (const date of daysUntil(FIRST_DAY, asOf, ZONE)) {
    const day = weekday(date);
    const closed = openOn(cal.branch, date).length === 0;
    // The online-banking migration (February, March) brings questions and some complaints.
    const migration = date.m === 2 || date.m === 3;
    const inquiries = poisson(random, (closed ? 2 : [15, 14, 14, 15, 13, 5, 2][day] ?? 2) * (migration ? 1.7 : 1) * (date.m === 12 ? 0.9 : 1));
    const complaints = poisson(random, (closed ? 0.6 : [4.2, 3.8, 3.8, 4, 3.6, 1.2, 0.6][day] ?? 0.6) * (date.m >= 7 && date.m <= 9 ? 1.5 : 1) * (migration ? 1.2 : 1));
    const types: CaseType[] = [...Array<CaseType>(inquiries).fill('inquiry'), ...Array<CaseType>(complaints).fill('complaint')];
    for (const type of types) {
      const record = crmCase(random, date, type, asOf, cal, () => `NB-2026-${pad(++seq, 6)}`);
      if (record !== undefined) records.push(record);
    }
  }
  return {
    id: 'crm-cases',
    key: 'case_id',
    columns: CRM_COLUMNS,
    // The CRM's spreadsheet export: semicolons, CRLF and a byte-order mark.
    style: { delimiter: ';', eol: '\r\n', bom: true },
    records,
    // The file follows the day a case was received, also when that cell was made dirty.
    fileOf: (r) => `logs/crm-cases-2026-q${quarterOf(localDate(r.at, ZONE))}.csv`,
    dirt: [
      { kind: 'empty-start', column: 'received_at', count: 8 },
      {
        kind: 'unparseable-timestamp',
        column: 'received_at',
        count: 6,
        // Typed over by hand: an ISO date the CRM pattern does not read, or a day that does not exist.
        value: (r, rnd) => (chance(rnd, 0.5) ? formatTimestamp(r.at, ZONE, 'naive').slice(0, 16) : `31.04.2026 ${crmTime(r.at).slice(11)}`),
      },
      {
        kind: 'end-before-start',
        column: 'resolved_at',
        count: 5,
        eligible: (r) => r.cells.type === 'complaint' && r.cells.resolved_at !== '',
        value: (r, rnd) => crmTime(r.at - rnd.int(2, 72) * HOUR),
      },
      {
        kind: 'end-before-start',
        column: 'first_reply_at',
        count: 5,
        eligible: (r) => r.cells.type === 'inquiry' && r.cells.first_reply_at !== '',
        value: (r, rnd) => crmTime(r.at - rnd.int(10, 300) * MINUTE),
      },
      { kind: 'duplicate-key', column: 'case_id', count: 1 },
    ],
  };
}

function crmCase(random: Random, date: LocalDate, type: CaseType, asOf: number, cal: Calendars, nextId: () => string): LogRecord | undefined {
  let channel =
    type === 'inquiry'
      ? weighted(random, [['email', 32], ['phone', 28], ['web', 16], ['branch', 16], ['premier-line', 5], ['letter', 2]] as const)
      : weighted(random, [['email', 30], ['phone', 20], ['web', 20], ['branch', 20], ['letter', 10]] as const);
  let received: number | undefined;
  if (channel === 'branch') received = duringOpenHours(random, cal.branch, date);
  else if (channel === 'phone' || channel === 'premier-line') received = duringOpenHours(random, cal.centre, date);
  else if (channel === 'letter' && weekday(date) < 5 && openOn(cal.branch, date).length > 0) received = instant(ZONE, date, 9 * 60 + random.next() * 120);
  if (received === undefined) {
    channel = chance(random, 0.6) ? 'email' : 'web';
    received = instant(ZONE, date, minuteOfDay(random, ONLINE_HOURS));
  }
  received = minuteOf(received);
  if (received >= asOf) return undefined;
  const segment =
    channel === 'premier-line'
      ? weighted(random, [['premier', 80], ['private-banking', 8], ['retail', 12]] as const)
      : weighted(random, [['retail', 78], ['premier', 12], ['private-banking', 3], ['business', 7]] as const);
  const product = weighted(random, [['current-account', 34], ['cards', 18], ['online-banking', 14], ['savings', 12], ['mortgage', 8], ['investments', 8], ['loans', 6]] as const);
  let firstReply: number;
  let resolved: number;
  if (type === 'inquiry') {
    if (segment === 'premier' || segment === 'private-banking' || channel === 'premier-line') {
      // The Premier desk replies fast while it is staffed; after hours an adviser on duty
      // often answers from home, and otherwise the 4 hours run out overnight.
      const staffed = addOpenMinutes(cal.centre, received, 0) === received;
      firstReply = staffed || chance(random, 0.55) ? received + random.logNormal(40, 0.8) * MINUTE : addOpenMinutes(cal.centre, received, random.logNormal(40, 0.8));
    } else {
      const backlog = date.m === 2 || date.m === 3 ? 2.6 : 1;
      firstReply = addOpenMinutes(cal.centre, received, random.logNormal(150 * backlog, 0.9));
    }
    resolved = chance(random, 0.85) ? firstReply : addOpenMinutes(cal.centre, firstReply, random.logNormal(600, 0.8));
  } else {
    const ackDay = weighted(random, [[0, 55], [1, 44.6], [2, 0.4]] as const);
    firstReply = onBusinessDay(cal.branch, received, ackDay, random.next());
    // Median business days to resolve, by month: the Q3 slip and the slow Q4 recovery.
    const median = [2.1, 2.2, 2.2, 2.1, 2.1, 2.2, 3.4, 3.9, 3.5, 2.9, 2.8, 2.6][date.m - 1] ?? 2.2;
    const days = Math.max(ackDay, Math.floor(random.logNormal(median, 0.5)));
    resolved = Math.max(onBusinessDay(cal.branch, received, days, random.next()), firstReply + random.int(5, 90) * MINUTE);
  }
  firstReply = minuteOf(firstReply);
  resolved = minuteOf(resolved);
  const cells: Row = {
    case_id: nextId(),
    received_at: crmTime(received),
    type,
    channel,
    segment,
    product,
    branch: random.pick(BRANCHES),
    first_reply_at: firstReply < asOf ? crmTime(firstReply) : '',
    resolved_at: resolved < asOf ? crmTime(resolved) : '',
    subject: note(random, type === 'inquiry' ? INQUIRY_SUBJECTS : COMPLAINT_SUBJECTS, 1, 0.004),
  };
  return { cells, at: received };
}

/** Dirt goes on records in a standard's scope, where it makes them invalid. */
const notCancelled = (r: LogRecord): boolean => r.cells.status !== 'cancelled';
const adviceTopic = (r: LogRecord): boolean => r.cells.topic !== 'complaint-follow-up';

function callbacks(random: Random, asOf: number, cal: Calendars): SourceLog {
  const records: LogRecord[] = [];
  let seq = 0;
  const iso = (ms: number): string => formatTimestamp(ms, ZONE, 'iso-offset');
  for (const date of daysUntil(FIRST_DAY, asOf, ZONE)) {
    const day = weekday(date);
    // Load on the contact centre: the migration, then summer holidays with a thin rota.
    const load = [1, 1.5, 1.25, 1, 1, 1, 1.1, 1.55, 1.05, 1, 1, 1][date.m - 1] ?? 1;
    const n = poisson(random, ([9, 8, 8, 8, 7, 4, 2][day] ?? 2) * (date.m === 2 || date.m === 3 ? 1.4 : 1));
    for (let i = 0; i < n; i++) {
      const requested = instant(ZONE, date, minuteOfDay(random, ONLINE_HOURS)) + random.int(0, 59) * 1000;
      if (requested >= asOf) continue;
      const [reason, priority] = weighted(random, CALLBACK_REASONS);
      const median = ({ urgent: 18, high: 55 } as Record<string, number>)[priority] ?? 130;
      const cancelled = chance(random, 0.03);
      const calledBack = Math.floor(addOpenMinutes(cal.centre, requested, random.logNormal(median * load, 0.8)) / 1000) * 1000;
      const done = !cancelled && calledBack < asOf;
      records.push({
        at: requested,
        cells: {
          callback_id: `CB-${pad(++seq, 6)}`,
          requested_at: iso(requested),
          priority,
          reason,
          status: cancelled ? 'cancelled' : done ? 'done' : 'open',
          called_back_at: done ? iso(calledBack) : '',
          attempts: done ? String(weighted(random, [[1, 82], [2, 14], [3, 4]] as const)) : cancelled ? '1' : '0',
          agent_team: priority === 'urgent' ? 'card-services' : random.pick(['service-1', 'service-2', 'service-3']),
          notes: note(random, CALLBACK_NOTES, 0.12, 0.08),
        },
      });
    }
  }
  return {
    id: 'callbacks',
    key: 'callback_id',
    columns: CALLBACK_COLUMNS,
    style: PLAIN_CSV,
    records,
    fileOf: () => 'logs/callbacks.csv',
    dirt: [
      { kind: 'empty-start', column: 'requested_at', count: 4, eligible: notCancelled },
      // A JavaScript date that went wrong in the platform's export job.
      { kind: 'unparseable-timestamp', column: 'requested_at', count: 3, eligible: notCancelled, value: (_r, rnd) => rnd.pick(['Invalid Date', 'NaN-NaN-NaNTNaN:NaN:NaN+NaN:NaN']) },
      { kind: 'end-before-start', column: 'called_back_at', count: 5, value: (r, rnd) => iso(r.at - rnd.int(5, 180) * MINUTE) },
    ],
  };
}

function adviceSurvey(random: Random, asOf: number, cal: Calendars): SourceLog {
  const records: LogRecord[] = [];
  let seq = 0;
  for (const date of daysUntil(FIRST_DAY, asOf, ZONE)) {
    if (openOn(cal.branch, date).length === 0) continue;
    const n = poisson(random, [7, 7, 7, 9, 6, 4, 0][weekday(date)] ?? 0);
    const q = quarterOf(date);
    for (let i = 0; i < n; i++) {
      const surveyed = instant(ZONE, date, minuteOfDay(random, SURVEY_HOURS)) + random.int(0, 59) * 1000;
      if (surveyed >= asOf) continue;
      const topic = weighted(random, [['current-account', 25], ['mortgage', 15], ['investments', 20], ['pension', 12], ['insurance', 8], ['savings', 12], ['complaint-follow-up', 8]] as const);
      // Six branches closed in April: longer waits and unfamiliar advisers in Q2.
      const scores: readonly (readonly [number, number])[] =
        topic === 'complaint-follow-up'
          ? [[5, 20], [4, 25], [3, 25], [2, 15], [1, 15]]
          : q === 2
            ? [[5, 45], [4, 33], [3, 12], [2, 6], [1, 4]]
            : q === 1
              ? [[5, 52], [4, 33], [3, 9], [2, 4], [1, 2]]
              : [[5, 54], [4, 32], [3, 9], [2, 3], [1, 2]];
      const score = weighted(random, scores);
      const answered = !chance(random, 0.06);
      records.push({
        at: surveyed,
        cells: {
          response_id: `S26-${pad(++seq, 5)}`,
          surveyed_at: formatTimestamp(surveyed, ZONE, 'naive'),
          branch: random.pick(BRANCHES),
          adviser: random.pick(ADVISERS),
          topic,
          score: answered ? String(score) : '',
          would_recommend: String(Math.min(10, Math.max(0, score * 2 + random.int(-2, 1)))),
          comment: note(random, SURVEY_COMMENTS, 0.3, 0.03),
        },
      });
    }
  }
  return {
    id: 'advice-survey',
    key: 'response_id',
    columns: SURVEY_COLUMNS,
    style: PLAIN_CSV,
    records,
    fileOf: () => 'logs/advice-survey.csv',
    dirt: [
      // A decimal comma from a German spreadsheet, and "keine Angabe" (no answer) typed in.
      { kind: 'non-numeric', column: 'score', count: 8, eligible: (r) => adviceTopic(r) && r.cells.score !== '', value: (_r, rnd) => rnd.pick(['4,5', 'k.A.', '3,5', 'sehr gut']) },
      { kind: 'empty-start', column: 'surveyed_at', count: 2, eligible: adviceTopic },
    ],
  };
}

/** A CRM timestamp read back, as the registry reads it (`dd.MM.yyyy HH:mm`, Europe/Berlin). */
function readCrmTime(text: string): number | undefined {
  const m = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})$/.exec(text);
  if (m === null) return undefined;
  return instant(ZONE, { y: Number(m[3]), m: Number(m[2]), d: Number(m[1]) }, Number(m[4]) * 60 + Number(m[5]));
}

const SERVQUAL_COLUMNS = [
  'response_id',
  'submitted_at',
  'case_id',
  ...SERVQUAL_ITEMS.flatMap(([, items]) => items.map((i) => `E${i}`)),
  ...SERVQUAL_ITEMS.flatMap(([, items]) => items.map((i) => `P${i}`)),
  ...SERVQUAL_ITEMS.map((_d, i) => `W${i + 1}`),
] as const;

/** What a complainant expects of an excellent bank: reliability most, tangibles least, as SERVQUAL studies find. */
const EXPECTED: Record<Dimension, number> = { reliability: 6.4, responsiveness: 6.2, assurance: 6.1, empathy: 5.8, tangibles: 5.3 };
/** Perception against expectation when the complaint was resolved within its 5 business days. */
const GAP_MET: Record<Dimension, number> = { reliability: -0.3, responsiveness: -0.4, assurance: -0.25, empathy: -0.3, tangibles: -0.1 };
/** What a missed deadline takes off on top: the promise broken is reliability, the wait is responsiveness. */
const GAP_BREACHED: Record<Dimension, number> = { reliability: -1.5, responsiveness: -1.3, assurance: -0.35, empathy: -0.2, tangibles: 0 };
/** The importance split customers give, around Zeithaml, Parasuraman and Berry's published shares. */
const SHARES: Record<Dimension, number> = { reliability: 32, responsiveness: 22, assurance: 19, empathy: 16, tangibles: 11 };

/**
 * The SERVQUAL questionnaire Complaints Management e-mails a few days after a complaint is
 * closed: one response per responding complainant, linked to the case by `case_id`. Whether
 * the case met `complaint-resolution` (within 5bd on branch-hours) is worked out here from the
 * case's cells as written, so a case the engine calls breached is one the customer felt.
 * Cases with a dirty cell are not surveyed: the link would lead to a record no standard judges.
 */
function complaintSurvey(random: Random, asOf: number, cal: Calendars, cases: readonly LogRecord[], dirtyCases: ReadonlySet<string>): SourceLog {
  const records: LogRecord[] = [];
  let seq = 0;
  for (const c of cases) {
    if (c.cells.type !== 'complaint' || dirtyCases.has(c.cells.case_id ?? '')) continue;
    const received = readCrmTime(c.cells.received_at ?? '');
    const resolved = readCrmTime(c.cells.resolved_at ?? '');
    if (received === undefined || resolved === undefined) continue;
    const met = resolved <= closeOfNthBusinessDay(cal.branch, received, 5);
    // Customers with a grievance answer more often.
    if (!chance(random, met ? 0.3 : 0.42)) continue;
    const delay = Math.min(12, 1 + Math.floor(random.logNormal(2, 0.6)));
    const submitted = Math.max(instant(ZONE, addDays(localDate(resolved, ZONE), delay), minuteOfDay(random, SURVEY_HOURS)), resolved + DAY) + random.int(0, 59) * 1000;
    if (submitted >= asOf) continue;
    const eLevel = 0.35 * normal(random);
    const mood = 0.45 * normal(random);
    const expectation = {} as Record<Dimension, number>;
    const perception = {} as Record<Dimension, number>;
    for (const [d] of SERVQUAL_ITEMS) {
      expectation[d] = EXPECTED[d] + eLevel;
      perception[d] = EXPECTED[d] + 0.5 * eLevel + GAP_MET[d] + (met ? 0 : GAP_BREACHED[d]) + mood;
    }
    // A few leave the branch questions (tangibles) out: they complained by e-mail.
    const skipped = new Set<Dimension>(chance(random, 0.03) ? ['tangibles'] : []);
    const items = answerItems(random, { expectation, perception, skip: 0.02, skipped }, (kind, item) => `${kind}${item}`);
    const weights = chance(random, 0.9) ? splitPoints(random, SHARES) : undefined;
    records.push({
      at: submitted,
      cells: {
        response_id: `SQ26-${pad(++seq, 5)}`,
        submitted_at: formatTimestamp(submitted, ZONE, 'naive'),
        case_id: c.cells.case_id ?? '',
        ...items,
        ...Object.fromEntries(SERVQUAL_ITEMS.map(([d], i) => [`W${i + 1}`, weights === undefined ? '' : String(weights[d])])),
      },
    });
  }
  const weightsOf = (r: LogRecord): number[] => SERVQUAL_ITEMS.map((_d, i) => Number(r.cells[`W${i + 1}`] || NaN));
  return {
    id: 'servqual-complaints',
    key: 'response_id',
    columns: SERVQUAL_COLUMNS,
    style: PLAIN_CSV,
    records,
    fileOf: (r) => `surveys/servqual-2026-q${quarterOf(localDate(r.at, ZONE))}.csv`,
    dirt: [
      // The web form's number field let an 8 through, twice.
      { kind: 'out-of-scale', column: 'P3', count: 1, value: () => '8' },
      { kind: 'out-of-scale', column: 'E20', count: 1, value: () => '8' },
      // "Not applicable" typed where a score belongs.
      { kind: 'non-numeric', column: 'P12', count: 1, value: () => 'n/a' },
      { kind: 'non-numeric', column: 'E5', count: 1, value: () => 'n/a' },
      // 90 points given instead of 100: reliability written 10 lower than the customer meant.
      {
        kind: 'weights-not-100',
        column: 'W1',
        count: 1,
        eligible: (r) => weightsOf(r).every((w) => Number.isInteger(w)) && (weightsOf(r)[0] ?? 0) >= 15,
        value: (r) => String(Number(r.cells.W1) - 10),
      },
      { kind: 'duplicate-key', column: 'response_id', count: 1 },
    ],
  };
}

export function retailBankLogs(asOf: number): ExampleData {
  const cal: Calendars = { branch: openingHours(RETAIL_BANK_CALENDARS[0] as CalendarSpec), centre: openingHours(RETAIL_BANK_CALENDARS[1] as CalendarSpec) };
  const crm = crmCases(seededRandom(20260101), asOf, cal);
  const crmLog = renderSourceLog(crm, seededRandom(101), asOf);
  const logs = mergeLogs([
    crmLog,
    renderSourceLog(callbacks(seededRandom(20260102), asOf, cal), seededRandom(102), asOf),
    renderSourceLog(adviceSurvey(seededRandom(20260103), asOf, cal), seededRandom(103), asOf),
  ]);
  // The survey follows the cases as the CRM exported them, dirty cells included.
  const dirtyCases = new Set(crmLog.dirty.map((d) => d.record));
  const surveys = renderSourceLog(complaintSurvey(seededRandom(20260104), asOf, cal, crm.records, dirtyCases), seededRandom(104), asOf);
  return { logs, surveys };
}
