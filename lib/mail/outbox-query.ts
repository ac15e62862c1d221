import { z } from 'zod';
import { outboxFilters } from '@/db/queries/outbox';

/** The outbox page's filter and page, read from the address so they can be bookmarked. */
export const outboxQuery = z.object({
  show: z.enum(outboxFilters).catch('all').default('all'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type OutboxQuery = z.output<typeof outboxQuery>;

export function outboxHref(query: OutboxQuery, changes: Partial<OutboxQuery>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.show !== 'all') params.set('show', next.show);
  if (next.page > 1) params.set('page', String(next.page));
  const s = params.toString();
  return s ? `/outbox?${s}` : '/outbox';
}
