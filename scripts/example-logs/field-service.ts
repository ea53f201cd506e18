/**
 * Lakeshore Appliance Repair (examples/field-service). The story the logs tell:
 * - January snowstorms make engineers late: arrival in the slot misses in January, and again
 *   in July, at the height of the heat wave, when refrigerator call-outs fill the schedule;
 * - a new dishwasher model whose parts the vans do not carry yet drags first-time fix below
 *   80% in Q2;
 * - a parts backorder in July breaks promised repair dates;
 * - the new billing system (January) gets bills wrong in Q1;
 * - two Customer Care staff leave in September and follow-up calls slip that month;
 * - the heat wave's late arrivals cost the rating in Q3.
 * examples/README.md tells the same story; keep the two together.
 */
import { seededRandom, type Random } from '../../src/init/random.js';
import { PLAIN_CSV } from './csv.js';
import { chance, minuteOfDay, note, pad, poisson, weighted } from './draw.js';
import { onBusinessDay, openingHours, type CalendarSpec, type OpeningHours } from './opening-hours.js';
import { mergeLogs, renderSourceLog, type ExampleData, type LogRecord, type SourceLog } from './source-log.js';
import { addDays, DAY, daysUntil, formatTimestamp, instant, isoDate, localDate, MINUTE, quarterOf, weekday, type LocalDate } from './time.js';

const ZONE = 'America/Chicago';
const FIRST_DAY: LocalDate = { y: 2026, m: 1, d: 1 };

/** The calendar of examples/field-service/promise.yaml. */
export const FIELD_SERVICE_CALENDARS: readonly CalendarSpec[] = [
  {
    id: 'care-desk',
    timezone: ZONE,
    hours: { weekdays: ['08:00-18:00'], sat: ['09:00-13:00'] },
    holidays: [
      '2026-01-01',
      '2026-05-25',
      '2026-07-03',
      '2026-09-07',
      '2026-11-26',
      { date: '2026-11-27', hours: ['08:00-12:00'] },
      { date: '2026-12-24', hours: ['08:00-12:00'] },
      '2026-12-25',
      '2027-01-01',
    ],
  },
];

/** Days the engineers do not work at all. */
const FIELD_CLOSED = new Set(['2026-01-01', '2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25', '2027-01-01']);

const JOB_COLUMNS = ['job_id', 'opened_at', 'channel', 'customer_zip', 'appliance', 'brand', 'warranty', 'status', 'promised_date', 'completed_at', 'follow_up_call_at', 'rating', 'notes'] as const;
const VISIT_COLUMNS = ['visit_id', 'job_id', 'visit_type', 'engineer', 'slot_start', 'slot_end', 'arrived_at', 'outcome', 'recall_reason', 'notes'] as const;
const INVOICE_COLUMNS = ['invoice_no', 'job_id', 'issued_at', 'amount_usd', 'payment_method', 'disputed', 'corrected_at', 'correction_reason', 'notes'] as const;

const WEB_HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 9, 9, 7, 4, 2];
const PHONE_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 9, 10, 9, 8, 7, 8, 8, 7, 7, 6, 0, 0, 0, 0, 0, 0];
const ZIPS = ['60614', '60657', '60625', '60640', '60618', '60647', '60201', '60202', '60302', '60515', '60540', '60091', '60004', '60068', '46394'];
const BRANDS = ['Whirlpool', 'GE', 'Samsung', 'LG', 'Maytag', 'Bosch', 'KitchenAid', 'Frigidaire', 'Electrolux'];
const ENGINEERS = ['T. Nguyen', 'R. Okafor', 'J. Kowalczyk', 'M. Alvarez', 'D. Brooks', 'S. Patel', 'K. Larsen', 'L. Washington', 'P. Romano', 'A. Haddad', 'B. O\'Connor', 'C. Dubois'];
const JOB_NOTES = [
  'Customer says it "makes a grinding noise"',
  'Gate code 4471, dog in the yard',
  'Second floor, no elevator',
  'Leaking under the door, towels down',
  'Bought at Home Depot, receipt in the drawer',
  'Call 30 min before arrival, please',
  'Error code E24, drain pump?',
];
const VISIT_NOTES = [
  'Replaced door gasket, tested 2 cycles',
  'Control board on order, ETA from Bosch "5-7 days"',
  'Nobody home; left a card',
  'Ice maker reset, water line kinked behind the unit',
  'Customer asked for a quote on a new unit, not worth repairing',
  'Heat wave: 3rd fridge call today, compressor OK',
];
const INVOICE_NOTES = [
  'Labor 1.5h @ $95, parts: door gasket',
  'Diagnostic fee only, repair declined',
  'Parts: drain pump, "OEM"; labor 1h',
  'Warranty claim #W-88121, billed to manufacturer',
  'Discount 10%, senior customer',
];

