import { z } from 'zod';
import { readWeeklyPattern } from './weekly-pattern';

/** The editor's zod schema: the practitioner, and their windows, with errors beside the fields. */
export const weeklyPatternInput = z
  .object({ userId: z.guid('This link is not right. Reload the page and try again.') })
  .catchall(z.string())
  .transform((values, ctx) => {
    const { windows, errors } = readWeeklyPattern(values);
    for (const [field, message] of Object.entries(errors)) ctx.addIssue({ code: 'custom', path: [field], message });
    if (Object.keys(errors).length > 0) return z.NEVER;
    return { userId: values.userId, windows };
  });
