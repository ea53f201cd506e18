/**
 * What `promise diff` finds: typed changes between two registries, and the impact of the
 * changed standards on the last finished period. Plain data; the sentences are made by the
 * formatters (src/report/diff/words.ts), never here.
 */
import type { PeriodKind, PeriodStatus } from '../model/evaluation.js';
import type { Standard } from '../registry/model.js';

/** What a change is about; `registry` is promise.yaml's settings. */
export type EntityKind = 'registry' | 'promise' | 'standard' | 'calendar' | 'source' | 'owner';

/** The order entities are listed in: what is promised first, what supports it after. */
export const ENTITY_ORDER: readonly EntityKind[] = ['registry', 'promise', 'standard', 'calendar', 'source', 'owner'];

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';

/** Whether the registry promises more (`tightened`), less (`loosened`), or neither for certain (`neutral`). */
export type ChangeClass = 'tightened' | 'loosened' | 'neutral';

export const CHANGE_CLASSES: readonly ChangeClass[] = ['loosened', 'tightened', 'neutral'];

/**
 * Why a change is classed as it is: one code per rule of docs/diff.md. The class follows from
 * the code; the sentence for each code is made in one place by the formatters.
 */
export type ReasonCode =
  // promises and standards coming and going
  | 'promise-added'
  | 'promise-removed'
  | 'standard-added'
  | 'standard-removed'
  | 'entity-added'
  | 'entity-removed'
  | 'renamed'
  // targets and limits
  | 'target-raised'
  | 'target-lowered'
  | 'limit-shorter'
  | 'limit-longer'
  | 'limit-other-unit'
  | 'limit-other-clock'
  | 'limit-other-column'
  | 'value-enters-scope'
  | 'value-leaves-scope'
  | 'grace-shorter'
  | 'grace-longer'
  | 'due-end-of-day'
  | 'due-time-of-day'
  | 'paused-added'
  | 'paused-removed'
  | 'clock-open-time'
  | 'clock-wall'
  | 'calendar-swapped'
  | 'average-stricter'
  | 'average-laxer'
  | 'average-other-bound'
  /** SPEC §6: an NPS standard's at_least raised, or lowered */
  | 'nps-stricter'
  | 'nps-laxer'
  // remedies
  | 'remedy-added'
  | 'remedy-removed'
  | 'credit-raised'
  | 'credit-lowered'
  | 'credit-other-currency'
  | 'remedy-action'
  // neutral by nature: the impact shows the real effect
  | 'scope'
  | 'expectation'
  | 'measure-kind'
  | 'columns'
  | 'period'
  | 'source'
  | 'moved'
  | 'owner'
  | 'statement'
  | 'warn-at'
  | 'calendar-hours'
  | 'source-settings'
  | 'registry-periods'
  | 'lint-rules'
  | 'detail';

export interface Change {
  entity: EntityKind;
  /** the entity's id now; for a removed entity, its id then; '' for the registry settings */
  id: string;
  /** the id it had at the revision, when it was renamed */
  previousId: string | undefined;
  kind: ChangeKind;
  /**
   * the changed field as a path into the YAML (`target`, `measure.within.P1`, `hours.mon`,
   * `holidays.2026-12-24`); '' for an entity added or removed; `id` for a rename
   */
  field: string;
  /** the value at the revision, as text; undefined when there was none */
  before: string | undefined;
  /** the value now, as text; undefined when there is none */
  after: string | undefined;
  class: ChangeClass;
  reason: ReasonCode;
  /**
   * The standards (ids of their pairs, see StandardPair) whose results this change may move:
   * the standard itself, or those on a changed calendar or source. Empty when it moves none.
   */
  affects: string[];
}

/** A standard then and now, matched by id or by a rename; one side is missing when it was added or removed. */
export interface StandardPair {
  /** its id now, or its id then when it was removed */
  id: string;
  before: Standard | undefined;
  after: Standard | undefined;
}

export interface DiffResult {
  /** sorted: entity kind (ENTITY_ORDER), id, then field */
  changes: Change[];
  /** every standard of either side, by id */
  standards: StandardPair[];
}

/** A standard's result in one period under one definition. */
export interface ImpactSide {
  /** the period evaluated: the last finished one of the standard's period length */
  period: string;
  status: PeriodStatus;
  /** met / (met + breached); undefined when nothing was judged */
  compliance: number | undefined;
  /** undefined for an average, which has none */
  target: number | undefined;
  records: number;
  /** undefined for an average, which judges no single record (SPEC §2) */
  met: number | undefined;
  breached: number | undefined;
  /** the period's mean, for an average; its Net Promoter Score for an nps (SPEC §6); undefined otherwise */
  average: number | undefined;
  /** an nps standard: `average` is a score from −100 to 100, read as `NPS +32` */
  nps?: true;
}

/** Why an impact could not be worked out. */
export type ImpactGap =
  | { kind: 'no-logs' }
  | { kind: 'missing-column'; side: 'before' | 'after'; column: string; file: string }
  | { kind: 'unreadable-log'; message: string };

/** What a changed standard's definitions make of the logs at hand, old against new. */
export interface Impact {
  /** the standard's pair id (its id now, or then when removed) */
  standard: string;
  previousId: string | undefined;
  /** the length of the period evaluated: the new definition's, or the old one's when removed */
  periodKind: PeriodKind;
  /** the result under the definition at the revision; undefined when the standard is new */
  before: ImpactSide | undefined;
  /** the result under the definition now; undefined when the standard was removed */
  after: ImpactSide | undefined;
  /** records (by file and line) breached under the new definition and not under the old one */
  newlyBreached: number | undefined;
  /** records breached under the old definition and not under the new one */
  noLongerBreached: number | undefined;
  /** set when the impact could not be worked out; the other fields are then empty */
  unavailable: ImpactGap | undefined;
}

/** Everything a diff formatter needs; formatters are pure functions of it. */
export interface DiffReport {
  /** the registry's name now */
  registry: string;
  /** the registry's zone: times are shown in it */
  timezone: string;
  /** the revision as the user named it */
  revision: string;
  /** the commit it resolved to */
  commit: string;
  /** false when the registry did not exist at the revision: everything is added */
  existedBefore: boolean;
  asOfMs: number;
  changes: readonly Change[];
  /** sorted by standard id */
  impacts: readonly Impact[];
}
