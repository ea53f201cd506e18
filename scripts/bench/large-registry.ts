/**
 * A registry of the size a large organisation keeps, for timing `promise check`: `promises`
 * promises with `perPromise` standards each, spread over twenty files, using every measure kind.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIMENSIONS = ['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles'];
const FILES = 10;

export function writeLargeRegistry(dir: string, promises: number, perPromise: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'promise.yaml'), 'version: 1\nname: Large Registry\ntimezone: Europe/Berlin\nrules: { unused-source: off, missing-log: off }\n');
  const owners = Array.from({ length: 20 }, (_, i) => `  - { id: team-${i}, name: Team ${i}, kind: team }`);
  writeFileSync(join(dir, 'owners.yaml'), `owners:\n${owners.join('\n')}\n`);
  const calendars = Array.from({ length: 5 }, (_, i) => `  - id: office-${i}\n    hours: { weekdays: ["08:00-12:30", "13:00-17:00"], sat: "09:00-12:00" }\n    holidays: [2026-01-01, 2026-05-01, { date: 2026-12-24, hours: "08:00-12:00" }, 2026-12-25]`);
  writeFileSync(join(dir, 'calendars.yaml'), `calendars:\n${calendars.join('\n')}\n`);
  const sources = Array.from({ length: 10 }, (_, i) => `  - { id: source-${i}, files: logs/source-${i}-*.csv, key: id }`);
  writeFileSync(join(dir, 'sources.yaml'), `sources:\n${sources.join('\n')}\n`);
  for (let f = 0; f < FILES; f++) {
    const ps: string[] = [];
    const ss: string[] = [];
    for (let p = f; p < promises; p += FILES) {
      ps.push(`  - id: promise-${p}\n    statement: We answer request type ${p} within ${1 + (p % 48)} hours.\n    dimension: ${DIMENSIONS[p % 5]}\n    owner: team-${p % 20}\n    review_by: 2027-12-31`);
      for (let s = 0; s < perPromise; s++) {
        const id = `standard-${p}-${s}`;
        const source = `source-${(p + s) % 10}`;
        const measure = [
          `{ kind: duration, from: opened_at, to: closed_at, within: ${1 + (p % 48)}h }`,
          `{ kind: duration, from: opened_at, to: closed_at, within: ${1 + (p % 5)}bd, calendar: office-${p % 5} }`,
          `{ kind: deadline, start: opened_at, done: closed_at, due: due_at, grace: 15m }`,
          `{ kind: condition, at: closed_at, expect: { any: [ { csat: { gte: 4 } }, { outcome: [fixed, replaced] } ] } }`,
          `{ kind: average, at: closed_at, of: csat, at_least: 4 }`,
        ][(p + s) % 5] as string;
        // SPEC §2: an average is judged by its mean against its bound and has no target
        const target = measure.includes('kind: average') ? '' : '\n    target: 90%';
        ss.push(`  - id: ${id}\n    promise: promise-${p}\n    source: ${source}\n    where: { channel: [email, phone], priority: { not_in: [P4] } }\n    measure: ${measure}${target}\n    period: ${['week', 'month', 'quarter', 'year'][s % 4]}`);
      }
    }
    writeFileSync(join(dir, `promises-${f}.yaml`), `promises:\n${ps.join('\n')}\n`);
    writeFileSync(join(dir, `standards-${f}.yaml`), `standards:\n${ss.join('\n')}\n`);
  }
}
