/** `--url` and `--table SOURCE=TABLE` (SPEC §5): which server, and which table holds a source's rows, on a database engine. */
import { PromiseError, UsageError } from '../../model/errors.js';
import type { Registry } from '../../registry/model.js';
import { didYouMean } from '../../registry/suggest.js';
import type { DatabaseOptions, EngineConfig } from '../engine.js';

/** Every source `--table` names is one of the registry's. */
export function checkTables(registry: Registry, tables: ReadonlyMap<string, string>): void {
  for (const id of tables.keys()) {
    if (!registry.sources.some((s) => s.id === id)) {
      throw new UsageError(`--table ${id}=...: the registry has no source "${id}"`, didYouMean(id, registry.sources.map((s) => s.id)) ?? `its sources are: ${registry.sources.map((s) => s.id).join(', ')}`);
    }
  }
}

/** The table of a source: the one `--table` names, else one named like the source. */
export function tableName(tables: ReadonlyMap<string, string>, source: string): string {
  return tables.get(source) ?? source;
}

/** The database options of `--url`, `--table` and `--timeout`, required by a database engine; `example` is a URL of its form. */
export function requireDatabase(config: EngineConfig, engine: string, example: string): DatabaseOptions & { url: string } {
  const db = config.database;
  if (db === undefined || db.url === undefined || db.url === '') {
    throw new PromiseError(`--engine ${engine} runs on a server: give its address with --url or PROMISE_DATABASE_URL`, { hint: `e.g. --url ${example}` });
  }
  return { ...db, url: db.url };
}
