/** The shared front half of every command: find, load, lint the registry; find its logs. */
import { join, relative, resolve, sep } from 'node:path';
import { sortDiagnostics, type Diagnostic, type SuppressedDiagnostic } from '../model/diagnostic.js';
import { RegistryError, UsageError } from '../model/errors.js';
import { findSourceFiles, type SourceFiles } from '../logs/files.js';
import { readSourceHeaders } from '../logs/header.js';
import { discoverRegistry } from '../registry/discover.js';
import { fsRegistryReader } from '../registry/fs-reader.js';
import { loadRegistry } from '../registry/load.js';
import { locate, locateText, locOfFile } from '../registry/locate.js';
import type { Registry } from '../registry/model.js';
import { didYouMean } from '../registry/suggest.js';
import { runRules } from '../rules/index.js';
import type { Io } from './io.js';
import type { FileRead } from './output.js';
import { asOfResolver, parseLogOverrides, type CommonOptions } from './options.js';

export interface OpenedRegistry {
  registry: Registry;
  /** every finding of loading and of the rules, sorted */
  diagnostics: Diagnostic[];
  /** the lint findings a `# promise-ignore` comment suppresses, sorted (SPEC §7) */
  suppressed: SuppressedDiagnostic[];
  /** every registry file found */
  paths: string[];
  texts: Map<string, string>;
  /** the root as the user sees it: relative to the working folder, or '.' */
  display: string;
  /** prefix turning registry-relative paths into paths relative to the working folder */
  pathPrefix: string;
  asOf: Date;
  sources: Map<string, SourceFiles>;
}

/** `headers: false` for a command that reads declarations only (`list`, `sql`): the log files are found, so that --out leaves them alone, but not opened, and the rules on their headers do not run. */
export async function openRegistry(io: Io, options: CommonOptions, now: () => Date = () => new Date(), { headers: readHeaders = true }: { headers?: boolean } = {}): Promise<OpenedRegistry> {
  const resolveAsOf = asOfResolver(options.asOf, now);
  const overrides = parseLogOverrides(options.log);
  const root = discoverRegistry(io.cwd, options.registry);
  const loaded = await loadRegistry(fsRegistryReader(root), root);
  const { registry } = loaded;
  const asOf = resolveAsOf(registry.settings.timezone);
  const loadErrors = loaded.diagnostics.some((d) => d.severity === 'error');
  if (!loadErrors) {
    for (const id of overrides.keys()) {
      if (!registry.sources.some((s) => s.id === id)) {
        throw new UsageError(`--log ${id}=...: the registry has no source "${id}"`, didYouMean(id, registry.sources.map((s) => s.id)) ?? `its sources are: ${registry.sources.map((s) => s.id).join(', ')}`);
      }
    }
  }
  const sources = await findSourceFiles(registry, overrides, io.cwd);
  const headers = readHeaders ? await readSourceHeaders(sources) : new Map<string, never>();
  const where = (at: { file: string }) => registry.files.get(at.file);
  const rules = runRules({
    registry,
    asOf,
    headers,
    locate: (at, path = []) => {
      const file = where(at);
      return file === undefined ? locOfFile(at.file) : locate(file, [...at.path, ...path]);
    },
    locateText: (at, path, text) => {
      const file = where(at);
      return file === undefined ? locOfFile(at.file) : locateText(file, [...at.path, ...path], text);
    },
  });
  const display = relative(io.cwd, root).split(sep).join('/') || '.';
  return {
    registry,
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...rules.diagnostics]),
    suppressed: sortDiagnostics(rules.suppressed),
    paths: loaded.paths,
    texts: loaded.texts,
    display,
    pathPrefix: display === '.' ? '' : `${display}/`,
    asOf,
    sources,
  };
}

/** The log files of the sources, and what their globs name but do not read, for --out to leave alone. */
export function logFilesRead(root: string, sources: ReadonlyMap<string, SourceFiles>): FileRead[] {
  const out: FileRead[] = [];
  for (const [id, { files, refused, overridden }] of sources) {
    for (const file of files) out.push({ abs: file.abs, what: `the log file ${file.display} of source "${id}"` });
    // a link of the registry that leads outside is not read, but it is still a file of the registry
    if (!overridden) for (const r of refused) if (r.kind !== 'glob-outside') out.push({ abs: resolve(root, r.display), what: 'a file of the registry' });
  }
  return out;
}

/** Every file the command read or refused to read: the registry's files and its logs, which --out must never replace. */
export function filesRead(opened: OpenedRegistry): FileRead[] {
  const { root } = opened.registry;
  const registryFiles = new Set(opened.paths);
  // a file of the registry that could not be read (a link leading outside, say) is one all the same
  for (const d of opened.diagnostics) if (d.rule === 'unreadable-file' && d.file !== '.') registryFiles.add(d.file);
  return [...[...registryFiles].map((p) => ({ abs: join(root, p), what: `the registry file ${p}` })), ...logFilesRead(root, opened.sources)];
}

/** Refuses a registry with errors: an evaluating command needs a valid one (SPEC §3, exit 2). */
export function requireValid(opened: OpenedRegistry): void {
  const errors = opened.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new RegistryError(`the registry has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; run \`promise check\` for details`, errors, opened);
  }
}
