/**
 * Kingsmere Airport (examples/airport). The story the logs tell:
 * - the summer peak (July, August) with air-traffic-control strikes: complaint volume
 *   doubles, acknowledgements and full replies slip in FY2027-Q2 (July-September), bags
 *   come late, assistance agents are stretched (June to September), washrooms score lower
 *   in August and the central security queue averages over 10 minutes;
 * - the October half-term brings the queues back for a week (the month stays on target)
 *   and keeps passengers who did not book assistance waiting;
 * - replies to the autumn's complaints are still being written: the oldest are already
 *   past their 20 business days;
 * - passengers who were assisted are e-mailed a Qualtrics survey: those kept waiting past
 *   the 10 or 25 minutes promised rate responsiveness and empathy well below those met in time.
 * examples/README.md tells the same story; keep the two together.
 */
import { seededRandom, type Random } from '../../src/init/random.js';
import { PLAIN_CSV } from './csv.js';
import { chance, minuteOfDay, note, pad, poisson, weighted } from './draw.js';
import { addOpenMinutes, onBusinessDay, openingHours, type CalendarSpec, type OpeningHours } from './opening-hours.js';
import { answerItems, normal, SERVQUAL_ITEMS, type Dimension } from './servqual.js';
import { mergeLogs, renderSourceLog, type ExampleData, type LogRecord, type SourceLog } from './source-log.js';
import { addDays, DAY, daysUntil, formatTimestamp, instant, isoDate, localDate, MINUTE, weekday, type LocalDate } from './time.js';

const ZONE = 'Europe/London';
const FIRST_DAY: LocalDate = { y: 2026, m: 1, d: 1 };

/** The calendars of examples/airport/calendars.yaml. */
export const AIRPORT_CALENDARS: readonly CalendarSpec[] = [
  {
    id: 'complaints-office',
    timezone: ZONE,
    hours: { weekdays: ['09:00-17:00'] },
    holidays: [
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      { date: '2026-12-24', hours: ['09:00-13:00'] },
      '2026-12-25',
      '2026-12-28',
      { date: '2026-12-31', hours: ['09:00-13:00'] },
      '2027-01-01',
    ],
  },
];

/** When the Passenger Relations desk is staffed (every day): when acknowledgements go out. Not a registry calendar. */
const RELATIONS_DESK: CalendarSpec = { id: 'passenger-relations-desk', timezone: ZONE, hours: { weekdays: ['08:00-20:00'], sat: ['08:00-20:00'], sun: ['08:00-20:00'] }, holidays: ['2026-12-25'] };

const FEEDBACK_COLUMNS = ['reference', 'received_at', 'channel', 'category', 'terminal_area', 'acknowledged_at', 'resolved_at', 'outcome', 'summary'] as const;
const BAGGAGE_COLUMNS = ['arrival_id', 'flight_no', 'origin', 'aircraft_size', 'stand', 'on_blocks_at', 'first_bag_at', 'last_bag_at', 'bags', 'handler'] as const;
const ASSISTANCE_COLUMNS = ['request_id', 'flight_no', 'direction', 'pre_notified', 'ssr_code', 'requested_at', 'assisted_at', 'waiting_on_passenger_min', 'agent', 'notes'] as const;
const INSPECTION_COLUMNS = ['inspection_id', 'inspected_at', 'zone', 'location', 'inspector', 'score', 'issue', 'notes'] as const;
const QUEUE_COLUMNS = ['sample_id', 'measured_at', 'checkpoint', 'queue_minutes', 'lanes_open', 'passengers_per_hour'] as const;

const ONLINE_HOURS = [1, 0.5, 0.3, 0.2, 0.3, 0.8, 2, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 8, 9, 9, 8, 5, 2];
const TERMINAL_HOURS = [0.2, 0.1, 0.1, 0.3, 2, 6, 8, 8, 7, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 6, 5, 4, 2, 0.5];

const COMPLAINT_SUMMARIES: Record<string, readonly string[]> = {
  baggage: ['Bag arrived 70 minutes after landing, no updates on the screens', 'Suitcase damaged, handle "ripped off"', 'Waited at belt 4, then told to go to belt 2'],
  security: ['Queue over an hour, missed my flight', 'Staff shouted "move along" at my elderly father', 'Only 3 of 10 lanes open at 05:30'],
  assistance: ['Wheelchair did not arrive at the gate; crew had to wait', 'Booked assistance 2 weeks ahead, nobody at the meeting point', 'Agent left my mother alone at the gate, for 40 minutes'],
  cleanliness: ['Toilets near gate 14 filthy, no paper', 'Baby-change room out of order, again', 'Broken glass in the departure lounge'],
  parking: ['Charged £38 for 20 minutes in the drop-off zone', 'Shuttle bus from Long Stay never came', 'Barrier would not read my pre-booked ticket'],
  'retail-food': ['£6.50 for a bottle of water; outrageous', 'Café closed at 18:00 with a delayed flight waiting', 'Duty free sold me the wrong size, refused exchange'],
  'staff-conduct': ['Security officer was rude, "not my problem"', 'Information desk unhelpful during the strike', 'Car park staff ignored a blue-badge holder'],
  queues: ['Passport control took 50 minutes', 'Bag drop queue out of the door', 'Fast Track was slower than the normal lane'],
  'airline-service': ['Flight cancelled, airline staff nowhere', 'Lost connection, who pays the hotel?', 'Cabin bag charged at the gate'],
};
const COMPLIMENT_SUMMARIES = ['Thank you to Joanne at assistance, she was wonderful', 'Quickest security I have ever had', 'Lovely clean terminal, well done', 'Staff found my lost phone, "above and beyond"'];

