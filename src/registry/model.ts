/** The registry once loaded: entities with their locations, references resolved. */
import type { SeveritySetting } from '../model/diagnostic.js';
import type { LintRuleId } from '../model/rule-ids.js';
import type { Condition } from './condition.js';
import type { At, RegistryFile, YamlPath } from './locate.js';
import type {
  MeasureInput,
  OwnerInput,
  PromiseInput,
  SourceInput,
  StandardInput,
  CollectionName,
  DIMENSIONS,
  PeriodKind,
} from './schema.js';
import type { Interval } from './values.js';

export interface RegistrySettings {
  name: string;
  /** IANA zone; default `UTC` */
  timezone: string;
  /** month 1-12 that starts the fiscal year */
  fiscalYearStart: number;
  rules: Partial<Record<LintRuleId, SeveritySetting>>;
  ignore: string[];
}

export type Owner = OwnerInput & { at: At };

export interface Holiday {
  date: string;
  name: string | undefined;
  /** open hours of a shortened day; empty when closed all day */
  hours: Interval[];
}

export interface Calendar {
  id: string;
  timezone: string;
  /** open intervals per ISO weekday: index 0 is Monday, 6 is Sunday */
  week: Interval[][];
  /** by date, YYYY-MM-DD */
  holidays: Map<string, Holiday>;
  at: At;
}

export type Dimension = (typeof DIMENSIONS)[number];

/** The survey fields of a source's YAML, which the model keeps under `survey` (SPEC §6). */
type SurveyField = 'kind' | 'at' | 'period' | 'scale' | 'dimensions' | 'weights' | 'links' | 'score' | 'format' | 'header_rows' | 'header_row';

/** How a log file's header is laid out: how many lines it takes, and how the columns are named from them. */
export interface HeaderLayout {
  /** lines the header takes (1 for a plain CSV) */
  rows: number;
  /** the line (1-based) that names the columns */
  nameRow: number;
  /** surveymonkey: the columns are named from the question line and the sub-answer line (logs/header-layout.ts) */
  naming: 'row' | 'surveymonkey';
}

export interface DimensionItems {
  /** empty for a SERVPERF dimension (perception only) */
  expectation: string[];
  perception: string[];
}

/** A survey source's questionnaire (SPEC §6). */
export interface Survey {
  /** the column that dates a response */
  at: string;
  period: PeriodKind;
  scale: readonly [number, number];
  /** in the order of SERVQUAL's dimensions */
  dimensions: { dimension: Dimension; items: DimensionItems }[];
  /** dimension -> the column of the respondent's points; undefined without weights */
  weights: Partial<Record<Dimension, string>> | undefined;
  links: { source: string; column: string } | undefined;
  score: string | undefined;
}

export type Source = Omit<SourceInput, 'files' | 'timezone' | SurveyField> & {
  files: string[];
  /** the source's zone, or the registry's */
  timezone: string;
  kind: 'log' | 'survey';
  header: HeaderLayout;
  /** for a survey source, its questionnaire */
  survey: Survey | undefined;
  at: At;
};

export type ServicePromise = PromiseInput & { at: At };

type ConditionMeasure = Extract<MeasureInput, { kind: 'condition' }>;
export type Measure = Exclude<MeasureInput, { kind: 'condition' }> | (Omit<ConditionMeasure, 'expect'> & { expect: Condition });
export type DurationMeasure = Extract<Measure, { kind: 'duration' }>;

export type Standard = Omit<StandardInput, 'where' | 'measure' | 'owner'> & {
  /** the owner named on the standard, or the promise's */
  owner: string;
  /** true when the owner is inherited from the promise */
  ownerInherited: boolean;
  where: Condition | undefined;
  measure: Measure;
  at: At;
};

/** One entity naming another by id; kept for invalid entities too, so nothing looks unused by mistake. */
export interface Reference {
  from: CollectionName;
  fromId: string | undefined;
  at: At;
  /** path of the referring field inside the entity */
  field: YamlPath;
  target: CollectionName;
  ref: string;
}

export interface Registry {
  /** absolute path of the folder holding promise.yaml */
  root: string;
  settings: RegistrySettings;
  owners: Owner[];
  calendars: Calendar[];
  sources: Source[];
  promises: ServicePromise[];
  standards: Standard[];
  /** every reference made, by valid and invalid entities alike */
  references: Reference[];
  /** every file read, by registry-relative path, for locations and source lines */
  files: Map<string, RegistryFile>;
}
