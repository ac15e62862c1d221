import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newPractitionerInput, membershipInput, practitionerDetailsInput } from './practitioner-input';
import { setPasswordInput } from './set-password-input';
import { teamInput } from './team-input';

const errorsOf = (result: { success: boolean; error?: z.ZodError }): Record<string, string[] | undefined> =>
  result.error ? z.flattenError(result.error).fieldErrors : {};
const teamA = '6f1c1f0e-8a3b-4c1d-9e2f-0a1b2c3d4e5f';
const teamB = '7a2d2f1e-9b4c-4d2e-8f30-1b2c3d4e5f60';

describe('teamInput', () => {
  const good = {
    name: ' North Open Dialogue Team ',
    timeZone: 'europe/london',
    travelBufferMinutes: '30',
    reminderHours: '24',
    minimumNoticeHours: '2',
    recordLinkDays: '90',
    firstMeetingHours: '24',
    meetingGapDays: '14',
    signWithinDays: '3',
  };

  it('trims the name, canonicalises the zone and reads the numbers', () => {
    expect(teamInput.parse(good)).toEqual({
      name: 'North Open Dialogue Team',
      timeZone: 'Europe/London',
      travelBufferMinutes: 30,
      reminderHours: 24,
      minimumNoticeHours: 2,
      recordLinkDays: 90,
      firstMeetingHours: 24,
      meetingGapDays: 14,
      signWithinDays: 3,
    });
  });

  it('says beside each field what to change', () => {
    const result = teamInput.safeParse({
      name: '  ',
      timeZone: 'Mars/Olympus',
      travelBufferMinutes: '',
      reminderHours: '2.5',
      minimumNoticeHours: '900',
      recordLinkDays: '0',
      firstMeetingHours: '24',
      meetingGapDays: '14',
      signWithinDays: '91',
    });
    expect(errorsOf(result)).toEqual({
      name: ['Enter the team’s name.'],
      timeZone: ['Choose a time zone from the list, such as Europe/London.'],
      travelBufferMinutes: ['Enter the travel time in minutes.'],
      reminderHours: ['Enter the reminder time in hours as a whole number.'],
      minimumNoticeHours: ['The minimum notice in hours must be between 0 and 168.'],
      recordLinkDays: ['The reading period in days must be between 1 and 730.'],
      signWithinDays: ['The days to sign a record must be between 1 and 90.'],
    });
  });

  it('refuses words where a number belongs', () => {
    expect(
      errorsOf(teamInput.safeParse({ ...good, travelBufferMinutes: 'half an hour' })).travelBufferMinutes?.[0],
    ).toMatch(/as a number/);
  });
});

describe('newPractitionerInput', () => {
  const good = {
    name: 'Robin Ellis',
    email: ' Robin.Ellis@Example.org ',
    discipline: 'nurse',
    role: 'practitioner',
    timeZone: 'Europe/London',
    teamIds: `${teamA},${teamB},${teamA}`,
  };

  it('lower-cases the email and reads the ticked teams once each', () => {
    expect(newPractitionerInput.parse(good)).toEqual({
      ...good,
      email: 'robin.ellis@example.org',
      teamIds: [teamA, teamB],
    });
  });

  it('asks for a name, a well-formed email and a discipline', () => {
    const result = newPractitionerInput.safeParse({ ...good, name: '', email: 'robin@', discipline: '' });
    expect(errorsOf(result)).toEqual({
      name: ['Enter their full name.'],
      email: ['Enter an email address in the form name@example.org.'],
      discipline: ['Choose their discipline.'],
    });
  });

  it('needs a team for a practitioner but not for an administrator', () => {
    const withoutTeams: Partial<typeof good> = { ...good };
    delete withoutTeams.teamIds;
    expect(errorsOf(newPractitionerInput.safeParse(withoutTeams))).toEqual({
      teamIds: ['Choose at least one team for a practitioner.'],
    });
    expect(newPractitionerInput.parse({ ...withoutTeams, role: 'admin' }).teamIds).toEqual([]);
  });

  it('refuses a role that does not exist', () => {
    expect(errorsOf(newPractitionerInput.safeParse({ ...good, role: 'owner' }))).toEqual({
      role: ['Choose what they may do.'],
    });
  });
});

describe('practitionerDetailsInput and membershipInput', () => {
  it('needs the practitioner’s id', () => {
    const result = practitionerDetailsInput.safeParse({
      userId: 'nope',
      name: 'A B',
      email: 'a@b.org',
      discipline: 'nurse',
      role: 'admin',
      timeZone: 'UTC',
    });
    expect(Object.keys(errorsOf(result))).toEqual(['userId']);
  });

  it('reads the lead box as ticked or not', () => {
    expect(membershipInput.parse({ userId: teamA, teamId: teamB, lead: 'on' }).lead).toBe(true);
    expect(membershipInput.parse({ userId: teamA, teamId: teamB }).lead).toBe(false);
    expect(errorsOf(membershipInput.safeParse({ userId: teamA, teamId: '' }))).toEqual({ teamId: ['Choose a team.'] });
  });
});

describe('setPasswordInput', () => {
  it('needs at least 12 characters, typed the same twice', () => {
    expect(
      setPasswordInput.safeParse({ token: 't', password: 'correct horse battery', confirm: 'correct horse battery' })
        .success,
    ).toBe(true);
    expect(errorsOf(setPasswordInput.safeParse({ token: 't', password: 'short', confirm: 'short' }))).toEqual({
      password: ['Use at least 12 characters. A few words together are easy to remember.'],
    });
    expect(
      errorsOf(
        setPasswordInput.safeParse({ token: 't', password: 'correct horse battery', confirm: 'correct horse batter' }),
      ),
    ).toEqual({
      confirm: ['The two passwords are not the same. Type it again.'],
    });
    expect(errorsOf(setPasswordInput.safeParse({ token: 't', password: '', confirm: '' }))).toEqual({
      password: ['Choose a password.'],
      confirm: ['Type the password again.'],
    });
  });
});
