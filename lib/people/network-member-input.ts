import { z } from 'zod';
import { closeness, contactChannel, memberKind, relationship } from '@/db/schema/enums';
import { checkbox, optionalEmail, optionalPhone, optionalText, requiredText } from './contact';

export const networkMemberInput = z
  .object({
    givenName: requiredText('Enter their first name', 100),
    familyName: optionalText(100),
    relationship: z.enum(relationship.enumValues, { error: 'Choose how they are related to the person' }),
    kind: z.enum(memberKind.enumValues, { error: 'Choose family, friend, professional or other' }),
    closeness: z.enum(closeness.enumValues, { error: 'Choose how close they are' }),
    email: optionalEmail,
    phone: optionalPhone,
    preferredChannel: z.enum(contactChannel.enumValues, { error: 'Choose how they like to be contacted' }),
    mayBeInvited: checkbox,
    maySeeSharedRecords: checkbox,
  })
  .superRefine((m, ctx) => {
    if (m.preferredChannel === 'email' && !m.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Add an email address, or choose another way to contact them',
      });
    }
    if ((m.preferredChannel === 'sms' || m.preferredChannel === 'phone') && !m.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Add a phone number, or choose another way to contact them',
      });
    }
  });

export type NetworkMemberInput = z.output<typeof networkMemberInput>;