const SCHEDULE: readonly (readonly [string, string, 'narrow' | 'wide', number])[] = [
  ['EZY 4121', 'AMS', 'narrow', 7 * 60 + 5], ['RYR 1876', 'DUB', 'narrow', 7 * 60 + 40], ['KLM 1043', 'AMS', 'narrow', 8 * 60 + 20], ['EIN 262', 'DUB', 'narrow', 9 * 60 + 5],
  ['LOG 481', 'EDI', 'narrow', 9 * 60 + 30], ['EZY 6212', 'ALC', 'narrow', 10 * 60 + 15], ['TOM 553', 'PMI', 'narrow', 10 * 60 + 50], ['RYR 4410', 'FAO', 'narrow', 11 * 60 + 25],
  ['AFR 1668', 'CDG', 'narrow', 12 * 60 + 5], ['EZY 4125', 'AMS', 'narrow', 12 * 60 + 45], ['UAE 35', 'DXB', 'wide', 13 * 60 + 10], ['RYR 1880', 'DUB', 'narrow', 13 * 60 + 40],
  ['DLH 960', 'FRA', 'narrow', 14 * 60 + 20], ['TOM 611', 'TFS', 'narrow', 14 * 60 + 55], ['EZY 7741', 'GVA', 'narrow', 15 * 60 + 30], ['LOG 485', 'EDI', 'narrow', 16 * 60 + 10],
  ['KLM 1047', 'AMS', 'narrow', 16 * 60 + 45], ['QTR 27', 'DOH', 'wide', 17 * 60 + 20], ['RYR 4414', 'MAD', 'narrow', 17 * 60 + 55], ['EZY 6216', 'BCN', 'narrow', 18 * 60 + 35],
  ['EIN 268', 'DUB', 'narrow', 19 * 60 + 15], ['TOM 559', 'DLM', 'narrow', 19 * 60 + 50], ['AFR 1672', 'CDG', 'narrow', 20 * 60 + 30], ['RYR 1884', 'DUB', 'narrow', 21 * 60 + 10],
  ['EZY 4129', 'AMS', 'narrow', 21 * 60 + 50], ['TOM 615', 'LPA', 'narrow', 22 * 60 + 35], ['EZY 6220', 'AGP', 'narrow', 23 * 60 + 10],
];
/** Flights that only operate in the summer season (April-October). */
const SUMMER_ONLY = new Set(['TOM 553', 'TOM 611', 'TOM 559', 'EZY 6212', 'RYR 4410', 'EZY 6216', 'TOM 615', 'EZY 6220']);

const ASSISTANCE_NOTES = [
  'Passenger asked to stop at the pharmacy',
  'Own wheelchair taken to the aircraft door, "gate delivery"',
  'Travelling with a guide dog',
  'Flight delayed; passenger settled in the lounge, tea offered',
  'Buggy broke down at gate 9, second buggy called',
  'Husband also needs help; two agents sent',
];
const INSPECTION_NOTES = ['Paper towels refilled', 'Hand dryer broken, reported to maintenance, job 4471', 'Floor wet near sinks; "caution" sign placed', 'Bin overflowing at gate 12', 'Baby-change table sticky, cleaned', 'Smell of drains, plumber called'];
const LOCATIONS: Record<string, readonly string[]> = {
  washrooms: ['Departures washrooms A', 'Departures washrooms B', 'Gate 3-8 washrooms', 'Gate 9-14 washrooms', 'Arrivals washrooms', 'Changing Places room'],
  'gate-lounge': ['Gates 1-4', 'Gates 5-9', 'Gates 10-14'],
  'departure-lounge': ['Central seating', 'Food court'],
  'arrivals-hall': ['Arrivals hall'],
  'baggage-reclaim': ['Reclaim belts 1-4'],
  'car-park': ['Multi-storey level 2', 'Long Stay shelter'],
  'staff-area': ['Crew room'],
};
const INSPECTORS = ['D. Evans', 'M. Nowak', 'S. Begum', 'L. Hughes', 'K. Mensah', 'R. Silva'];

