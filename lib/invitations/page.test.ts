import { describe, expect, it } from 'vitest';
import type { InvitationView, OthersComing } from '@/db/queries/invitations';
import { invitationPage, linkNotWorkingPage } from './page';

const now = new Date('2026-11-20T12:00:00Z');
const base: InvitationView = {
  id: '7d1f0c7e-3a4b-4c5d-8e9f-0a1b2c3d4e5f',
  response: 'needs_action',
  message: null,
  respondedAt: null,
  expiresAt: new Date('2026-12-01T11:00:00Z'),
  revokedAt: null,
  networkMemberId: null,
  inviteeIsPerson: true,
  inviteeGivenName: 'Ivy',
  inviteeEmail: 'ivy@example.org',
  personGivenName: 'Ivy',
  inviteesSeeEachOther: 'names',
  meetingId: '0b7e4d52-90aa-4c1e-9d1b-3f2a6c8e5d11',
  personId: '5c3a1b20-1f2e-4d3c-8b4a-6e5f7a8b9c0d',
  teamId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  status: 'scheduled',
  startsAt: new Date('2026-12-01T10:00:00Z'),
  endsAt: new Date('2026-12-01T11:00:00Z'),
  timeZone: 'Europe/London',
  locationKind: 'clinic',
  locationDetail: null,
  videoUrl: null,
  teamName: 'Riverside team',
};
const member: InvitationView = {
  ...base,
  networkMemberId: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5',
  inviteeIsPerson: false,
  inviteeGivenName: 'Pat',
  inviteeEmail: 'pat@example.org',
};
const others: OthersComing = {
  namesShown: true,
  invitees: [{ givenName: 'Pat', relationship: 'parent', response: 'accepted' }],
  staff: [{ name: 'Alex Morgan', discipline: 'nurse' }],
};
const page = (invitation: InvitationView) => invitationPage({ invitation, others, now, path: '/invite/abc' });
const heading = (html: string) => /<h1>(.*?)<\/h1>/.exec(html)?.[1];

describe('the invitation page for the person the meeting is for', () => {
  it('speaks to them as the one the meeting is for', () => {
    const html = page(base);
    expect(html).toContain('<title>Will you be there?</title>');
    expect(heading(html)).toBe('Your network meeting');
    expect(html).toContain(
      'Your network meeting with the Riverside team is booked. The meeting is for you. Will you be there?',
    );
    expect(html).toContain('Hello Ivy,');
    expect(html).toContain('Pat (parent), coming');
    expect(html).not.toMatch(/meeting with Ivy|Can you come|would like you to come/);
  });

  it('says their own meeting is cancelled', () => {
    const html = page({ ...base, status: 'cancelled' });
    expect(heading(html)).toBe('This meeting is cancelled');
    expect(html).toContain('Your network meeting with the Riverside team will not take place.');
    expect(html).not.toContain('meeting with Ivy');
  });
});

describe('the invitation page for a network member', () => {
  it('asks them to the meeting with the person, as before', () => {
    const html = page(member);
    expect(html).toContain('<title>Can you come?</title>');
    expect(heading(html)).toBe('Can you come to the meeting with Ivy?');
    expect(html).toContain('Ivy and the Riverside team would like you to come.');
    expect(html).toContain('Hello Pat,');
    expect(page({ ...member, status: 'cancelled' })).toContain(
      'The meeting with Ivy and the Riverside team will not take place.',
    );
  });

  it('escapes names', () => {
    expect(heading(page({ ...member, personGivenName: '<b>Ivy</b>' }))).toBe(
      'Can you come to the meeting with &lt;b&gt;Ivy&lt;/b&gt;?',
    );
  });
});

describe('the page for a link that does not work', () => {
  it('says the team can send a new link before the meeting', () => {
    const html = linkNotWorkingPage();
    expect(heading(html)).toBe('This link no longer works');
    expect(html).toContain('Until the meeting starts, the team can send you a new link.');
  });
});
