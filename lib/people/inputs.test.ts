import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { networkMemberInput } from './network-member-input';
import { personInput } from './person-input';

const errors = (result: { success: boolean; error?: z.ZodError }): Record<string, string[] | undefined> =>
  result.error ? (z.flattenError(result.error).fieldErrors as Record<string, string[]>) : {};

describe('the person form', () => {
  const valid = { givenName: 'Robin', familyName: 'Ash', referralAt: '2026-11-20T10:00' };

  it('accepts the least that is needed, turning blanks into nothing', () => {
    const parsed = personInput.parse(valid);
    expect(parsed).toMatchObject({
      givenName: 'Robin',
      email: null,
      phone: null,
      dateOfBirth: null,
      preferredWeekdays: [],
      preferredFrom: null,
      confirmDuplicate: false,
    });
  });

  it('says what is wrong beside each field', () => {
    const result = personInput.safeParse({
      givenName: ' ',
      familyName: '',
      referralAt: '',
      email: 'robin@',
      phone: 'call me',
      dateOfBirth: '2090-01-01',
      preferredFrom: '16:00',
      preferredTo: '09:00',
    });
    const e = errors(result);
    expect(e.givenName).toEqual(["Enter the person's first name"]);
    expect(e.familyName).toEqual(["Enter the person's last name"]);
    expect(e.referralAt).toEqual(['Enter when the referral arrived']);
    expect(e.email?.[0]).toMatch(/email address like/);
    expect(e.phone?.[0]).toMatch(/phone number/);
    expect(e.dateOfBirth?.[0]).toMatch(/in the past/);
  });

  it('takes what network members see about each other from the two choices, and leaves it alone when the form has no such field', () => {
    expect(personInput.parse({ ...valid, inviteesSeeEachOther: 'hidden' }).inviteesSeeEachOther).toBe('hidden');
    expect(personInput.parse({ ...valid, inviteesSeeEachOther: 'names' }).inviteesSeeEachOther).toBe('names');
    expect(personInput.parse(valid).inviteesSeeEachOther).toBeUndefined();
    for (const wrong of ['', 'everyone', 'HIDDEN']) {
      expect(errors(personInput.safeParse({ ...valid, inviteesSeeEachOther: wrong })).inviteesSeeEachOther).toEqual([
        'Choose what people from the network see about each other',
      ]);
    }
  });

  it('checks that meeting hours end after they start', () => {
    expect(
      errors(personInput.safeParse({ ...valid, preferredFrom: '16:00', preferredTo: '09:00' })).preferredTo,
    ).toEqual(['The end time must be after the start time']);
    expect(
      personInput.parse({ ...valid, preferredFrom: '09:30', preferredTo: '16:00', preferredWeekdays: '3,1,1' }),
    ).toMatchObject({ preferredFrom: 570, preferredTo: 960, preferredWeekdays: [1, 3] });
  });
});

describe('the network member form', () => {
  it('needs a way to reach them by the channel chosen', () => {
    const e = errors(
      networkMemberInput.safeParse({
        givenName: 'Anne',
        relationship: 'parent',
        kind: 'family',
        closeness: 'inner',
        preferredChannel: 'sms',
      }),
    );
    expect(e.phone).toEqual(['Add a phone number, or choose another way to contact them']);
    const ok = networkMemberInput.parse({
      givenName: 'Anne',
      relationship: 'parent',
      kind: 'family',
      closeness: 'inner',
      preferredChannel: 'sms',
      phone: '07700 900123',
      mayBeInvited: 'on',
    });
    expect(ok).toMatchObject({ mayBeInvited: true, maySeeSharedRecords: false, phone: '07700 900123' });
  });

  it('refuses values outside the lists', () => {
    const e = errors(
      networkMemberInput.safeParse({
        givenName: 'Anne',
        relationship: 'aunt',
        kind: 'family',
        closeness: 'near',
        preferredChannel: 'post',
      }),
    );
    expect(e.relationship).toEqual(['Choose how they are related to the person']);
    expect(e.closeness).toEqual(['Choose how close they are']);
  });
});
