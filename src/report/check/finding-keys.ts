/**
 * Names and fingerprints of findings that survive edits: made of the rule, the file and the
 * entity a finding is about (Diagnostic.entity), never of its line or its message, so a finding
 * that moves down a few lines, or whose sentence is reworded, keeps its JUnit test case and its
 * code-scanning alert. True repeats (the same rule on the same entity and field) are numbered in
 * the order they appear. docs/ci.md describes both.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, DiagnosticEntity } from '../../model/diagnostic.js';

export interface FindingKey {
  /** the JUnit test-case name: unique within its file */
  name: string;
  /** SARIF partial fingerprint and GitLab Code Quality fingerprint: unique within the report */
  fingerprint: string;
}

const SINGULAR: Record<string, string> = { owners: 'owner', calendars: 'calendar', sources: 'source', promises: 'promise', standards: 'standard' };

/** `standard email-first-response, owner`; `settings, timezone`; `promisess` (a top-level key). */
function entityLabel(entity: DiagnosticEntity): string {
  const what = [SINGULAR[entity.collection] ?? entity.collection, entity.id].filter((s) => s !== '').join(' ');
  return [what, entity.field].filter((s) => s !== '').join(', ');
}

/** Each diagnostic's key, in the order given; `path` turns a registry-relative file into the path shown. */
export function findingKeys(diagnostics: readonly Diagnostic[], path: (file: string) => string): FindingKey[] {
  const used = new Set<string>();
  const prints = new Map<string, number>();
  return diagnostics.map((d) => {
    const file = path(d.file);
    const label = d.entity === undefined ? '' : entityLabel(d.entity);
    const base = label === '' ? d.rule : `${d.rule}: ${label}`;
    // Numbered by the name itself, so two entities that read alike still get distinct names.
    let name = base;
    for (let n = 2; used.has(`${file}\u0000${name}`); n++) name = `${base} (${n})`;
    used.add(`${file}\u0000${name}`);
    const what = d.entity === undefined ? [d.rule, file] : [d.rule, file, d.entity.collection, d.entity.id, d.entity.field];
    const digest = createHash('sha256').update(what.join('\u0000')).digest('hex').slice(0, 32);
    const repeat = (prints.get(digest) ?? 0) + 1;
    prints.set(digest, repeat);
    return { name, fingerprint: `${digest}:${repeat}` };
  });
}
