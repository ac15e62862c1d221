import { DAY_MS } from '@/lib/time/units';

/** The periods the figures can be shown for. */
export const periods = ['all', '365', '90'] as const;
export type Period = (typeof periods)[number];

export const periodLabel: Record<Period, string> = {
  all: 'Since referral',
  '365': 'Last 12 months',
  '90': 'Last 3 months',
};

export function periodOf(value: unknown): Period {
  return (periods as readonly unknown[]).includes(value) ? (value as Period) : 'all';
}

/** When the period starts, or undefined for all time. */
export function periodStart(period: Period, now: Date): Date | undefined {
  return period === 'all' ? undefined : new Date(now.getTime() - Number(period) * DAY_MS);
}