const seconds = (ms: number): number => Math.floor(ms / 1000) * 1000;
const withOffset = (ms: number): string => formatTimestamp(ms, ZONE, 'iso-offset');
const local = (ms: number): string => formatTimestamp(ms, ZONE, 'naive');
const utc = (ms: number): string => formatTimestamp(ms, ZONE, 'iso-utc');

function isServiceDay(date: LocalDate): boolean {
  return weekday(date) < 6 && !FIELD_CLOSED.has(isoDate(date));
}

function nextServiceDay(date: LocalDate): LocalDate {
  let d = date;
  while (!isServiceDay(d)) d = addDays(d, 1);
  return d;
}

/** Two-hour slots; Saturdays only in the morning. */
function slotsOn(date: LocalDate): number[] {
  return weekday(date) === 5 ? [8, 10] : [8, 10, 12, 14, 16];
}

interface Logs {
  jobs: LogRecord[];
  visits: LogRecord[];
  invoices: LogRecord[];
}

interface Visit {
  arrived: number | undefined;
  date: LocalDate;
  outcome: string;
}

function generate(random: Random, asOf: number, care: OpeningHours): Logs {
  const out: Logs = { jobs: [], visits: [], invoices: [] };
  let jobSeq = 0;
  let visitSeq = 0;
  let invoiceSeq = 0;
  let creditSeq = 0;

  /** Books a visit on the first service day from `day`; `outcome` is drawn only once the engineer has been. */
  const visit = (jobId: string, type: 'first' | 'return', day: LocalDate, outcome: () => string, recall: boolean): Visit => {
    const date = nextServiceDay(day);
    const hour = random.pick(slotsOn(date));
    const start = instant(ZONE, date, hour * 60);
    const end = start + 2 * 60 * MINUTE;
    // Late arrivals: snow in January, the heat wave's overbooked schedule in June and July.
    const lateShare = [0.16, 0.1, 0.06, 0.05, 0.06, 0.12, 0.15, 0.07, 0.06, 0.06, 0.06, 0.08][date.m - 1] ?? 0.06;
    const cancelled = type === 'first' && chance(random, 0.03);
    const arrivedAt = seconds(chance(random, lateShare) ? end + random.logNormal(30, 0.7) * MINUTE : start + random.next() * 115 * MINUTE);
    const happened = !cancelled && start < asOf && arrivedAt < asOf;
    const result = cancelled ? 'customer-cancelled' : happened ? outcome() : '';
    out.visits.push({
      at: start,
      cells: {
        visit_id: `V-${pad(++visitSeq, 6)}`,
        job_id: jobId,
        visit_type: type,
        engineer: random.pick(ENGINEERS),
        slot_start: local(start),
        slot_end: local(end),
        arrived_at: happened ? local(arrivedAt) : '',
        outcome: result,
        // The customer called back with the same fault within 30 days; known a month later.
        recall_reason: recall && happened && arrivedAt < asOf - 30 * DAY ? random.pick(['same fault', 'leak returned', 'error code back']) : '',
        notes: note(random, VISIT_NOTES, result === 'no-access' ? 1 : 0.15, 0.02),
      },
    });
    return { arrived: happened ? arrivedAt : undefined, date, outcome: result };
  };

  for (const date of daysUntil(FIRST_DAY, asOf, ZONE)) {
    const day = weekday(date);
    const heat = date.m === 6 || date.m === 7 ? 1.3 : 1;
    const n = poisson(random, ([16, 14, 14, 14, 13, 6, 3][day] ?? 3) * heat);
    for (let i = 0; i < n; i++) {
      const channel = weighted(random, [['phone', 58], ['web', 32], ['warranty-partner', 10]] as const);
      const phoneDay = isServiceDay(date) || day === 5;
      const minute = channel === 'web' || !phoneDay ? minuteOfDay(random, WEB_HOURS) : minuteOfDay(random, PHONE_HOURS);
      const opened = seconds(instant(ZONE, date, minute));
      if (opened >= asOf) continue;
      const jobId = `J26-${pad(++jobSeq, 5)}`;
      const appliance = weighted(random, [['washer', 22], ['dryer', 14], ['refrigerator', 20 * heat * heat], ['dishwasher', 16], ['oven-range', 14], ['freezer', 4 * heat], ['microwave', 5]] as const);
      const warranty = channel === 'warranty-partner' || chance(random, 0.06);
      const q = quarterOf(date);

      // First visit 1-3 days out; a second visit when nobody was home or parts were needed.
      let attempt = visit(
        jobId,
        'first',
        addDays(date, random.int(1, 3)),
        () => {
          if (chance(random, 0.02)) return 'no-access';
          // Q2: a new dishwasher model whose parts the vans do not carry yet.
          return weighted(random, q === 2 ? [['repaired', 60], ['repaired-from-van-stock', 16], ['parts-ordered', 20], ['not-economical', 4]] : [['repaired', 66], ['repaired-from-van-stock', 21], ['parts-ordered', 10], ['not-economical', 3]]);
        },
        chance(random, 0.04),
      );
      // The booking promises the repair on the day of the visit.
      let promised: LocalDate | undefined = attempt.date;
      const cancelled = attempt.outcome === 'customer-cancelled';
      if (attempt.outcome === 'no-access') {
        attempt = visit(jobId, 'return', addDays(attempt.date, random.int(1, 3)), () => 'repaired', false);
        promised = attempt.date;
      }
      if (attempt.outcome === 'parts-ordered') {
        // A backorder with no delivery date: no date can be promised.
        const backorder = chance(random, date.m === 7 ? 0.3 : 0.1);
        const eta = nextServiceDay(addDays(attempt.date, backorder ? Math.round(random.logNormal(12, 0.4)) : random.int(3, 8)));
        promised = backorder ? undefined : eta;
        const late = !backorder && chance(random, date.m === 7 ? 0.7 : date.m === 6 ? 0.2 : 0.06);
        attempt = visit(jobId, 'return', late ? addDays(eta, random.int(1, 6)) : eta, () => 'repaired', false);
      }
      let completed: number | undefined;
      if (attempt.arrived !== undefined && attempt.outcome !== 'customer-cancelled') {
        completed = seconds(attempt.arrived + random.logNormal(60, 0.4) * MINUTE);
        if (completed >= asOf) completed = undefined;
      }

      // Follow-up call: business days on the care-desk calendar; September is short-staffed.
      let followUp: number | undefined;
      let rating = '';
      if (completed !== undefined) {
        const month = localDate(completed, ZONE).m;
        const k = weighted(random, month === 9 ? [[0, 18], [1, 34], [2, 24], [3, 16], [4, 8]] : [[0, 31], [1, 48], [2, 16], [3, 4], [4, 1]]);
        followUp = seconds(onBusinessDay(care, completed, k, random.next()));
        if (followUp >= asOf) followUp = undefined;
        if (followUp !== undefined && chance(random, 0.55)) {
          const heatWave = q === 3;
          rating = String(weighted(random, heatWave ? [[5, 64], [4, 20], [3, 7], [2, 4], [1, 5]] : [[5, 74], [4, 17], [3, 4], [2, 2], [1, 3]]));
        }
      }

      out.jobs.push({
        at: opened,
        cells: {
          job_id: jobId,
          opened_at: withOffset(opened),
          channel,
          customer_zip: random.pick(ZIPS),
          appliance,
          brand: random.pick(BRANDS),
          warranty: warranty ? 'yes' : 'no',
          status: cancelled ? 'cancelled' : completed !== undefined ? 'completed' : 'open',
          promised_date: cancelled || promised === undefined ? '' : isoDate(promised),
          completed_at: completed === undefined ? '' : withOffset(completed),
          follow_up_call_at: followUp === undefined ? '' : withOffset(followUp),
          rating,
          notes: note(random, JOB_NOTES, 0.25, 0.02),
        },
      });

      if (completed !== undefined) invoice(completed, jobId, warranty, attempt.outcome, q);
    }
  }
  return out;

  function invoice(completed: number, jobId: string, warranty: boolean, outcome: string, quarter: number): void {
    const issued = seconds(completed + random.int(2, 90) * MINUTE);
    if (issued >= asOf) return;
    // Most repairs are a part and an hour's labor; a compressor or a control board costs far more.
    const median = chance(random, 0.08) ? 640 : 185;
    const amount = warranty ? 0 : outcome === 'not-economical' ? 89 : Math.round(random.logNormal(median, 0.45) * 100) / 100;
    // Q1: the new billing system doubles labor lines and applies last year's rates.
    const newSystem = quarter === 1;
    const disputed = amount > 0 && chance(random, newSystem ? 0.035 : 0.01);
    const correction = amount === 0 ? '' : chance(random, newSystem ? 0.03 : 0.008) ? random.pick(['pricing-error', 'duplicate-labor-line']) : chance(random, 0.008) ? 'customer-request' : '';
    const correctedAt = correction === '' ? undefined : seconds(issued + random.int(1, 10) * DAY + random.int(0, 480) * MINUTE);
    const corrected = correctedAt !== undefined && correctedAt < asOf;
    out.invoices.push({
      at: issued,
      cells: {
        invoice_no: `INV-2026-${pad(++invoiceSeq, 5)}`,
        job_id: jobId,
        issued_at: utc(issued),
        amount_usd: amount.toFixed(2),
        payment_method: amount === 0 ? 'manufacturer' : weighted(random, [['card', 62], ['ach', 14], ['check', 12], ['financing', 12]] as const),
        disputed: disputed ? 'yes' : 'no',
        corrected_at: corrected ? utc(correctedAt) : '',
        correction_reason: corrected ? correction : '',
        notes: note(random, INVOICE_NOTES, 0.3, 0.01),
      },
    });
    if (corrected) {
      out.invoices.push({
        at: correctedAt,
        cells: {
          invoice_no: `CN-2026-${pad(++creditSeq, 4)}`,
          job_id: jobId,
          issued_at: utc(correctedAt),
          amount_usd: (-Math.round(amount * random.int(10, 100)) / 100).toFixed(2),
          payment_method: 'credit-note',
          disputed: 'no',
          corrected_at: '',
          correction_reason: correction,
          notes: `Credit for INV-2026-${pad(invoiceSeq, 5)}`,
        },
      });
    }
  }
}

