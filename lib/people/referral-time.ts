import { AppError } from '@/lib/errors/app-error';
import { fromLocalInput } from '@/lib/time/zoned';

/** When a referral arrived, typed as the team's local time: a real instant, and not in the future. */
export function referralInstant(value: string, zone: string, now = Date.now()): Date {
  const at = fromLocalInput(value, zone);
  if (!at)
    throw new AppError('invalid_input', undefined, {
      fieldErrors: { referralAt: ['Enter a real date and time, like 2026-11-24 09:30'] },
    });
  if (at.getTime() > now + 5 * 60_000)
    throw new AppError('invalid_input', undefined, {
      fieldErrors: { referralAt: ['The referral time cannot be in the future'] },
    });
  return at;
}