/** How much busier (or slower) a month is than the rest of the year. */
const SUMMER = [1, 1, 1, 1.05, 1.1, 1.2, 1.5, 1.45, 1.15, 1.05, 1, 1.05];

interface Calendars {
  office: OpeningHours;
  desk: OpeningHours;
}

const seasonOf = (date: LocalDate): number => SUMMER[date.m - 1] ?? 1;
const utc = (ms: number): string => formatTimestamp(ms, ZONE, 'iso-utc');
const offset = (ms: number): string => formatTimestamp(ms, ZONE, 'iso-offset');
const naive = (ms: number): string => formatTimestamp(ms, ZONE, 'naive');
const seconds = (ms: number): number => Math.floor(ms / 1000) * 1000;
/** Half-term: the school holiday week at the end of October. */
const isHalfTerm = (date: LocalDate): boolean => date.m === 10 && date.d >= 24;

/**
 * Dirt goes on records in a standard's scope, where it makes them invalid; on a record out
 * of scope (a compliment, a flight without bags) no standard would ever read it.
 */
const isComplaint = (r: LogRecord): boolean => r.cells.reference?.startsWith('CMP-') === true && r.cells.category !== 'airline-service';
const hasBags = (r: LogRecord): boolean => r.cells.bags !== '0';

function passengerFeedback(random: Random, asOf: number, cal: Calendars): SourceLog {
  const records: LogRecord[] = [];
  let complaints = 0;
  let compliments = 0;
  for (const date of daysUntil(FIRST_DAY, asOf, ZONE)) {
    const summer = seasonOf(date);
    // Strikes and cancellations double the complaints in July and August.
    const n = poisson(random, 5.5 * summer * summer);
    for (let i = 0; i < n; i++) {
      const compliment = chance(random, 0.12);
      const channel = weighted(random, [['web-form', 50], ['email', 25], ['letter', 8], ['phone', 7], ['social-media', 10]] as const);
      let minute = minuteOfDay(random, ONLINE_HOURS);
      if (channel === 'letter') {
        if (weekday(date) >= 5) continue;
        minute = 10 * 60 + random.next() * 60; // the post is opened at ten
      } else if (channel === 'phone') {
        minute = 8 * 60 + random.next() * 12 * 60;
      }
      const received = seconds(instant(ZONE, date, minute));
      if (received >= asOf) continue;
      const category = compliment
        ? 'compliment'
        : weighted(random, [['baggage', 18], ['security', 16], ['assistance', 8], ['cleanliness', 6], ['parking', 14], ['retail-food', 8], ['staff-conduct', 10], ['queues', 10], ['airline-service', 10]] as const);
      // Acknowledgement: open desk minutes; the backlog grows with the summer volume.
      const ackMedian = [180, 180, 180, 180, 190, 220, 640, 520, 300, 200, 190, 190][date.m - 1] ?? 180;
      const acknowledged = seconds(addOpenMinutes(cal.desk, received, random.logNormal(ackMedian, 1)));
      // Full reply: business days on the complaints-office calendar.
      const replyMedian = [8, 8, 8, 8, 8.5, 9, 15, 16, 13, 10, 9, 9][date.m - 1] ?? 8;
      // A few need the airline's or a contractor's answer first and take weeks longer.
      const days = Math.floor(chance(random, 0.04) ? random.logNormal(26, 0.3) : random.logNormal(replyMedian, 0.45));
      const resolved = compliment ? undefined : seconds(Math.max(onBusinessDay(cal.office, received, days, random.next()), acknowledged + 30 * MINUTE));
      const summary = compliment ? random.pick(COMPLIMENT_SUMMARIES) : random.pick(COMPLAINT_SUMMARIES[category] ?? ['']);
      records.push({
        at: received,
        cells: {
          reference: compliment ? `CPL-26-${pad(++compliments, 5)}` : `CMP-26-${pad(++complaints, 5)}`,
          received_at: naive(received),
          channel,
          category,
          terminal_area: random.pick(['landside', 'airside', 'car-parks', 'arrivals', 'online']),
          acknowledged_at: acknowledged < asOf ? naive(acknowledged) : '',
          resolved_at: resolved !== undefined && resolved < asOf ? naive(resolved) : '',
          outcome: resolved !== undefined && resolved < asOf ? weighted(random, [['upheld', 35], ['partly-upheld', 25], ['not-upheld', 37], ['withdrawn', 3]] as const) : '',
          summary: chance(random, 0.01) ? `${summary}\nFollow-up e-mail attached` : summary,
        },
      });
    }
  }
  return {
    id: 'passenger-feedback',
    key: 'reference',
    columns: FEEDBACK_COLUMNS,
    style: PLAIN_CSV,
    records,
    fileOf: () => 'logs/passenger-feedback.csv',
    dirt: [
      // Letters typed in by hand: a date that does not exist, or the date written the US way round.
      { kind: 'unparseable-timestamp', column: 'received_at', count: 4, eligible: (r) => isComplaint(r) && r.cells.channel === 'letter', value: (r) => `${naive(r.at).slice(0, 8)}32${naive(r.at).slice(10)}` },
      { kind: 'empty-start', column: 'received_at', count: 3, eligible: (r) => isComplaint(r) && r.cells.channel === 'phone' },
      { kind: 'end-before-start', column: 'acknowledged_at', count: 5, eligible: (r) => isComplaint(r) && r.cells.acknowledged_at !== '', value: (r, rnd) => naive(r.at - rnd.int(1, 20) * 60 * MINUTE) },
    ],
  };
}

