import { z } from 'zod';
import { inviteeVisibility } from '@/db/schema/enums';
import { isCalendarDate } from '@/lib/time/zoned';
import { checkbox, optionalEmail, optionalPhone, optionalText, requiredText, timeOfDay } from './contact';

const weekdays = z
  .string()
  .default('')
  .transform((v) => [...new Set(v.split(',').filter(Boolean).map(Number))].sort())
  .refine((days) => days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7), 'Choose days from the list');

const optionalTime = (message: string) =>
  z
    .union([z.literal(''), timeOfDay(message)])
    .default('')
    .transform((v) => (v === '' ? null : v));

/** The person's profile as typed in the form. Referral time is read in the team's zone by the action. */
export const personInput = z
  .object({
    givenName: requiredText("Enter the person's first name"),
    familyName: requiredText("Enter the person's last name"),
    preferredName: optionalText(100),
    pronouns: optionalText(40),
    dateOfBirth: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || isCalendarDate(v), 'Enter the date of birth as a real date, like 1990-03-12')
      .refine((v) => v === '' || v <= new Date().toISOString().slice(0, 10), 'The date of birth must be in the past')
      .transform((v) => (v === '' ? null : v)),
    email: optionalEmail,
    phone: optionalPhone,
    address: optionalText(300),
    preferredPlaces: optionalText(300),
    accessibilityNeeds: optionalText(500),
    interpreterLanguage: optionalText(60),
    preferredWeekdays: weekdays,
    preferredFrom: optionalTime('Enter a time like 09:30'),
    preferredTo: optionalTime('Enter a time like 16:00'),
    referralAt: z.string().trim().min(1, 'Enter when the referral arrived'),
    firstContactUserId: z
      .union([z.literal(''), z.guid()])
      .default('')
      .transform((v) => (v === '' ? null : v)),
    // Only on the edit form. Left out, the stored choice stays (never quietly back to sharing names).
    inviteesSeeEachOther: z
      .enum(inviteeVisibility.enumValues, { error: 'Choose what people from the network see about each other' })
      .optional(),
    confirmDuplicate: checkbox,
  })
  .superRefine((p, ctx) => {
    if (p.preferredFrom !== null && p.preferredTo !== null && p.preferredTo <= p.preferredFrom) {
      ctx.addIssue({ code: 'custom', path: ['preferredTo'], message: 'The end time must be after the start time' });
    }
    if ((p.preferredFrom === null) !== (p.preferredTo === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [p.preferredFrom === null ? 'preferredFrom' : 'preferredTo'],
        message: 'Give both a start and an end time, or neither',
      });
    }
  });

export type PersonInput = z.output<typeof personInput>;
