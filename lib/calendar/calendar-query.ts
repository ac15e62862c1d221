import { z } from 'zod';
import { isCalendarDay } from '@/lib/working-time/absence-days';

/**
 * The calendar's address: whose week (mine or my team's), which week (any day in it), and
 * which team when the user has several. Anything unreadable falls back to the default, so an
 * old or mistyped link still shows a calendar; the team is checked by the page.
 */
export const calendarQuery = z.object({
  view: z.enum(['me', 'team']).catch('me').default('me'),
  week: z.string().refine(isCalendarDay).optional().catch(undefined),
  team: z.string().trim().min(1).optional().catch(undefined),
});

export type CalendarQuery = z.output<typeof calendarQuery>;

export function calendarHref(query: CalendarQuery, changes: Partial<CalendarQuery>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.view !== 'me') params.set('view', next.view);
  if (next.view === 'team' && next.team) params.set('team', next.team);
  if (next.week) params.set('week', next.week);
  const s = params.toString();
  return s ? `/calendar?${s}` : '/calendar';
}