function baggageDelivery(random: Random, asOf: number): SourceLog {
  const records: LogRecord[] = [];
  for (const date of daysUntil(FIRST_DAY, asOf, ZONE)) {
    const summer = seasonOf(date);
    const inSeason = date.m >= 4 && date.m <= 10;
    for (const [flight, origin, size, scheduled] of SCHEDULE) {
      if (SUMMER_ONLY.has(flight) && !inSeason) continue;
      if (chance(random, 0.03)) continue; // cancelled
      const delay = chance(random, 0.25 * summer) ? random.logNormal(25, 1) : random.int(-15, 10);
      const onBlocks = seconds(instant(ZONE, date, scheduled + delay) + random.int(0, 59) * 1000);
      if (onBlocks >= asOf) continue;
      // Named by the scheduled date, so a flight delayed past midnight keeps its id.
      const id = `${isoDate(date).replace(/-/g, '')}-${flight.replace(' ', '')}`;
      const positioning = chance(random, 0.01);
      const bags = positioning ? 0 : size === 'wide' ? random.int(220, 390) : random.int(40, 175);
      const slow = summer > 1.3 ? 1.3 : summer > 1.1 ? 1.08 : 1;
      const firstBag = onBlocks + random.logNormal(12.5 * slow, 0.28) * MINUTE;
      const lastBag = firstBag + random.logNormal((size === 'wide' ? 19 : 10.5) * slow, 0.35) * MINUTE;
      records.push({
        at: onBlocks,
        cells: {
          arrival_id: id,
          flight_no: flight,
          origin,
          aircraft_size: size,
          stand: size === 'wide' ? random.pick(['20', '21', '22']) : String(random.int(1, 18)),
          on_blocks_at: utc(onBlocks),
          first_bag_at: positioning || firstBag >= asOf ? '' : utc(seconds(firstBag)),
          last_bag_at: positioning || lastBag >= asOf ? '' : utc(seconds(lastBag)),
          bags: String(bags),
          handler: 'SKL',
        },
      });
    }
  }
  return {
    id: 'baggage-delivery',
    key: 'arrival_id',
    columns: BAGGAGE_COLUMNS,
    style: PLAIN_CSV,
    records,
    fileOf: (r) => `logs/baggage-${isoDate(localDate(r.at, ZONE)).slice(0, 7)}.csv`,
    dirt: [
      // Gaps in the airport operational database feed, and an hour that does not exist.
      { kind: 'empty-start', column: 'on_blocks_at', count: 15, eligible: hasBags },
      { kind: 'unparseable-timestamp', column: 'on_blocks_at', count: 10, eligible: hasBags, value: (r) => `${utc(r.at).slice(0, 11)}25:${utc(r.at).slice(14)}` },
      // The belt sensor's clock ran wrong after a power cut: last bag "before" on-blocks.
      { kind: 'end-before-start', column: 'last_bag_at', count: 15, eligible: (r) => hasBags(r) && r.cells.last_bag_at !== '', value: (r, rnd) => utc(r.at - rnd.int(3, 40) * MINUTE) },
      { kind: 'duplicate-key', column: 'arrival_id', count: 1 },
    ],
  };
}

