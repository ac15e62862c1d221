import { describe, expect, it } from 'vitest';
import { linkEnded, newLinkRefusal, type OldLink } from './new-link';

const now = new Date('2027-03-10T12:00:00Z');
const before = new Date('2027-03-01T12:00:00Z');
const later = new Date('2027-06-01T12:00:00Z');
const link = (over: Partial<OldLink> = {}): OldLink => ({
  name: 'Dana',
  revokedAt: null,
  expiresAt: later,
  mayBeInvitedAgain: true,
  mayRead: true,
  ...over,
});
const booked = { status: 'scheduled' as const, startsAt: new Date('2027-03-12T10:00:00Z') };
const held = { status: 'held' as const, startsAt: new Date('2027-03-08T10:00:00Z') };

describe('linkEnded', () => {
  it('is true for a link turned off or past its reading period, and false at any moment before', () => {
    expect(linkEnded(link(), now)).toBe(false);
    expect(linkEnded(link({ revokedAt: before }), now)).toBe(true);
    expect(linkEnded(link({ expiresAt: now }), now)).toBe(true);
    expect(linkEnded(link({ expiresAt: new Date(now.getTime() + 1) }), now)).toBe(false);
  });
});

describe('newLinkRefusal', () => {
  it('before the meeting: only in place of a link turned off, and only to someone still to be invited', () => {
    expect(newLinkRefusal(booked, link({ revokedAt: before }), now)).toBeNull();
    expect(newLinkRefusal(booked, link(), now)).toBe(
      'Dana’s link still works: copy it from the list, or turn it off first.',
    );
    expect(newLinkRefusal(booked, link({ revokedAt: before, mayBeInvitedAgain: false }), now)).toBe(
      'Dana is no longer to be invited, so no new link can be sent.',
    );
  });

  it('once a booked meeting has started, not until it is marked held', () => {
    expect(newLinkRefusal({ ...booked, startsAt: now }, link({ revokedAt: before }), now)).toMatch(
      /has started\. Once it is marked held/,
    );
  });

  it('after a held meeting: in place of a link turned off or past its reading period, to a reader only', () => {
    expect(newLinkRefusal(held, link({ revokedAt: before }), now)).toBeNull();
    expect(newLinkRefusal(held, link({ expiresAt: before }), now)).toBeNull();
    expect(newLinkRefusal(held, link(), now)).toMatch(/link still works/);
    expect(newLinkRefusal(held, link({ expiresAt: before, mayRead: false }), now)).toBe(
      'Dana may not read the notes of this meeting, so no new link can be sent.',
    );
    // Consent to be invited is part of who may read (mayRead); it is not asked twice.
    expect(newLinkRefusal(held, link({ expiresAt: before, mayBeInvitedAgain: false }), now)).toBeNull();
  });

  it('never for a meeting that was cancelled or did not happen', () => {
    const ended = link({ revokedAt: before });
    expect(newLinkRefusal({ ...held, status: 'did_not_happen' }, ended, now)).toMatch(/did not happen/);
    expect(newLinkRefusal({ ...held, status: 'cancelled' }, ended, now)).toMatch(/no longer booked/);
  });
});
