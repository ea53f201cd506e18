/** unused-owner, unused-calendar, unused-source: declared, never named. */
import type { CollectionName } from '../registry/schema.js';
import { say, type Messages } from '../registry/messages.js';
import { about, finding, type Finding, type Rule, type RuleContext } from './types.js';

/** Each rule's one message, `unused`, says it of `{{id}}`. */
type UnusedMessages = { unused: { message: string; hint: string } } & Messages;

function unused(ctx: RuleContext, collection: CollectionName & ('owners' | 'calendars' | 'sources'), messages: UnusedMessages): Finding[] {
  const named = new Set(ctx.registry.references.filter((r) => r.target === collection).map((r) => r.ref));
  // SPEC §1: a standard without `owner` is owned by its promise's owner, which names it already.
  // SPEC §6: a survey source is used by its customer gap, standard or not
  const used = (e: { id: string; kind?: string }): boolean => named.has(e.id) || e.kind === 'survey';
  return ctx.registry[collection].filter((e) => !used(e)).map((e) => finding(ctx.locate(e.at, ['id']), say(messages, 'unused', { id: e.id }), about(collection, e.id)));
}

const ownerMessages = { unused: { message: 'owner "{{id}}" owns no promise or standard and leads no other owner', hint: 'give it a promise or standard, or remove it' } } as const;
const calendarMessages = { unused: { message: 'calendar "{{id}}" is used by no standard', hint: 'name it in a duration measure (`calendar:`), or remove it' } } as const;
const sourceMessages = { unused: { message: 'source "{{id}}" is measured by no standard', hint: 'name it in a standard (`source:`), or remove it' } } as const;

export const unusedOwner: Rule = {
  id: 'unused-owner',
  kind: 'lint',
  defaultSeverity: 'info',
  description: 'An owner that owns no promise or standard and leads no one.',
  messages: ownerMessages,
  check: (ctx) => unused(ctx, 'owners', ownerMessages),
};

export const unusedCalendar: Rule = {
  id: 'unused-calendar',
  kind: 'lint',
  defaultSeverity: 'info',
  description: 'A calendar that no standard measures time on.',
  messages: calendarMessages,
  check: (ctx) => unused(ctx, 'calendars', calendarMessages),
};

export const unusedSource: Rule = {
  id: 'unused-source',
  kind: 'lint',
  defaultSeverity: 'info',
  description: 'A source (delivery log) that no standard is measured on.',
  messages: sourceMessages,
  check: (ctx) => unused(ctx, 'sources', sourceMessages),
};