function specialAssistance(random: Random, asOf: number): SourceLog {
  const records: LogRecord[] = [];
  let seq = 0;
  for (const date of daysUntil(FIRST_DAY, asOf, ZONE)) {
    const summer = seasonOf(date);
    const n = poisson(random, 9 * summer);
    for (let i = 0; i < n; i++) {
      const requested = seconds(instant(ZONE, date, minuteOfDay(random, TERMINAL_HOURS)) + random.int(0, 59) * 1000);
      if (requested >= asOf) continue;
      const booked = chance(random, 0.75);
      // Agents are stretched in the summer peak and in the October half-term week, when families travel.
      const stretched = summer > 1.3 ? 1.45 : summer > 1.1 || isHalfTerm(date) ? 1.15 : 1;
      const wait = random.logNormal((booked ? 4.5 : 12) * stretched, booked ? 0.55 : 0.5);
      const paused = chance(random, 0.1) ? random.int(3, 20) : 0;
      const assisted = seconds(requested + (wait + paused) * MINUTE);
      const flight = random.pick(SCHEDULE)[0];
      records.push({
        at: requested,
        cells: {
          request_id: `PRM-${pad(++seq, 6)}`,
          flight_no: flight,
          direction: chance(random, 0.55) ? 'departure' : 'arrival',
          pre_notified: booked ? 'yes' : 'no',
          ssr_code: weighted(random, [['WCHR', 60], ['WCHS', 15], ['WCHC', 8], ['BLND', 5], ['DEAF', 4], ['DPNA', 8]] as const),
          requested_at: offset(requested),
          assisted_at: assisted < asOf ? offset(assisted) : '',
          waiting_on_passenger_min: String(paused),
          agent: random.pick(['A. Patel', 'B. Jones', 'C. Murphy', 'D. Kaur', 'E. Walsh', 'F. Ahmed', 'G. Brown']),
          notes: note(random, ASSISTANCE_NOTES, paused > 0 ? 0.9 : 0.1, 0.05),
        },
      });
    }
  }
  return {
    id: 'special-assistance',
    key: 'request_id',
    columns: ASSISTANCE_COLUMNS,
    style: PLAIN_CSV,
    records,
    fileOf: () => 'logs/special-assistance.csv',
    dirt: [
      // Typed into the app's free field instead of the number picker.
      { kind: 'non-numeric', column: 'waiting_on_passenger_min', count: 6, value: (_r, rnd) => rnd.pick(['5 min', '10?', 'approx. 15']) },
      { kind: 'empty-start', column: 'requested_at', count: 5 },
      { kind: 'end-before-start', column: 'assisted_at', count: 5, value: (r, rnd) => offset(r.at - rnd.int(2, 30) * MINUTE) },
    ],
  };
}

function cleanlinessInspections(random: Random, asOf: number): SourceLog {
  const records: LogRecord[] = [];
  let seq = 0;
  const rounds = [['washrooms', 6], ['gate-lounge', 3], ['departure-lounge', 2], ['arrivals-hall', 1], ['baggage-reclaim', 1], ['car-park', 1], ['staff-area', 0.3]] as const;
  for (const date of daysUntil(FIRST_DAY, asOf, ZONE)) {
    // August: the contractor is short of cleaners while the terminal is at its fullest.
    const august = date.m === 8;
    for (const [zone, rate] of rounds) {
      const n = poisson(random, rate);
      for (let i = 0; i < n; i++) {
        const inspected = seconds(instant(ZONE, date, minuteOfDay(random, TERMINAL_HOURS)));
        if (inspected >= asOf) continue;
        const score = weighted(random, august ? [[5, 30], [4, 50], [3, 13], [2, 5], [1, 2]] : [[5, 50], [4, 44.5], [3, 4], [2, 1], [1, 0.5]]);
        const issue = weighted(random, [['none', score >= 4 ? 90 : 40], ['litter', 4], ['consumables', 3], ['odour', 1], ['spill', august ? 2 : 1], ['blocked', august ? 1 : 0.5], ['out-of-order', 0.5]] as const);
        records.push({
          at: inspected,
          cells: {
            inspection_id: `INS-${pad(++seq, 6)}`,
            inspected_at: offset(inspected),
            zone,
            location: random.pick(LOCATIONS[zone] ?? ['']),
            inspector: random.pick(INSPECTORS),
            score: String(score),
            issue,
            notes: note(random, INSPECTION_NOTES, issue === 'none' ? 0.05 : 0.7, 0.05),
          },
        });
      }
    }
  }
  return {
    id: 'cleanliness-inspections',
    key: 'inspection_id',
    columns: INSPECTION_COLUMNS,
    style: PLAIN_CSV,
    records,
    fileOf: () => 'logs/cleanliness-inspections.csv',
    dirt: [
      // An inspection abandoned half-way ("n/a"), a score typed as a range.
      { kind: 'non-numeric', column: 'score', count: 12, eligible: (r) => r.cells.zone === 'washrooms', value: (_r, rnd) => rnd.pick(['n/a', '4-5', 'good']) },
      { kind: 'empty-start', column: 'inspected_at', count: 5, eligible: (r) => r.cells.zone !== 'car-park' && r.cells.zone !== 'staff-area' },
    ],
  };
}

