import { z } from 'zod';
import { coreRole } from '@/db/schema/enums';
import { isCalendarDate } from '@/lib/time/zoned';

const date = (message: string) => z.string().trim().refine(isCalendarDate, message);

export const assignmentInput = z
  .object({
    userId: z.guid({ error: 'Choose a practitioner from the team' }),
    role: z.enum(coreRole.enumValues, { error: 'Choose lead, co-worker or peer support' }),
    startsOn: date('Enter the date they join, like 2026-11-24'),
    endsOn: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || isCalendarDate(v), 'Enter the date they leave as a real date, or leave it blank')
      .transform((v) => (v === '' ? null : v)),
  })
  .superRefine((a, ctx) => {
    if (a.endsOn !== null && a.endsOn < a.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end date must be on or after the start date' });
  });

export const endAssignmentInput = z.object({
  assignmentId: z.guid(),
  endsOn: date('Enter the last day as a real date'),
});

export type AssignmentInput = z.output<typeof assignmentInput>;
