import { z } from 'zod';
import { disciplines, roles } from './labels';
import { emailInput, idInput, requiredText, timeZoneInput } from './input-fields';

const disciplineInput = z.enum(disciplines, { error: 'Choose their discipline.' });
const roleInput = z.enum(roles, { error: 'Choose what they may do.' });

/** Ticked team boxes arrive as one comma-joined value (see validatedAction). */
const teamIdsInput = z
  .string()
  .optional()
  .transform((value) => [...new Set((value ?? '').split(',').filter(Boolean))])
  .pipe(z.array(z.guid('Choose teams from the list.')));

export const newPractitionerInput = z
  .object({
    name: requiredText('Enter their full name.'),
    email: emailInput,
    discipline: disciplineInput,
    role: roleInput,
    timeZone: timeZoneInput,
    teamIds: teamIdsInput,
  })
  .superRefine((value, ctx) => {
    // An administrator may stand outside every team; a practitioner needs one to work in.
    if (value.role === 'practitioner' && value.teamIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['teamIds'], message: 'Choose at least one team for a practitioner.' });
    }
  });

export type NewPractitionerInput = z.output<typeof newPractitionerInput>;

export const practitionerDetailsInput = z.object({
  userId: idInput,
  name: requiredText('Enter their full name.'),
  email: emailInput,
  discipline: disciplineInput,
  role: roleInput,
  timeZone: timeZoneInput,
});

export const practitionerRefInput = z.object({ userId: idInput });

export const accessInput = z.object({ userId: idInput, access: z.enum(['disable', 'enable']) });

export const membershipInput = z.object({
  userId: idInput,
  teamId: z.guid('Choose a team.'),
  lead: z
    .string()
    .optional()
    .transform((value) => value === 'on' || value === 'true'),
});
