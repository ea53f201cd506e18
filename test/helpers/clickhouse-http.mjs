// ClickHouse's HTTP interface, as much of it as @clickhouse/client uses, in front of chdb
// (ClickHouse embedded): what `--engine clickhouse` is tested against. Loopback only.
//   node test/helpers/clickhouse-http.mjs DIR PASSWORD   prints the port it listens on, then serves
// A request's query comes in its body (or `query=`), its settings as URL parameters; the user
// `promise` with PASSWORD is the only one let in. Errors answer 500 with ClickHouse's own text,
// which the client reads its error code and name from.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Session } from 'chdb';

const [dir, password] = process.argv.slice(2);
const session = new Session(dir);
const NOT_SETTINGS = new Set(['query', 'query_id', 'database', 'default_format', 'session_id', 'session_timeout', 'session_check', 'user', 'password', 'wait_end_of_query', 'enable_http_compression']);

function credentials(req, url) {
  const basic = req.headers.authorization;
  if (typeof basic === 'string' && basic.startsWith('Basic ')) {
    const [user, ...rest] = Buffer.from(basic.slice(6), 'base64').toString('utf8').split(':');
    return { user, key: rest.join(':') };
  }
  return { user: req.headers['x-clickhouse-user'] ?? url.searchParams.get('user') ?? 'default', key: req.headers['x-clickhouse-key'] ?? url.searchParams.get('password') ?? '' };
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/ping') {
    res.end('Ok.\n');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const fail = (code, text) => {
      res.writeHead(code === 516 ? 401 : 500, { 'X-ClickHouse-Exception-Code': String(code), 'Content-Type': 'text/plain' });
      res.end(text);
    };
    const { user, key } = credentials(req, url);
    if (user !== 'promise' || key !== password) {
      fail(516, `Code: 516. DB::Exception: ${user}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED) (version 26.7.2.1)`);
      return;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const query = [url.searchParams.get('query') ?? '', body].filter((q) => q !== '').join('\n');
    try {
      for (const [k, v] of url.searchParams) {
        if (!NOT_SETTINGS.has(k) && /^[a-z_0-9]+$/.test(k)) session.query(`SET ${k} = ${/^-?[0-9]+$/.test(v) ? v : `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`}`);
      }
      const database = url.searchParams.get('database');
      if (database !== null && database !== '') session.query(`USE \`${database.replaceAll('`', '')}\``);
      const out = session.query(query, url.searchParams.get('default_format') ?? 'TabSeparated');
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Summary': '{}' });
      res.end(out);
    } catch (err) {
      const message = String(err?.message ?? err);
      // the last query that failed, for whoever debugs a test (PROMISE_TEST_CLICKHOUSE_LOG names the file)
      writeFileSync(process.env.PROMISE_TEST_CLICKHOUSE_LOG ?? join(dir, 'last-error.sql'), `${query}\n-- ${message.replaceAll('\n', ' ')}\n`);
      const code = /Code: (\d+)/.exec(message)?.[1] ?? '1';
      fail(Number(code), message.startsWith('Code:') ? message : `Code: ${code}. DB::Exception: ${message}`);
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  session.cleanup?.();
  process.exit(0);
});
