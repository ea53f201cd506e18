/** What `--help` ends with, for the program and each command: examples, then the exit codes (SPEC §3). */
import { wrapText } from '../report/shared/table.js';

interface HelpEnd {
  examples: readonly [command: string, what: string][];
  /** exit code to its meaning for this command */
  exits: readonly [code: 0 | 1 | 2, meaning: string][];
}

const COULD_NOT = 'it could not do its job: a usage error, no registry found';

const HELP: Record<string, HelpEnd> = {
  promise: {
    examples: [
      ['promise init my-registry --timezone Europe/Berlin', 'a small working registry with a sample log'],
      ['promise check', 'validate the registry, as a linter does'],
      ['promise gaps --period 2026-Q3', 'compliance against target'],
      ['promise breaches --at-risk', 'breaches, and open records about to breach'],
      ['promise report --period 2026-Q3 --out q3.html', 'the quarterly report'],
      ['promise <command> --help', 'the options of a command'],
    ],
    exits: [
      [0, 'success'],
      [1, 'findings: check found errors, or a --fail-on gate was hit'],
      [2, 'the command could not do its job: a usage error, a registry with errors, an unreadable file'],
    ],
  },
  init: {
    examples: [
      ['promise init my-registry --timezone Europe/Berlin', 'a registry in a new folder'],
      ['promise init . --name "Acme Support"', 'in the current folder, if it holds none of the files'],
    ],
    exits: [
      [0, 'the registry was written'],
      [2, 'it was not: a file is already there, a zone that is not an IANA zone, a folder that cannot be written'],
    ],
  },
  check: {
    examples: [
      ['promise check', 'every problem, with a caret under the value'],
      ['promise check --quiet', 'errors only'],
      ['promise check --format github', 'pull-request annotations in GitHub Actions'],
      ['promise check --format sarif --out promise.sarif', 'for code scanning'],
      ['promise check --fail-on warning', 'warnings fail the build too'],
    ],
    exits: [
      [0, 'no finding at or above --fail-on (default error), and no more warnings than --max-warnings'],
      [1, 'findings at or above --fail-on, or more warnings than --max-warnings (counted with --quiet too)'],
      [2, `${COULD_NOT}, a file it could not write`],
    ],
  },
  list: {
    examples: [
      ['promise list', 'the promises'],
      ['promise list standards', 'the standards, their measures and targets'],
      ['promise list calendars', 'business hours and holidays'],
      ['promise list sources --format json', 'the delivery logs, for other tools'],
    ],
    exits: [
      [0, 'listed'],
      [2, `${COULD_NOT}, a registry with errors (run promise check)`],
    ],
  },
  breaches: {
    examples: [
      ['promise breaches', 'every breached record, its due, how late, the remedy owed'],
      ['promise breaches --at-risk --standard email-first-response', 'and the open records about to breach'],
      ['promise breaches --period 2026-Q3 --format csv --out breaches.csv', 'for a spreadsheet'],
      ['promise breaches --log tickets=exports/oct.csv', 'read a source from another file'],
      ['promise breaches --fail-on breach', 'exit 1 on any breach'],
    ],
    exits: [
      [0, 'done (with --fail-on: and no breach, or no missed standard)'],
      [1, 'with --fail-on breach|missed: a breach, or a standard that missed a finished period'],
      [2, `${COULD_NOT}, a registry with errors, a log that cannot be read, a file it could not write`],
    ],
  },
  gaps: {
    examples: [
      ['promise gaps', 'compliance per standard and period, the roll-ups, data quality'],
      ['promise gaps --period 2026-Q3 --format md > q3-gaps.md', 'for a wiki'],
      ['promise gaps --owner support-eu --fail-on missed', 'exit 1 when a standard missed a finished period'],
      ['promise gaps --format json', 'for other tools'],
    ],
    exits: [
      [0, 'done (with --fail-on: and no breach, or no missed standard)'],
      [1, 'with --fail-on breach|missed|customer-gap: a breach, a standard that missed a finished period, or a negative customer gap in one'],
      [2, `${COULD_NOT}, a registry with errors, a log that cannot be read, a file it could not write`],
    ],
  },
  report: {
    examples: [
      ['promise report --out q3.html', 'the last quarter finished, as one HTML file'],
      ['promise report --period 2026-Q3 --format md', 'for a wiki page'],
      ['promise report --owner support-eu --format json', "one owner's promises, for other tools"],
    ],
    exits: [
      [0, 'written (with --fail-on: and no breach, or no missed standard)'],
      [1, 'with --fail-on breach|missed: a breach, or a standard that missed the period'],
      [2, `${COULD_NOT}, --period given more than once, a registry with errors, a log that cannot be read, a file it could not write`],
    ],
  },
  charter: {
    examples: [
      ['promise charter --out charter.html', 'the promise page for customers, as one HTML file'],
      ['promise charter --audience "all customers" --channel website --format md', 'what one audience reads on one channel'],
      ['promise charter --with-results 2026-Q3 --out charter.html', 'and how each promise was kept in 2026-Q3'],
    ],
    exits: [
      [0, 'written (a promise no standard measures is left out and named on stderr)'],
      [2, `${COULD_NOT}, an audience, channel or period the registry does not have (with a did-you-mean), a registry with errors, a log that cannot be read, a file it could not write`],
    ],
  },
  explain: {
    examples: [
      ['promise explain email-first-response T00000042', 'how that ticket was judged: scope, start and end as read, open time, limit, outcome'],
      ['promise explain email-first-response T00000042 --as-of 2026-10-01 --format json', 'the same steps as data, with the figures breaches shows'],
      ['promise explain on-time-delivery O-1234 --log orders=exports/oct.csv --format md', 'from another export, for a ticket or a wiki'],
    ],
    exits: [
      [0, 'explained'],
      [2, `${COULD_NOT}, a standard or record the registry or its logs do not have (with a did-you-mean), a registry with errors, a log that cannot be read`],
    ],
  },
  diff: {
    examples: [
      ['promise diff origin/main', 'tightened, loosened, neutral; and the impact'],
      ['promise diff origin/main --format md --out comment.md', 'a pull-request comment'],
      ['promise diff HEAD~1 --fail-on loosened', 'exit 1 when a promise was loosened'],
    ],
    exits: [
      [0, 'compared (with --fail-on: and nothing of that kind changed)'],
      [1, 'with --fail-on loosened|any: a promise was loosened, or anything changed'],
      [2, `${COULD_NOT}, not a git repository, a revision git does not know, a registry with errors at either revision`],
    ],
  },
  sql: {
    examples: [
      ['promise sql --dialect snowflake --table tickets=SUPPORT.TICKETS', 'the gap rows, computed where the logs are'],
      ['promise sql --dialect bigquery --breaches --standard email-first-response', 'the breach list of one standard'],
      ['promise sql --dialect trino --from 2024-01-01 --to 2026-12-31 --out gaps.sql', 'tables covering the years the table holds'],
    ],
    exits: [
      [0, 'written'],
      [2, `${COULD_NOT}, a source or standard the registry does not have (with a did-you-mean), a registry with errors, a file it could not write`],
    ],
  },
  rules: {
    examples: [
      ['promise rules', 'every rule, its default severity and what it catches'],
      ['promise rules --format json', 'for other tools'],
    ],
    exits: [
      [0, 'listed'],
      [2, 'a usage error, a file it could not write'],
    ],
  },
};

/** The end of `promise [command] --help`, for a terminal `width` columns wide: an example whose comment would not fit beside it has it below. */
export function helpEnd(command: string, width: number): string {
  const help = HELP[command];
  if (help === undefined) return '';
  const wide = Math.max(...help.examples.map(([c]) => c.length));
  const inline = help.examples.every(([, what]) => 4 + wide + 4 + what.length <= width);
  const examples = help.examples.map(([c, what]) => (inline ? `  $ ${c.padEnd(wide)}  # ${what}` : `  $ ${c}\n      # ${what}`));
  const exits = help.exits.map(([code, meaning]) => wrapText(meaning, Math.max(20, width - 5)).map((line, i) => `  ${i === 0 ? code : ' '}  ${line}`).join('\n'));
  // commander ends the help with a line break of its own
  return `\nExamples:\n${examples.join('\n')}\n\nExit codes:\n${exits.join('\n')}`;
}
