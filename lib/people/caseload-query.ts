import { z } from 'zod';

/** The caseload's search and filters, read from the address so they can be bookmarked. */
export const caseloadQuery = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  status: z.enum(['active', 'discharged', 'all']).catch('active').default('active'),
  mine: z
    .string()
    .optional()
    .transform((v) => v === '1' || v === 'on'),
  sort: z.enum(['next', 'last', 'name']).catch('next').default('next'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type CaseloadQuery = z.output<typeof caseloadQuery>;

export function caseloadHref(query: CaseloadQuery, changes: Partial<CaseloadQuery>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.status !== 'active') params.set('status', next.status);
  if (next.mine) params.set('mine', '1');
  if (next.sort !== 'next') params.set('sort', next.sort);
  if (next.page > 1) params.set('page', String(next.page));
  const s = params.toString();
  return s ? `/people?${s}` : '/people';
}
