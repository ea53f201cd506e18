/**
 * What a database engine says when the database will not do what it is asked (SPEC §5): one line
 * naming the engine and the host, the table or the column, never the password, and exit 2.
 */
import { PromiseError } from '../../model/errors.js';
import { didYouMean } from '../../registry/suggest.js';

/** A database's address as it may be shown: no password, no query string (which may hold one). */
export interface ShownAddress {
  /** `postgres` or `clickhouse` */
  readonly engine: string;
  /** `host:port/database`, or `host:port` */
  readonly where: string;
  /** the secrets of the URL, scrubbed from any text a driver or server gives back */
  readonly secrets: readonly string[];
}

/** The URL of `--url` or PROMISE_DATABASE_URL, checked; the message never repeats it, since it may hold a password. */
export function parseDatabaseUrl(engine: string, url: string, protocols: readonly string[], example: string): { url: URL; shown: ShownAddress } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PromiseError(`--engine ${engine}: the database URL is not a URL`, { hint: `write it as ${example}` });
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new PromiseError(`--engine ${engine}: the database URL starts with ${JSON.stringify(parsed.protocol)}, not ${protocols.map((p) => `"${p}"`).join(' or ')}`, { hint: `write it as ${example}` });
  }
  if (parsed.hostname === '' && engine !== 'postgres') throw new PromiseError(`--engine ${engine}: the database URL names no host`, { hint: `write it as ${example}` });
  const secrets = [parsed.password, decodeSafely(parsed.password), ...[...parsed.searchParams].filter(([k]) => /pass|secret|token|key/i.test(k)).map(([, v]) => v)].filter((s) => s.length > 0);
  const host = parsed.hostname === '' ? 'localhost' : parsed.hostname;
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  const path = parsed.pathname.replace(/^\/+/, '');
  return { url: parsed, shown: { engine, where: `${host}${port}${path === '' ? '' : `/${decodeSafely(path)}`}`, secrets } };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Text from a driver or server, made fit for one line: the secrets out, control characters out, no longer than a line. */
export function scrub(shown: ShownAddress, text: string): string {
  let out = text;
  for (const s of shown.secrets) out = out.split(s).join('***');
  out = out.replace(/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]+/g, ' ').trim();
  return out.length > 300 ? `${out.slice(0, 297)}...` : out;
}

/** The one-line error for a failure the caller has worded. */
export function databaseError(shown: ShownAddress, what: string, hint?: string): PromiseError {
  return new PromiseError(`${shown.engine} at ${scrub(shown, shown.where)}: ${scrub(shown, what)}`, hint === undefined ? {} : { hint });
}

/** The network's word for why a connection failed, when it is one of the usual ones. */
export function networkReason(err: unknown): string | undefined {
  const codes = new Set<string>();
  const visit = (e: unknown): void => {
    if (e === null || typeof e !== 'object') return;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.add(code);
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) inner.forEach(visit);
    visit((e as { cause?: unknown }).cause);
  };
  visit(err);
  if (codes.has('ECONNREFUSED')) return 'connection refused: no server listens there';
  if (codes.has('ENOTFOUND') || codes.has('EAI_AGAIN')) return 'no such host';
  if (codes.has('ETIMEDOUT')) return 'the connection timed out';
  if (codes.has('ECONNRESET')) return 'the server closed the connection';
  if (codes.has('EHOSTUNREACH') || codes.has('ENETUNREACH')) return 'the host cannot be reached';
  return undefined;
}

/** What a database engine knows of a failure the server or driver named by its code. */
export interface KnownFailure {
  /** the engine's words for it */
  readonly text: string;
  /** the statement ran past --timeout */
  readonly cancelled: boolean;
}

const LONGER = 'give it longer with --timeout SECONDS';

/**
 * One failure in one line: one the server named (`known`), the network's (`networkHint` says
 * what to check), a timeout, or else the driver's own words, cut by `firstPart`.
 */
export function failureOf(shown: ShownAddress, err: unknown, doing: string, known: KnownFailure | undefined, networkHint: string, firstPart: (message: string) => string = (m) => m): PromiseError {
  if (err instanceof PromiseError) return err;
  if (known !== undefined) return databaseError(shown, known.text, known.cancelled ? LONGER : undefined);
  const network = networkReason(err);
  if (network !== undefined) return databaseError(shown, `${doing}: ${network}`, networkHint);
  const m = (err as { message?: unknown }).message;
  const message = typeof m === 'string' && m !== '' ? m : String(err);
  if (/timeout/i.test(message)) return databaseError(shown, `${doing}: no answer within --timeout`, `check that the server is reachable, or ${LONGER}`);
  return databaseError(shown, `${doing}: ${firstPart(message)}`);
}

/** A source's table is not there; `form` is how the engine names one (SCHEMA.TABLE, DATABASE.TABLE). */
export function missingTable(shown: ShownAddress, source: string, table: string, form: string): PromiseError {
  return databaseError(shown, `table ${table} (source ${source}) does not exist`, `load the source's rows into it, or name the table that holds them with --table ${source}=${form}`);
}

/** Every column the standards read is one of the table's, named as the registry names it. */
export function requireColumns(shown: ShownAddress, source: string, table: string, wanted: Iterable<string>, names: readonly string[]): void {
  for (const column of wanted) {
    if (!names.includes(column)) throw databaseError(shown, `table ${table} (source ${source}) has no column "${scrub(shown, column)}"`, didYouMean(column, names) ?? 'name the columns as the registry names them');
  }
}
