import { z } from 'zod';
import { locationKind, meetingKind } from '@/db/schema/enums';
import { isCalendarDate } from '@/lib/time/zoned';
import { repeatKinds } from './series';
import { DAY_MS } from '@/lib/time/units';

const idList = z
  .string()
  .default('')
  .transform((v) => [
    ...new Set(
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.guid()).max(12, 'Choose at most 12 practitioners'));

/** Travel time kept free around a meeting: only visits (home and community) need it. */
export function travelMinutesFor(
  location: (typeof locationKind.enumValues)[number],
  travelBufferMinutes: number,
): number {
  return location === 'home' || location === 'community' ? travelBufferMinutes : 0;
}

/** A repeated query parameter (`?required=a&required=b`) as the comma list the schemas read. */
export function queryList(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/** Whom to invite: `person` for the person at the centre, and network members' ids. */
export const inviteList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.union([z.literal('person'), z.guid()])).max(40, 'Invite at most 40 people'))
  .transform((list) => ({
    person: list.includes('person'),
    memberIds: [...new Set(list.filter((x) => x !== 'person'))],
  }));

/** The longest window one search looks through, From and Until both counted: 12 weeks. */
export const MAX_SEARCH_DAYS = 84;
/** The most meetings one series books. */
export const MAX_SERIES_MEETINGS = 12;

const dateValue = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The days from `from` to `to` (yyyy-MM-dd), both counted: a search of one day is 1. */
export function daysInWindow(from: string, to: string): number {
  return Math.round((dateValue(to) - dateValue(from)) / DAY_MS) + 1;
}

/**
 * The days a search looks through: From to Until, cut to MAX_SEARCH_DAYS whatever the address
 * says. The form refuses a longer window beside Until; this is the server's own guard.
 */
export function searchDays(from: string, to: string): { first: string; last: string } {
  const limit = new Date(dateValue(from) + (MAX_SEARCH_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  return { first: from, last: to > limit ? limit : to };
}

/**
 * What the practitioner asks for: read from the address so a search can be shared and repeated.
 * A value that cannot be read falls back to its default (an old or cut link); a window or series
 * too long is kept as asked, for `readSlotSearch` to refuse beside its field.
 */
export const slotSearchInput = z.object({
  kind: z.enum(meetingKind.enumValues).catch('network'),
  duration: z.coerce.number().int().min(15).max(240).catch(60),
  location: z.enum(locationKind.enumValues).catch('home'),
  required: idList.catch([]),
  optional: idList.catch([]),
  from: z.string().refine(isCalendarDate).optional().catch(undefined),
  to: z.string().refine(isCalendarDate).optional().catch(undefined),
  repeat: z.enum(['none', ...repeatKinds]).catch('none'),
  count: z.coerce.number().int().min(2).catch(6),
  /** Set when moving a booked meeting rather than booking a new one. */
  meeting: z.guid().optional().catch(undefined),
  scope: z.enum(['one', 'rest']).catch('one'),
});

export type SlotSearch = z.output<typeof slotSearchInput>;
export type SlotSearchErrors = Partial<Record<keyof SlotSearch, string[]>>;

/** How far one search and one series may reach, each refused beside its field. */
export const slotSearchBounds = slotSearchInput
  .pick({ from: true, to: true, repeat: true, count: true })
  .superRefine((s, ctx) => {
    if (s.from && s.to) {
      if (s.to < s.from)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose an Until date on or after From' });
      else if (daysInWindow(s.from, s.to) > MAX_SEARCH_DAYS)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'Search at most 12 weeks at a time' });
    }
    if (s.repeat !== 'none' && s.count > MAX_SERIES_MEETINGS)
      ctx.addIssue({ code: 'custom', path: ['count'], message: `At most ${MAX_SERIES_MEETINGS} meetings in a series` });
  });

type Query = Record<string, string | string[] | undefined>;

/**
 * A search read from the address, with `dates` (the team's default window) where From or Until
 * is missing, and what is wrong with it by field. The search is returned as asked, so the form
 * shows what was typed; the page searches nothing while there are field errors.
 */
export function readSlotSearch(
  query: Query,
  dates?: { from: string; to: string },
): { search: SlotSearch; fieldErrors: SlotSearchErrors } {
  const parsed = slotSearchInput.parse({
    ...query,
    required: queryList(query.required),
    optional: queryList(query.optional),
  });
  const search = { ...parsed, from: parsed.from ?? dates?.from, to: parsed.to ?? dates?.to };
  const bounds = slotSearchBounds.safeParse(search);
  return { search, fieldErrors: bounds.success ? {} : z.flattenError(bounds.error).fieldErrors };
}

const instant = (message: string) =>
  z
    .string({ error: message })
    .min(1, message)
    .refine((v) => !Number.isNaN(Date.parse(v)), message);

/** What every way of booking or moving a meeting shares: kind, length, place, who. */
const meetingFields = z.object({
  personId: z.string(),
  kind: z.enum(meetingKind.enumValues, { error: 'Choose the kind of meeting' }),
  duration: z.coerce
    .number({ error: 'Choose how long' })
    .int()
    .min(15, 'At least 15 minutes')
    .max(240, 'At most four hours'),
  location: z.enum(locationKind.enumValues, { error: 'Choose where' }),
  locationDetail: z.string().trim().max(300).default(''),
  videoUrl: z.string().trim().max(500).default(''),
  required: idList,
  optional: idList,
  invite: inviteList,
});

