import { flags, isFlag, type Flag } from './flags';
import type { ReviewRow } from './team';

export const sorts = ['flags', 'name', 'last', 'referral'] as const;
export type Sort = (typeof sorts)[number];
export const sortLabel: Record<Sort, string> = {
  flags: 'Most flags first',
  name: 'Name',
  last: 'Longest since last meeting',
  referral: 'Most recently referred',
};

/** People shown per page of the review: a team's whole caseload is too long for one page. */
export const REVIEW_PAGE_SIZE = 50;

export type ReviewChoice = { flag: Flag | null; sort: Sort; page: number };

/** The review's choices from the address: a flag to filter by, an order and a page (anything else is ignored). */
export function reviewChoice(params: { flag?: unknown; sort?: unknown; page?: unknown }): ReviewChoice {
  const page = typeof params.page === 'string' && /^[1-9][0-9]{0,5}$/.test(params.page) ? Number(params.page) : 1;
  return {
    flag: isFlag(params.flag) ? params.flag : null,
    sort: (sorts as readonly unknown[]).includes(params.sort) ? (params.sort as Sort) : 'flags',
    page,
  };
}

/**
 * One page of the rows: the page asked for, or the last one when it asks past the end (a list
 * that shrank since the link was made). `first` and `last` count from 1, for "51–100 of 1,734".
 */
export function pageOfRows<T>(rows: readonly T[], page: number, size = REVIEW_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * size;
  const shown = rows.slice(start, start + size);
  return { rows: shown, page: current, pages, first: shown.length ? start + 1 : 0, last: start + shown.length };
}

const nameKey = (r: ReviewRow) => `${r.familyName} ${r.givenName}`.toLowerCase();

/** The rows with the flag chosen, in the order chosen; ties by name. */
export function filterAndSort(rows: readonly ReviewRow[], choice: { flag: Flag | null; sort: Sort }): ReviewRow[] {
  const kept = choice.flag ? rows.filter((r) => r.flags.includes(choice.flag!)) : [...rows];
  const byName = (a: ReviewRow, b: ReviewRow) => nameKey(a).localeCompare(nameKey(b));
  const order: Record<Sort, (a: ReviewRow, b: ReviewRow) => number> = {
    flags: (a, b) => b.flags.length - a.flags.length || byName(a, b),
    name: byName,
    // Never met comes first: the longest wait of all.
    last: (a, b) => (a.lastHeldAt?.getTime() ?? -Infinity) - (b.lastHeldAt?.getTime() ?? -Infinity) || byName(a, b),
    referral: (a, b) => b.referralAt.getTime() - a.referralAt.getTime() || byName(a, b),
  };
  return kept.sort(order[choice.sort]);
}

/** How many people carry each flag. */
export function flagCounts(rows: readonly ReviewRow[]): Record<Flag, number> {
  const counts = Object.fromEntries(flags.map((f) => [f, 0])) as Record<Flag, number>;
  for (const r of rows) for (const f of r.flags) counts[f]++;
  return counts;
}
