import type { DiagnosticEntity, Loc, Severity } from '../model/diagnostic.js';
import type { RuleId } from '../model/rule-ids.js';
import type { SourceHeaders } from '../logs/header.js';
import type { At, YamlPath } from '../registry/locate.js';
import type { Messages, Said } from '../registry/messages.js';
import type { Registry } from '../registry/model.js';

export interface RuleContext {
  registry: Registry;
  /** the moment of evaluation (`--as-of`) */
  asOf: Date;
  /** headers of each source's log files, by source id; a source without files has none */
  headers: ReadonlyMap<string, SourceHeaders>;
  /** the location of a field of an entity; the entity itself when `path` is empty */
  locate(at: At, path?: YamlPath): Loc;
  /** the location of `text` inside a field's value, e.g. a phrase of a statement */
  locateText(at: At, path: YamlPath, text: string): Loc;
}

/** What a rule found: where, what it says (a message id and its data, with the sentence made from them), and what it is about. */
export interface Finding extends Said {
  loc: Loc;
  /** what the finding is about (see Diagnostic) */
  entity?: DiagnosticEntity;
}

export interface Rule {
  id: RuleId;
  /** error rules are part of loading a registry and cannot be turned down; lint rules can */
  kind: 'error' | 'lint';
  defaultSeverity: Severity;
  /** one line: what the rule catches */
  description: string;
  /** the sentences and hints of its findings, by message id: made in one place (registry/messages.ts) */
  messages: Messages;
  /** absent for error rules found while loading (syntax, schema, ids, references) */
  check?: (ctx: RuleContext) => Finding[];
}

export function finding(loc: Loc, said: Said, entity?: DiagnosticEntity): Finding {
  const f: Finding = { loc, ...said };
  if (entity !== undefined) f.entity = entity;
  return f;
}

/** The entity a finding is about: a collection's entity, or one field of it. */
export function about(collection: DiagnosticEntity['collection'], id: string, field = ''): DiagnosticEntity {
  return { collection, id, field };
}
