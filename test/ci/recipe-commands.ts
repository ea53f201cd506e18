/** Reading the CI recipes (examples/ci, action.yml, .pre-commit-hooks.yaml) as a runner would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { REPO } from '../helpers/cli.js';

export const CI = join(REPO, 'examples', 'ci');
export const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

/** A YAML file as plain data; throws on any error or warning (a runner would refuse it). */
export function readYaml(path: string): unknown {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'), { prettyErrors: true });
  if (!Array.isArray(docs) || docs.length !== 1) throw new Error(`${path}: not exactly one YAML document`);
  const doc = docs[0];
  const problems = [...(doc?.errors ?? []), ...(doc?.warnings ?? [])].map((e) => e.message);
  if (doc === undefined || problems.length > 0) throw new Error(`${path}: ${problems.join('; ')}`);
  return doc.toJS() as unknown;
}

export const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const lines = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

/** Splits a shell command line into words: single and double quotes, no expansion. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (const ch of line) {
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

export interface RecipeCommand {
  /** the line as written */
  line: string;
  /** what follows `promise-registry@`: a version, or a variable such as `$PROMISE_VERSION` */
  version: string;
  /** the words after the package: the command and its flags, up to `||` or the line's end */
  args: string[];
}

/** Every `npx --yes promise-registry@V …` in a text, in order. */
export function promiseCommands(text: string): RecipeCommand[] {
  const out: RecipeCommand[] = [];
  for (const line of text.split('\n')) {
    const at = line.search(/npx --yes "?promise-registry@/);
    if (at === -1 || /^\s*#/.test(line)) continue;
    // up to `||` or a comment in a script, or the closing backtick in Markdown
    const words = shellWords(line.slice(at).split(/\s\|\|\s|\s#|`/)[0] ?? '');
    const pkg = words[2] ?? '';
    out.push({ line: line.trim(), version: pkg.slice('promise-registry@'.length), args: words.slice(3) });
  }
  return out;
}
