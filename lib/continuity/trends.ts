import type { FidelityElement } from '@/db/schema/records';
import type { Thresholds } from './flags';
import { coc, coreCame, gapsInDays, median, quantile, type HeldMeeting } from './measures';
import { DAY_MS, HOUR_MS } from '@/lib/time/units';

/** One month of a run chart: the value (a share or a median), its spread where there is one, and what it rests on. */
export type MonthPoint = { month: string; value: number | null; low: number | null; high: number | null; n: number };

export type TrendMeeting = HeldMeeting & { personId: string; endsAt: Date; firstSignedAt: Date | null };

export type Trends = {
  /** People whose first meeting fell in the month: the share within the team's hours of referral. */
  firstWithin: MonthPoint[];
  /** Days between a person's meetings, by the month of the later one: median and quartiles. */
  gapDays: MonthPoint[];
  /** Held meetings with at least one of the core team. */
  coreAny: MonthPoint[];
  /** COC of each person with two or more meetings in the month: median and quartiles. */
  coc: MonthPoint[];
  /** Meetings whose record was signed within the team's days (only meetings old enough to tell). */
  signedWithin: MonthPoint[];
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 27" for '2027-03': short enough for a chart's axis and a table's header. */
export const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;

/** The `count` months up to and including `today`'s, oldest first ('YYYY-MM'). */
export function monthsUpTo(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - (count - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

const share = (month: string, yes: number, of: number): MonthPoint => ({
  month,
  value: of === 0 ? null : yes / of,
  low: null,
  high: null,
  n: of,
});
const spread = (month: string, values: number[]): MonthPoint => ({
  month,
  value: median(values),
  low: quantile(values, 0.25),
  high: quantile(values, 0.75),
  n: values.length,
});

/**
 * The team's monthly trends from its held meetings (each person's meetings oldest first) and
 * its people's referrals. Months are the team's calendar months.
 */
export function teamTrends(input: {
  meetings: readonly TrendMeeting[];
  referrals: ReadonlyMap<string, Date>;
  months: readonly string[];
  thresholds: Thresholds;
  now: Date;
}): Trends {
  const byPerson = new Map<string, TrendMeeting[]>();
  for (const m of input.meetings) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
  const monthOf = (m: { day: string }) => m.day.slice(0, 7);
  const firsts = new Map<string, { yes: number; of: number }>();
  const gaps = new Map<string, number[]>();
  const cocs = new Map<string, number[]>();
  for (const [personId, list] of byPerson) {
    const first = list[0]!;
    const referral = input.referrals.get(personId);
    if (referral) {
      const f = firsts.get(monthOf(first)) ?? { yes: 0, of: 0 };
      f.of++;
      if (first.startsAt.getTime() - referral.getTime() <= input.thresholds.firstMeetingHours * HOUR_MS) f.yes++;
      firsts.set(monthOf(first), f);
    }
    gapsInDays(list).forEach((g, i) => {
      const month = monthOf(list[i + 1]!);
      gaps.set(month, [...(gaps.get(month) ?? []), g]);
    });
    const perMonth = new Map<string, TrendMeeting[]>();
    for (const m of list) perMonth.set(monthOf(m), [...(perMonth.get(monthOf(m)) ?? []), m]);
    for (const [month, ms] of perMonth) if (ms.length >= 2) cocs.set(month, [...(cocs.get(month) ?? []), coc(ms)]);
  }
  const inMonth = (month: string) => input.meetings.filter((m) => monthOf(m) === month);
  const judged = (m: TrendMeeting) => m.endsAt.getTime() + input.thresholds.signDays * DAY_MS <= input.now.getTime();
  return {
    firstWithin: input.months.map((month) => share(month, firsts.get(month)?.yes ?? 0, firsts.get(month)?.of ?? 0)),
    gapDays: input.months.map((month) => spread(month, gaps.get(month) ?? [])),
    coreAny: input.months.map((month) => {
      const ms = inMonth(month);
      return share(month, ms.filter(coreCame).length, ms.length);
    }),
    coc: input.months.map((month) => spread(month, cocs.get(month) ?? [])),
    signedWithin: input.months.map((month) => {
      const ms = inMonth(month).filter(judged);
      const inTime = ms.filter(
        (m) =>
          m.firstSignedAt !== null &&
          m.firstSignedAt.getTime() <= m.endsAt.getTime() + input.thresholds.signDays * DAY_MS,
      );
      return share(month, inTime.length, ms.length);
    }),
  };
}

/** Mean self-rating (0–3, "not applicable" left out) per element and month, with how many ratings. */
export function fidelityByElement(
  rows: readonly { month: string; element: FidelityElement; score: number | null; ratings: number }[],
  months: readonly string[],
): Map<FidelityElement, { month: string; mean: number | null; n: number }[]> {
  const out = new Map<FidelityElement, { month: string; mean: number | null; n: number }[]>();
  const elements = [...new Set(rows.map((r) => r.element))];
  for (const element of elements) {
    out.set(
      element,
      months.map((month) => {
        const scored = rows.filter((r) => r.element === element && r.month === month && r.score !== null);
        const n = scored.reduce((s, r) => s + r.ratings, 0);
        return { month, mean: n === 0 ? null : scored.reduce((s, r) => s + r.score! * r.ratings, 0) / n, n };
      }),
    );
  }
  return out;
}
