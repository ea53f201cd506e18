import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { about, finding, type Rule } from './types.js';

export const stalePromise: Rule = {
  id: 'stale-promise',
  kind: 'lint',
  defaultSeverity: 'warning',
  description: 'A promise whose review_by date has passed (as of --as-of, in the registry timezone).',
  check({ registry, asOf, locate }) {
    const today = format(new TZDate(asOf.getTime(), registry.settings.timezone), 'yyyy-MM-dd');
    return registry.promises
      .filter((p) => p.review_by !== undefined && p.review_by < today)
      .map((p) =>
        finding(locate(p.at, ['review_by']), `promise "${p.id}" was due for review on ${p.review_by ?? ''}`, 'review the promise with its owner, then set a new review_by date', about('promises', p.id, 'review_by')),
      );
  },
};