function securityQueue(random: Random, asOf: number): SourceLog {
  const records: LogRecord[] = [];
  // Median queue minutes at central security by hour: the early wave of departures is the worst.
  const central = [0, 0, 0, 0, 9, 13, 12, 10, 8, 6, 5, 5, 5, 5, 6, 7, 7, 6, 5, 4, 3.5, 3, 0, 0];
  for (const date of daysUntil(FIRST_DAY, asOf, ZONE)) {
    const summer = date.m === 7 || date.m === 8 ? 1.45 : isHalfTerm(date) ? 1.35 : date.m === 6 ? 1.1 : 1;
    for (let hour = 4; hour <= 21; hour++) {
      for (const checkpoint of ['central', 'fast-track'] as const) {
        // Fast Track is sampled every other hour while it is open.
        if (checkpoint === 'fast-track' && (hour < 6 || hour > 20 || hour % 2 === 1)) continue;
        const measured = seconds(instant(ZONE, date, hour * 60 + random.int(0, 4)) + random.int(0, 59) * 1000);
        if (measured >= asOf) continue;
        const median = checkpoint === 'central' ? (central[hour] ?? 5) * summer : 2.5;
        const minutes = Math.max(0, Math.round(random.logNormal(median, 0.45)));
        const lanes = checkpoint === 'central' ? Math.min(10, Math.max(2, Math.round(median / 1.4 + random.int(0, 2)))) : 1;
        records.push({
          at: measured,
          cells: {
            sample_id: `${checkpoint === 'central' ? 'C' : 'F'}-${isoDate(date).replace(/-/g, '')}-${pad(hour, 2)}`,
            measured_at: utc(measured),
            checkpoint,
            queue_minutes: String(minutes),
            lanes_open: String(lanes),
            passengers_per_hour: String(Math.round(lanes * random.int(120, 160) * (checkpoint === 'central' ? 1 : 0.5))),
          },
        });
      }
    }
  }
  return {
    id: 'security-queue',
    key: 'sample_id',
    columns: QUEUE_COLUMNS,
    style: PLAIN_CSV,
    records,
    fileOf: () => 'logs/security-queue.csv',
    dirt: [
      // A scanner offline: the export writes a placeholder instead of leaving the cell empty.
      { kind: 'non-numeric', column: 'queue_minutes', count: 30, eligible: (r) => r.cells.checkpoint === 'central', value: (_r, rnd) => rnd.pick(['n/a', '—', 'ERR']) },
      { kind: 'empty-start', column: 'measured_at', count: 10, eligible: (r) => r.cells.checkpoint === 'central' },
    ],
  };
}

/** The 22 SERVQUAL statements (Parasuraman, Zeithaml and Berry, 1988), worded for assistance at an airport. */
const ASSISTANCE_STATEMENTS = [
  'When the assistance service promises to meet you at a certain time, it does so',
  'When you have a problem, the staff show a sincere interest in solving it',
  'The assistance service gets it right the first time',
  'You are assisted at the time you booked or were told',
  'Your booking and your needs are passed on without errors',
  'Staff tell you exactly when you will be met',
  'Staff give you prompt service',
  'Staff are always willing to help you',
  'Staff are never too busy to respond to your requests',
  'The behaviour of staff instils confidence in you',
  'You feel safe in their care, in transfers and boarding',
  'Staff are consistently courteous with you',
  'Staff have the knowledge to answer your questions',
  'Staff give you individual attention',
  'Assistance is available at the hours you travel',
  'Staff give you personal attention',
  'Staff have your best interests at heart',
  'Staff understand your specific needs',
  'The wheelchairs, buggies and lifts are modern and in good order',
  'The assistance points and the lounge are easy to find and pleasant',
  'Staff are neat and easy to identify',
  'Signs and information about the service are clear',
] as const;
const Q1_TEXT = 'Thinking about an excellent assistance service at any airport, how far do you agree with each statement? (1 = strongly disagree, 7 = strongly agree)';
const Q2_TEXT = 'Thinking about the assistance you received at Kingsmere Airport on this journey, how far do you agree with each statement? (1 = strongly disagree, 7 = strongly agree)';
const Q3_TEXT = 'Is there anything else you would like to tell us about your assistance?';
const Q4_TEXT = 'How likely is it that you would recommend the assistance service at Kingsmere Airport to a friend or relative who needs it? (0 = not at all likely, 10 = extremely likely)';
const ASSISTANCE_COMMENTS = [
  'Agent was lovely, but I waited a long time at the meeting point',
  'Thank you to the team at gate 9, "nothing was too much trouble"',
  'The buggy took us to the wrong gate first',
  'Please tell the airline the chair is needed at the aircraft door, not at the gate',
  'Quick, kind and professional',
  'Nobody told me how long I would wait; I nearly missed boarding',
];

