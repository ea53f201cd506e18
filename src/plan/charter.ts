/**
 * What the customer-facing charter shows (SPEC §6 `promise charter`): which promises, grouped
 * by audience and channel, and the standards behind them. Pure: no files, no clock.
 *
 * - A promise with no `audience` is made to all customers: it is grouped under the audience
 *   `all customers`, with any promise that names that audience itself.
 * - Within an audience, the promises published on the same `channels` are grouped together, so
 *   each promise is on the page once, under the list of channels it is published on; the promises
 *   that name no channel form a group of their own. `--channel C` keeps the promises published on
 *   C (never one that names no channel), each still under its whole list.
 * - A promise no standard measures is left out, and named, so the caller can say so.
 */
import { parsePeriodKey } from '../engine/period.js';
import { compareText as compare } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import type { PeriodRef } from '../model/evaluation.js';
import type { Registry, ServicePromise, Standard } from '../registry/model.js';
import { didYouMean } from '../registry/suggest.js';
import type { Selection } from './selection.js';

/** The audience of a promise that names none. */
export const ALL_CUSTOMERS = 'all customers';

export interface CharterFilters {
  audience?: string | undefined;
  channel?: string | undefined;
}

export interface CharterChannels {
  /** the channels the promises are published on, sorted; empty when they name none */
  channels: string[];
  /** promise ids, sorted */
  promises: string[];
}

export interface CharterGroup {
  audience: string;
  groups: CharterChannels[];
}

export interface CharterPlan {
  groups: CharterGroup[];
  /** the promises on the page, each once, by id */
  promises: ServicePromise[];
  /** every standard of those promises, by id: all of them, so a promise is never called kept on part of its measures */
  standards: Standard[];
  /** the promises the filters chose that no standard measures, by id: left out of the page */
  unmeasured: ServicePromise[];
}

const audienceOf = (p: ServicePromise): string => p.audience ?? ALL_CUSTOMERS;

/** `all customers` first, then the others in text order. */
function compareAudiences(a: string, b: string): number {
  return Number(b === ALL_CUSTOMERS) - Number(a === ALL_CUSTOMERS) || compare(a, b);
}

const channelsOf = (p: ServicePromise): string[] => [...new Set(p.channels ?? [])].sort(compare);

/** Lists of channels in text order, channel by channel: the empty list (no channel) first. */
function compareChannelLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compare(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function known(flag: string, value: string, names: readonly string[], what: string): void {
  if (names.includes(value)) return;
  throw new UsageError(`${flag} ${value}: no promise of the registry names the ${what} "${value}"`, didYouMean(value, names) ?? `its ${what}s are: ${names.join(', ')}`);
}

/** Throws a UsageError for an audience or channel that no promise names (with a did-you-mean). */
export function planCharter(registry: Registry, filters: CharterFilters): CharterPlan {
  const audiences = [...new Set(registry.promises.map(audienceOf))].sort(compareAudiences);
  const channels = [...new Set(registry.promises.flatMap((p) => p.channels ?? []))].sort(compare);
  if (filters.audience !== undefined) known('--audience', filters.audience, audiences, 'audience');
  if (filters.channel !== undefined) known('--channel', filters.channel, channels, 'channel');
  const chosen = registry.promises
    .filter((p) => (filters.audience === undefined || audienceOf(p) === filters.audience) && (filters.channel === undefined || (p.channels ?? []).includes(filters.channel)))
    .sort((a, b) => compare(a.id, b.id));
  const measured = new Set(registry.standards.map((s) => s.promise));
  const promises = chosen.filter((p) => measured.has(p.id));
  const groups = audiences.flatMap((audience): CharterGroup[] => {
    const mine = promises.filter((p) => audienceOf(p) === audience);
    const lists = new Map<string, string[]>();
    for (const p of mine) lists.set(JSON.stringify(channelsOf(p)), channelsOf(p));
    const grouped = [...lists.values()].sort(compareChannelLists).map((channels) => ({
      channels,
      promises: mine.filter((p) => compareChannelLists(channelsOf(p), channels) === 0).map((p) => p.id),
    }));
    return grouped.length === 0 ? [] : [{ audience, groups: grouped }];
  });
  const ids = new Set(promises.map((p) => p.id));
  return {
    groups,
    promises,
    standards: registry.standards.filter((s) => ids.has(s.promise)).sort((a, b) => compare(a.id, b.id)),
    unmeasured: chosen.filter((p) => !measured.has(p.id)),
  };
}

/** What a run evaluates for the charter's results: every standard of its promises, over every period (the roll-up picks the one asked for). */
export function charterSelection(plan: CharterPlan): Selection {
  // the charter shows no customer gap: no survey is read for it
  return { periods: undefined, standards: plan.standards, promises: plan.promises, surveys: [] };
}

/** `--with-results P`: the period, which must have started at as_of. Throws a UsageError otherwise. */
export function resultsPeriod(registry: Registry, key: string, asOfMs: number): PeriodRef {
  const { timezone, fiscalYearStart } = registry.settings;
  const period = parsePeriodKey(key, timezone, fiscalYearStart);
  if (period === undefined) {
    throw new UsageError(`--with-results ${key}: not a period name`, `write e.g. ${fiscalYearStart === 1 ? '2026-Q3, 2026-07, 2026-W27 or 2026' : 'FY2027-Q1, 2026-07, 2026-W27 or FY2027'}`);
  }
  if (period.startMs > asOfMs) throw new UsageError(`--with-results ${key}: the period has not started at --as-of`, 'name a period that has started, or give a later --as-of');
  return period;
}
