import type { Loc, Severity } from '../model/diagnostic.js';
import type { RuleId } from '../model/rule-ids.js';
import type { SourceHeaders } from '../logs/header.js';
import type { At, YamlPath } from '../registry/locate.js';
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

export interface Finding {
  loc: Loc;
  message: string;
  hint?: string;
}

export interface Rule {
  id: RuleId;
  /** error rules are part of loading a registry and cannot be turned down; lint rules can */
  kind: 'error' | 'lint';
  defaultSeverity: Severity;
  /** one line: what the rule catches */
  description: string;
  /** absent for error rules found while loading (syntax, schema, ids, references) */
  check?: (ctx: RuleContext) => Finding[];
}

export function finding(loc: Loc, message: string, hint?: string): Finding {
  return hint === undefined ? { loc, message } : { loc, message, hint };
}