/** Tangibles are asked as ratings only (SERVPERF): the equipment is rated as found, not against an ideal. */
const askedAtAirport = (kind: 'E' | 'P', d: Dimension): boolean => kind === 'P' || d !== 'tangibles';
const QUALTRICS_ITEMS = [
  ...SERVQUAL_ITEMS.flatMap(([d, items]) => (askedAtAirport('E', d) ? items : []).map((i) => ({ id: `Q1_${i}`, text: `${Q1_TEXT} - ${ASSISTANCE_STATEMENTS[i - 1] ?? ''}`, importId: `QID1_${i}` }))),
  ...SERVQUAL_ITEMS.flatMap(([, items]) => items.map((i) => ({ id: `Q2_${i}`, text: `${Q2_TEXT} - ${ASSISTANCE_STATEMENTS[i - 1] ?? ''}`, importId: `QID2_${i}` }))),
];
/** The columns of a Qualtrics numeric export: id, question text, import id (its three header rows). */
const QUALTRICS_COLUMNS: readonly { id: string; text: string; importId: string; zone?: true }[] = [
  { id: 'StartDate', text: 'Start Date', importId: 'startDate', zone: true },
  { id: 'EndDate', text: 'End Date', importId: 'endDate', zone: true },
  { id: 'Status', text: 'Response Type', importId: 'status' },
  { id: 'Progress', text: 'Progress', importId: 'progress' },
  { id: 'Duration (in seconds)', text: 'Duration (in seconds)', importId: 'duration' },
  { id: 'Finished', text: 'Finished', importId: 'finished' },
  { id: 'RecordedDate', text: 'Recorded Date', importId: 'recordedDate', zone: true },
  { id: 'ResponseId', text: 'Response ID', importId: '_recordId' },
  { id: 'DistributionChannel', text: 'Distribution Channel', importId: 'distributionChannel' },
  { id: 'UserLanguage', text: 'User Language', importId: 'userLanguage' },
  ...QUALTRICS_ITEMS,
  { id: 'Q3', text: Q3_TEXT, importId: 'QID3_TEXT' },
  // A Qualtrics Net Promoter Score question: the 0-10 answer, and the group Qualtrics derives
  // from it (1 detractor, 2 passive, 3 promoter), which a test holds the registry's NPS to.
  { id: 'Q4', text: Q4_TEXT, importId: 'QID4' },
  { id: 'Q4_NPS_GROUP', text: `${Q4_TEXT} - Group`, importId: 'QID4_NPS_GROUP' },
  // Embedded data, set from the assistance provider's app when the invitation is sent.
  { id: 'request_id', text: 'request_id', importId: 'request_id' },
];

const AIRPORT_EXPECTED: Record<Dimension, number> = { reliability: 6.3, responsiveness: 6.2, assurance: 6.4, empathy: 6.1, tangibles: 5.6 };
const AIRPORT_GAP_MET: Record<Dimension, number> = { reliability: -0.2, responsiveness: -0.3, assurance: -0.1, empathy: -0.15, tangibles: -0.4 };
/** Kept waiting past the promise: the wait is responsiveness, being left alone is empathy (the promise's dimension). */
const AIRPORT_GAP_BREACHED: Record<Dimension, number> = { reliability: -0.8, responsiveness: -1.4, assurance: -0.3, empathy: -1.3, tangibles: 0 };

const RESPONSE_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The survey e-mailed the day after an assisted journey, exported from Qualtrics: three
 * header rows, times in the account's zone (Europe/London) without an offset. Whether the
 * passenger was met within the assistance standard (10 minutes booked, 25 not booked, less
 * the minutes waited at their request) is worked out from the request's cells as written.
 * Requests with a dirty cell are not surveyed; a few responses are partial (Finished 0).
 */
/**
 * The 0-10 recommendation of a passenger who answered the SERVQUAL items: high when the journey
 * met what they expected, lower by how far it fell short. Drawn from its own seeded stream, so
 * the SERVQUAL answers are the same with the question as without it.
 */
function recommendation(random: Random, expectation: Record<Dimension, number>, perception: Record<Dimension, number>): number {
  const shortfall = SERVQUAL_ITEMS.reduce((sum, [d]) => sum + perception[d] - expectation[d], 0) / SERVQUAL_ITEMS.length;
  return Math.min(10, Math.max(0, Math.round(9 + 1.4 * shortfall + 1.2 * normal(random))));
}

/** Qualtrics' group of a 0-10 answer: 1 detractor (0-6), 2 passive (7-8), 3 promoter (9-10). */
const npsGroup = (score: number): string => (score >= 9 ? '3' : score >= 7 ? '2' : '1');

