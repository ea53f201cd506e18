import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { say } from '../registry/messages.js';
import { about, finding, type Rule } from './types.js';

const messages = {
  overdue: { message: 'promise "{{promise}}" was due for review on {{reviewBy}}', hint: 'review the promise with its owner, then set a new review_by date' },
} as const;

export const stalePromise: Rule = {
  id: 'stale-promise',
  kind: 'lint',
  defaultSeverity: 'warning',
  description: 'A promise whose review_by date has passed (as of --as-of, in the registry timezone).',
  messages,
  check({ registry, asOf, locate }) {
    const today = format(new TZDate(asOf.getTime(), registry.settings.timezone), 'yyyy-MM-dd');
    return registry.promises
      .filter((p) => p.review_by !== undefined && p.review_by < today)
      .map((p) =>
        finding(locate(p.at, ['review_by']), say(messages, 'overdue', { promise: p.id, reviewBy: p.review_by ?? '' }), about('promises', p.id, 'review_by')),
      );
  },
};
