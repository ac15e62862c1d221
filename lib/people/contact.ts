import { z } from 'zod';

/** Optional text from a form: blank becomes null. */
export const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

export const requiredText = (message: string, max = 200) =>
  z.string().trim().min(1, message).max(max, `Keep this under ${max} characters`);

export const optionalEmail = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase())
  .pipe(z.union([z.literal(''), z.email('Enter an email address like name@example.org')]))
  .transform((v) => (v === '' ? null : v))
  .prefault('');

/** UK and international numbers: digits with spaces, dashes, brackets and a leading +. */
export const optionalPhone = z
  .string()
  .trim()
  .refine(
    (v) =>
      v === '' || (/^\+?[\d\s()-]+$/.test(v) && v.replace(/\D/g, '').length >= 7 && v.replace(/\D/g, '').length <= 15),
    {
      message: 'Enter a phone number using digits, spaces and a leading + only, like 07700 900123',
    },
  )
  .transform((v) => (v === '' ? null : v))
  .prefault('');

/** A checkbox: present ("on") when ticked, absent otherwise. */
export const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('')])
  .optional()
  .transform((v) => v === 'on' || v === 'true');

/** "HH:MM" to minutes after midnight. */
export const timeOfDay = (message: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message)
    .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)));

export function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
