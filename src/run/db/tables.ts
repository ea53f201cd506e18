/** `--table SOURCE=TABLE` (SPEC §5): which table holds a source's rows on a database engine. */
import { UsageError } from '../../model/errors.js';
import type { Registry } from '../../registry/model.js';
import { didYouMean } from '../../registry/suggest.js';

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