function assistanceSurvey(random: Random, asOf: number, requests: readonly LogRecord[], dirtyRequests: ReadonlySet<string>): SourceLog {
  const recommend = seededRandom(20260207);
  const records: LogRecord[] = [];
  const ids = new Set<string>();
  for (const r of requests) {
    if (dirtyRequests.has(r.cells.request_id ?? '') || r.cells.assisted_at === '') continue;
    const requested = Date.parse(r.cells.requested_at ?? '');
    const assisted = Date.parse(r.cells.assisted_at ?? '');
    const paused = Number(r.cells.waiting_on_passenger_min);
    if (!Number.isFinite(requested) || !Number.isFinite(assisted) || !Number.isFinite(paused)) continue;
    const limit = (r.cells.pre_notified === 'yes' ? 10 : 25) * MINUTE;
    const met = assisted - requested - paused * MINUTE <= limit;
    if (!chance(random, met ? 0.13 : 0.2)) continue;
    const start = seconds(instant(ZONE, addDays(localDate(assisted, ZONE), 1 + Math.floor(random.logNormal(1.5, 0.8))), minuteOfDay(random, ONLINE_HOURS)));
    const duration = Math.round(random.logNormal(420, 0.45));
    const finished = !chance(random, 0.05);
    const end = start + duration * 1000;
    // Qualtrics records a partial response when it times out, a week after the last answer.
    const recorded = finished ? end + random.int(0, 2) * 1000 : end + 7 * DAY;
    if (recorded >= asOf || start - assisted > 30 * DAY) continue;
    const eLevel = 0.35 * normal(random);
    const mood = 0.45 * normal(random);
    const expectation = {} as Record<Dimension, number>;
    const perception = {} as Record<Dimension, number>;
    for (const [d] of SERVQUAL_ITEMS) {
      expectation[d] = AIRPORT_EXPECTED[d] + eLevel;
      perception[d] = AIRPORT_EXPECTED[d] + 0.5 * eLevel + AIRPORT_GAP_MET[d] + (met ? 0 : AIRPORT_GAP_BREACHED[d]) + mood;
    }
    const items = answerItems(random, { expectation, perception, skip: 0.015, skipped: new Set() }, (kind, item) => `Q${kind === 'E' ? 1 : 2}_${item}`, askedAtAirport);
    // A partial response stops somewhere in the perception matrix.
    const answered = finished ? Infinity : random.int(0, 20);
    const progress = finished ? 100 : Math.round(((18 + answered) / (QUALTRICS_ITEMS.length + 1)) * 100);
    for (let i = 1; i <= 22; i++) if (i > answered) items[`Q2_${i}`] = '';
    // the recommendation comes after the comment box: a partial response never reaches it
    const score = recommendation(recommend, expectation, perception);
    let id: string;
    do id = `R_${Array.from({ length: 15 }, () => random.pick([...RESPONSE_ID_CHARS])).join('')}`;
    while (ids.has(id));
    ids.add(id);
    records.push({
      at: recorded,
      cells: {
        StartDate: naive(start),
        EndDate: naive(end),
        Status: '0',
        Progress: String(progress),
        'Duration (in seconds)': String(duration),
        Finished: finished ? '1' : '0',
        RecordedDate: naive(recorded),
        ResponseId: id,
        DistributionChannel: 'email',
        UserLanguage: weighted(random, [['EN-GB', 92], ['PL', 4], ['ES', 4]] as const),
        ...items,
        Q3: finished ? note(random, ASSISTANCE_COMMENTS, met ? 0.15 : 0.5, 0.05) : '',
        Q4: finished ? String(score) : '',
        Q4_NPS_GROUP: finished ? npsGroup(score) : '',
        request_id: r.cells.request_id ?? '',
      },
    });
  }
  return {
    id: 'assistance-survey',
    key: 'ResponseId',
    columns: QUALTRICS_COLUMNS.map((c) => c.id),
    // Qualtrics writes UTF-8 with a byte-order mark, CRLF line ends.
    style: { delimiter: ',', eol: '\r\n', bom: true },
    headerRows: [
      Object.fromEntries(QUALTRICS_COLUMNS.map((c) => [c.id, c.text])),
      Object.fromEntries(QUALTRICS_COLUMNS.map((c) => [c.id, JSON.stringify(c.zone === true ? { ImportId: c.importId, timeZone: ZONE } : { ImportId: c.importId })])),
    ],
    records,
    fileOf: () => 'surveys/assistance-survey.csv',
    dirt: [],
  };
}

export function airportLogs(asOf: number): ExampleData {
  const cal: Calendars = { office: openingHours(AIRPORT_CALENDARS[0] as CalendarSpec), desk: openingHours(RELATIONS_DESK) };
  const assistance = specialAssistance(seededRandom(20260203), asOf);
  const assistanceLog = renderSourceLog(assistance, seededRandom(203), asOf);
  const logs = mergeLogs([
    renderSourceLog(passengerFeedback(seededRandom(20260201), asOf, cal), seededRandom(201), asOf),
    renderSourceLog(baggageDelivery(seededRandom(20260202), asOf), seededRandom(202), asOf),
    assistanceLog,
    renderSourceLog(cleanlinessInspections(seededRandom(20260204), asOf), seededRandom(204), asOf),
    renderSourceLog(securityQueue(seededRandom(20260205), asOf), seededRandom(205), asOf),
  ]);
  const dirtyRequests = new Set(assistanceLog.dirty.map((d) => d.record));
  const surveys = renderSourceLog(assistanceSurvey(seededRandom(20260206), asOf, assistance.records, dirtyRequests), seededRandom(206), asOf);
  return { logs, surveys };
}
