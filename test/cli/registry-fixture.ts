/**
 * A small registry in a temporary folder, next to an `outside/` folder that holds a unique
 * secret: what a pull request might try to make the tool read and print.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.js';

export const AS_OF = '2026-10-15T00:00:00Z';

export const ROOT_FILE = 'version: 1\nname: Outside Test Desk\ntimezone: UTC\n';

/** The source's `files` value is on line 3, from column 12. */
export const sources = (files: string) => `sources:\n  - id: tickets\n    files: ${files}\n    key: ticket_id\n`;

const REGISTRY = `owners:
  - { id: support, name: Support, kind: team }
promises:
  - id: reply-fast
    statement: We reply to every message fast.
    dimension: responsiveness
    owner: support
standards:
  - id: reply-time
    promise: reply-fast
    source: tickets
    measure: { kind: duration, from: opened_at, to: replied_at, within: 1h }
    target: 90%
    period: month
`;

const LOG = 'ticket_id,opened_at,replied_at\nT-1,2026-09-01T10:00:00Z,2026-09-01T10:30:00Z\nT-2,2026-09-02T10:00:00Z,2026-09-02T13:00:00Z\n';

export interface Layout {
  base: string;
  /** the registry root */
  root: string;
  /** a folder beside the registry */
  outside: string;
  /** a string found only in the files of `outside/` (and in SECRET_ENV's value) */
  secret: string;
}

/** The environment variable that holds the secret, for /proc/self/environ. */
export const SECRET_ENV = 'PROMISE_TEST_SECRET';

export function makeLayout(): Layout {
  const base = realpathSync(tempDir('promise-outside-'));
  const root = join(base, 'registry');
  const outside = join(base, 'outside');
  const secret = `zq-secret-${randomBytes(6).toString('hex')}`;
  mkdirSync(join(root, 'logs'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'promise.yaml'), ROOT_FILE);
  writeFileSync(join(root, 'sources.yaml'), sources('logs/*.csv'));
  writeFileSync(join(root, 'registry.yaml'), REGISTRY);
  writeFileSync(join(root, 'logs', 'tickets.csv'), LOG);
  // read as a log, the secret would be a breached record's key, and a column name in a hint
  writeFileSync(join(outside, 'secret.csv'), `ticket_id,opened_at,replied_at,${secret}\n${secret},2026-09-03T10:00:00Z,2026-09-03T15:00:00Z,x\n`);
  // read as registry files, the secret would be shown under a caret in a schema error
  writeFileSync(join(outside, 'secret.yaml'), `owners:\n  - { id: ${secret}, name: ${secret}, kind: ${secret} }\n`);
  writeFileSync(join(outside, 'promise.yaml'), `version: 1\nname: ${secret}\n${secret}: ${secret}\n`);
  return { base, root, outside, secret };
}