/**
 * Dirt goes on records a standard judges, where it makes them invalid: a bill, not a credit
 * note; a job with a promised date (without one it is skipped, SPEC §2, and its start unread).
 */
const isBill = (r: LogRecord): boolean => r.cells.invoice_no?.startsWith('INV-') === true;
const hasPromise = (r: LogRecord): boolean => r.cells.status !== 'cancelled' && r.cells.promised_date !== '';

/** `1204.50` as a person writes it: `$1,204.50`. */
function dollars(amount: string): string {
  const [whole = '', cents = '00'] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}

export function fieldServiceLogs(asOf: number): ExampleData {
  const care = openingHours(FIELD_SERVICE_CALENDARS[0] as CalendarSpec);
  const logs = generate(seededRandom(20260301), asOf, care);
  const jobs: SourceLog = {
    id: 'jobs',
    key: 'job_id',
    columns: JOB_COLUMNS,
    style: PLAIN_CSV,
    records: logs.jobs,
    fileOf: () => 'logs/jobs.csv',
    dirt: [
      { kind: 'empty-start', column: 'opened_at', count: 5, eligible: hasPromise },
      // A month 13 from a hand-edited import of web bookings.
      { kind: 'unparseable-timestamp', column: 'opened_at', count: 4, eligible: hasPromise, value: (r) => `${withOffset(r.at).slice(0, 5)}13${withOffset(r.at).slice(7)}` },
      // The follow-up call logged against the wrong job: "before" the repair was finished.
      {
        kind: 'end-before-start',
        column: 'follow_up_call_at',
        count: 5,
        eligible: (r) => r.cells.status === 'completed' && r.cells.follow_up_call_at !== '',
        value: (r) => withOffset(Date.parse(r.cells.completed_at ?? '') - 26 * 60 * MINUTE),
      },
      // Star ratings typed as words by a new agent.
      { kind: 'non-numeric', column: 'rating', count: 5, value: (_r, rnd) => rnd.pick(['5 stars', 'five', '4/5']) },
    ],
  };
  const visits: SourceLog = {
    id: 'visits',
    key: 'visit_id',
    columns: VISIT_COLUMNS,
    style: PLAIN_CSV,
    records: logs.visits,
    fileOf: () => 'logs/visits.csv',
    dirt: [
      { kind: 'empty-start', column: 'slot_start', count: 7, eligible: (r) => r.cells.outcome !== 'customer-cancelled' && r.cells.outcome !== '' },
      // 30 February, from a slot moved by hand on the scheduling board.
      { kind: 'unparseable-timestamp', column: 'slot_start', count: 7, eligible: (r) => r.cells.outcome !== 'customer-cancelled' && r.cells.outcome !== '', value: (r) => `2026-02-30${local(r.at).slice(10)}` },
      // The day before the slot: a date typed wrong when the visit was logged from paper.
      { kind: 'end-before-start', column: 'arrived_at', count: 7, value: (r, rnd) => local(r.at - DAY + rnd.int(0, 115) * MINUTE) },
    ],
  };
  const invoices: SourceLog = {
    id: 'invoices',
    key: 'invoice_no',
    columns: INVOICE_COLUMNS,
    style: PLAIN_CSV,
    records: logs.invoices,
    fileOf: () => 'logs/invoices.csv',
    dirt: [
      // Amounts formatted for people by a spreadsheet round trip: a $ sign, a thousands comma.
      { kind: 'non-numeric', column: 'amount_usd', count: 2, eligible: (r) => isBill(r) && Number(r.cells.amount_usd) >= 1000, value: (r) => dollars(r.cells.amount_usd ?? '') },
      { kind: 'non-numeric', column: 'amount_usd', count: 8, eligible: (r) => isBill(r) && Number(r.cells.amount_usd) > 0, value: (r, rnd) => (chance(rnd, 0.6) ? dollars(r.cells.amount_usd ?? '') : 'TBD') },
      { kind: 'empty-start', column: 'issued_at', count: 7, eligible: (r) => isBill(r) && Number(r.cells.amount_usd) > 0 },
      { kind: 'duplicate-key', column: 'invoice_no', count: 1, eligible: isBill },
    ],
  };
  const rendered = mergeLogs([
    renderSourceLog(jobs, seededRandom(301), asOf),
    renderSourceLog(visits, seededRandom(302), asOf),
    renderSourceLog(invoices, seededRandom(303), asOf),
  ]);
  // The repair company runs no questionnaire of its own: its ratings are in the jobs log.
  return { logs: rendered, surveys: { files: new Map(), dirty: [] } };
}
