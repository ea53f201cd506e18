import { sortDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';

/** An in-memory registry: the core reads files through this, so tests need no disk. */
import type { RegistryReader } from '../../src/registry/load.js';
import { loadRegistry } from '../../src/registry/load.js';
import { locate, locateText, locOfFile } from '../../src/registry/locate.js';
import type { Registry } from '../../src/registry/model.js';
import type { SourceHeaders } from '../../src/logs/header.js';
import type { RuleContext } from '../../src/rules/types.js';

export type MemoryFiles = Record<string, string | Uint8Array | Error>;

export function memoryReader(files: MemoryFiles): RegistryReader {
  return {
    async list(skip) {
      return { files: Object.keys(files).filter((f) => !skip(f)).sort(), problems: [] };
    },
    async read(path) {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      if (content instanceof Error) throw content;
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
  };
}

export const ROOT = 'version: 1\nname: Test Registry\ntimezone: Europe/Berlin\n';

export async function load(files: MemoryFiles) {
  return loadRegistry(memoryReader({ 'promise.yaml': ROOT, ...files }), '/registry');
}

/** A rule context over an in-memory registry, with optional CSV headers per source. */
export function ruleContext(registry: Registry, options: { asOf?: Date; headers?: Record<string, string[][] | undefined> } = {}): RuleContext {
  const headers = new Map<string, SourceHeaders>();
  for (const [id, files] of Object.entries(options.headers ?? {})) {
    headers.set(id, {
      patterns: ['logs/*.csv'],
      overridden: false,
      files: (files ?? []).map((columns, i) => ({ display: `logs/${id}-${i + 1}.csv`, columns })),
      refused: [],
    });
  }
  const file = (at: { file: string }) => registry.files.get(at.file);
  return {
    registry,
    asOf: options.asOf ?? new Date('2026-10-01T00:00:00Z'),
    headers,
    locate: (at, path = []) => {
      const f = file(at);
      return f ? locate(f, [...at.path, ...path]) : locOfFile(at.file);
    },
    locateText: (at, path, text) => {
      const f = file(at);
      return f ? locateText(f, [...at.path, ...path], text) : locOfFile(at.file);
    },
  };
}

/** Loads an in-memory registry and runs every rule: ESLint's RuleTester, for one rule id. */
export async function lint(
  rule: string,
  files: MemoryFiles,
  options: { asOf?: Date; headers?: Record<string, string[][] | undefined>; root?: string } = {},
) {
  const { runRules } = await import('../../src/rules/index.js');
  const { loadRegistry } = await import('../../src/registry/load.js');
  const { registry, diagnostics } = await loadRegistry(memoryReader({ 'promise.yaml': options.root ?? ROOT, ...files }), '/registry');
  const loadErrors = diagnostics.filter((d) => d.severity === 'error');
  if (loadErrors.length > 0) throw new Error(`fixture does not load: ${loadErrors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return runRules(ruleContext(registry, options)).diagnostics.filter((d) => d.rule === rule);
}

export const at = (ds: readonly Diagnostic[]) => sortDiagnostics(ds).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`);
