/** unused-owner, unused-calendar, unused-source: declared, never named. */
import type { CollectionName } from '../registry/schema.js';
import { about, finding, type Finding, type Rule, type RuleContext } from './types.js';

function unused(ctx: RuleContext, collection: CollectionName & ('owners' | 'calendars' | 'sources'), message: (id: string) => string, hint: string): Finding[] {
  const named = new Set(ctx.registry.references.filter((r) => r.target === collection).map((r) => r.ref));
  // SPEC §1: a standard without `owner` is owned by its promise's owner, which names it already.
  return ctx.registry[collection].filter((e) => !named.has(e.id)).map((e) => finding(ctx.locate(e.at, ['id']), message(e.id), hint, about(collection, e.id)));
}

export const unusedOwner: Rule = {
  id: 'unused-owner',
  kind: 'lint',
  defaultSeverity: 'info',
  description: 'An owner that owns no promise or standard and leads no one.',
  check: (ctx) => unused(ctx, 'owners', (id) => `owner "${id}" owns no promise or standard and leads no other owner`, 'give it a promise or standard, or remove it'),
};

export const unusedCalendar: Rule = {
  id: 'unused-calendar',
  kind: 'lint',
  defaultSeverity: 'info',
  description: 'A calendar that no standard measures time on.',
  check: (ctx) => unused(ctx, 'calendars', (id) => `calendar "${id}" is used by no standard`, 'name it in a duration measure (`calendar:`), or remove it'),
};

export const unusedSource: Rule = {
  id: 'unused-source',
  kind: 'lint',
  defaultSeverity: 'info',
  description: 'A source (delivery log) that no standard is measured on.',
  check: (ctx) => unused(ctx, 'sources', (id) => `source "${id}" is measured by no standard`, 'name it in a standard (`source:`), or remove it'),
};
