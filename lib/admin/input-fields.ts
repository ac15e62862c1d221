import { z } from 'zod';
import { canonicalTimeZone } from './time-zone';

/** zod pieces for the administration forms: each field's message says what to type. */

export const requiredText = (message: string, max = 120) =>
  z.string({ error: message }).trim().min(1, { message, abort: true }).max(max, `Keep this under ${max} characters.`);

/** A whole number from a form field: blank, decimals and out-of-range values each get a message. */
export const wholeNumber = (what: string, min: number, max: number) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .min(1, { message: `Enter the ${what}.`, abort: true })
    .pipe(
      z.coerce
        .number<string>({ error: `Enter the ${what} as a number, like ${min + 1}.` })
        .int(`Enter the ${what} as a whole number.`)
        .min(min, `The ${what} must be between ${min} and ${max}.`)
        .max(max, `The ${what} must be between ${min} and ${max}.`),
    );

export const timeZoneInput = z
  .string({ error: 'Choose a time zone.' })
  .trim()
  .min(1, { message: 'Choose a time zone.', abort: true })
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (!zone) {
      ctx.addIssue({ code: 'custom', message: 'Choose a time zone from the list, such as Europe/London.' });
      return z.NEVER;
    }
    return zone;
  });

export const emailInput = z
  .string({ error: 'Enter their email address.' })
  .trim()
  .toLowerCase()
  .min(1, { message: 'Enter their email address.', abort: true })
  .pipe(z.email('Enter an email address in the form name@example.org.').max(254, 'This email address is too long.'));

export const idInput = z.guid('This link is not right. Reload the page and try again.');

/** Whether a route parameter can be a record id at all (anything else is simply not found). */
export function isId(value: string): boolean {
  return z.guid().safeParse(value).success;
}
