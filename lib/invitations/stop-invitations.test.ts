import { describe, expect, it } from 'vitest';
import { stoppedInvitationsSentence } from './stop-invitations';

describe('what the practitioner is told when links stop', () => {
  it('says nothing when nothing stopped, and counts links and emails in plain words', () => {
    expect(stoppedInvitationsSentence('Ivy’s', { meetings: 0, emails: 0 })).toBeUndefined();
    expect(stoppedInvitationsSentence('Ivy’s', { meetings: 1, emails: 0 })).toBe(
      'Ivy’s link to 1 meeting no longer works.',
    );
    expect(stoppedInvitationsSentence('Their', { meetings: 3, emails: 1 })).toBe(
      'Their links to 3 meetings no longer work, and 1 email still waiting to go was withdrawn.',
    );
  });
});
