import { z } from 'zod';
import { presenceValues, recordSections } from '@/db/schema/records';
import { withholdReasonLabel } from './share-record';

const id = z.guid();
const reason = (what: string) =>
  z.string().trim().min(1, `Say ${what}`).max(1_000, 'Please keep it under 1,000 characters');

export const meetingRef = z.object({ personId: id, meetingId: id });

/** The attendance form: presence per participant key (`presence.<key>`), and one person added at a time. */
export const attendanceInput = z
  .looseObject({
    personId: id,
    meetingId: id,
    outcome: z.enum(['held', 'did_not_happen'], { error: 'Choose whether the meeting was held' }),
    reason: z.string().trim().max(1_000, 'Please keep it under 1,000 characters').default(''),
    addKey: z.string().default(''),
    addPresence: z.enum(presenceValues).or(z.literal('')).default(''),
    addCovering: z.string().default(''),
  })
  .transform((form, ctx) => {
    const presence: Record<string, (typeof presenceValues)[number]> = {};
    for (const [key, value] of Object.entries(form)) {
      if (!key.startsWith('presence.')) continue;
      if (value === '' || value === undefined) {
        if (form.outcome === 'held')
          ctx.addIssue({ code: 'custom', path: [key], message: 'Choose how they were at the meeting' });
        continue;
      }
      const parsed = z.enum(presenceValues).safeParse(value);
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: [key], message: 'Choose one of the answers' });
      else presence[key.slice('presence.'.length)] = parsed.data;
    }
    if (form.outcome === 'did_not_happen' && !form.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the meeting did not happen' });
    const added =
      form.addKey === ''
        ? []
        : [{ key: form.addKey, presence: form.addPresence || 'came', coveringFor: form.addCovering || null }];
    if (form.addKey && form.addCovering && !form.addKey.startsWith('u:'))
      ctx.addIssue({ code: 'custom', path: ['addCovering'], message: 'Only a practitioner covers for a colleague' });
    return {
      personId: form.personId,
      meetingId: form.meetingId,
      outcome: form.outcome,
      reason: form.reason || null,
      presence,
      added,
    };
  });

/** The record form: ids and the version it was opened on; the content is checked against who came. */
export const recordFormInput = z.looseObject({ personId: id, meetingId: id, basedOn: z.coerce.number().int().min(0) });

export const signInput = z.object({
  personId: id,
  meetingId: id,
  version: z.coerce.number().int().min(1),
  kind: z.enum(['signed', 'co_signed']),
  password: z.string().min(1, 'Type your password to sign'),
});

export const amendInput = z.looseObject({
  personId: id,
  meetingId: id,
  basedOn: z.coerce.number().int().min(1),
  amendmentReason: reason('why the record is corrected'),
  password: z.string().min(1, 'Type your password to sign the amendment'),
});

export const enteredInErrorInput = z.object({
  personId: id,
  meetingId: id,
  errorReason: reason('why it was entered in error'),
});

export const sharingInput = z.looseObject({ personId: id, meetingId: id }).transform((form) => ({
  personId: form.personId,
  meetingId: form.meetingId,
  sections: recordSections.filter((s) => form[`share.${s}`] === 'on'),
}));

export const withholdInput = z.object({
  personId: id,
  meetingId: id,
  section: z.enum([...recordSections, 'all']),
  withholdReason: z.enum(Object.keys(withholdReasonLabel) as [keyof typeof withholdReasonLabel], {
    error: 'Choose the reason from the list',
  }),
  reviewOn: z.iso.date({ error: 'Give a date to review it, like 2027-03-14' }),
});

export const liftInput = z.object({ personId: id, meetingId: id, withholdingId: id });