type MeetingFields = z.output<typeof meetingFields>;

function checkMeeting(b: MeetingFields, ctx: z.RefinementCtx) {
  if (b.required.length === 0)
    ctx.addIssue({ code: 'custom', path: ['required'], message: 'Choose at least one practitioner who must be there' });
  if (b.location === 'video' && !/^https:\/\/\S+$/.test(b.videoUrl)) {
    ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'Add the video link, starting with https://' });
  }
  if ((b.location === 'community' || b.location === 'clinic') && b.locationDetail === '') {
    ctx.addIssue({ code: 'custom', path: ['locationDetail'], message: 'Say where, so everyone can find it' });
  }
  if (b.optional.some((id) => b.required.includes(id)))
    ctx.addIssue({ code: 'custom', path: ['optional'], message: 'Someone cannot be both required and optional' });
}

export const bookingInput = meetingFields
  .extend({ start: instant('Choose one of the times') })
  .superRefine(checkMeeting);
export type BookingInput = z.output<typeof bookingInput>;

export const rescheduleInput = meetingFields
  .extend({
    start: instant('Choose one of the times'),
    meetingId: z.guid(),
    scope: z.enum(['one', 'rest']).catch('one'),
  })
  .superRefine(checkMeeting);

/**
 * A series as checked and confirmed: one field per occurrence (`occurrence-0`, `occurrence-1`, …),
 * each a start time or `skip`, so a clashing one can be moved to an alternative or left out.
 */
export const seriesInput = meetingFields
  .extend({ repeat: z.enum(repeatKinds) })
  .catchall(z.string())
  .transform((b) => {
    const starts = Object.keys(b)
      .filter((k) => /^occurrence-\d+$/.test(k))
      .sort((x, y) => Number(x.slice(11)) - Number(y.slice(11)))
      .map((k) => b[k] as string);
    return { ...b, starts };
  })
  .superRefine((b, ctx) => {
    checkMeeting(b, ctx);
    if (b.starts.length > MAX_SERIES_MEETINGS) {
      ctx.addIssue({
        code: 'custom',
        path: ['starts'],
        message: `At most ${MAX_SERIES_MEETINGS} meetings in a series`,
      });
      return;
    }
    const chosen = b.starts.filter((s) => s !== 'skip');
    if (b.starts.length < 2 || chosen.length === 0)
      ctx.addIssue({ code: 'custom', path: ['starts'], message: 'Keep at least one meeting of the series' });
    // Twelve weekly meetings span eleven weeks, and an alternative stays on its own day.
    const times = chosen.map((s) => Date.parse(s)).filter((t) => !Number.isNaN(t));
    if (times.length > 1 && Math.max(...times) - Math.min(...times) > MAX_SEARCH_DAYS * DAY_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['starts'],
        message: 'A series can span at most 12 weeks: choose times closer together',
      });
    }
    b.starts.forEach((s, i) => {
      if (s === '')
        ctx.addIssue({
          code: 'custom',
          path: [`occurrence-${i}`],
          message: 'Choose another time or leave this one out',
        });
      else if (s !== 'skip' && Number.isNaN(Date.parse(s)))
        ctx.addIssue({ code: 'custom', path: [`occurrence-${i}`], message: 'Choose one of the times' });
    });
  });

/** The crisis path: two practitioners at one of the offered times, who become the core team unless unticked. */
export const crisisInput = z
  .object({
    personId: z.string(),
    option: z
      .string({ error: 'Choose one of the times' })
      .regex(/^[^|]+\|[0-9a-f-]{36},[0-9a-f-]{36}$/i, 'Choose one of the times')
      .transform((v) => {
        const [start, pair] = v.split('|') as [string, string];
        return { start, pair: pair.split(',') as [string, string] };
      })
      .refine((o) => !Number.isNaN(Date.parse(o.start)) && o.pair[0] !== o.pair[1], 'Choose one of the times'),
    duration: z.coerce.number().int().min(30).max(180).catch(60),
    location: z.enum(locationKind.enumValues, { error: 'Choose where' }),
    locationDetail: z.string().trim().max(300).default(''),
    videoUrl: z.string().trim().max(500).default(''),
    makeCoreTeam: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
    invite: inviteList,
  })
  .superRefine((b, ctx) => {
    if (b.location === 'video' && !/^https:\/\/\S+$/.test(b.videoUrl))
      ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'Add the video link, starting with https://' });
    if ((b.location === 'community' || b.location === 'clinic') && b.locationDetail === '')
      ctx.addIssue({ code: 'custom', path: ['locationDetail'], message: 'Say where, so everyone can find it' });
  });

/** Cancelling a meeting: why (for the team and the network), and whether the rest of its series goes too. */
export const cancelInput = z.object({
  personId: z.string(),
  meetingId: z.guid(),
  reason: z
    .string()
    .trim()
    .min(1, 'Say why, so the team and the network understand')
    .max(300, 'Keep the reason under 300 characters'),
  scope: z.enum(['one', 'rest']).catch('one'),
});
