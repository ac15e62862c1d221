import { describe, expect, it } from 'vitest';
import { inviteeOptions } from './options';

const choices = {
  person: { id: 'p', givenName: 'Ivy', preferredName: null, email: 'ivy@example.org', phone: null },
  members: [
    {
      id: 'pat',
      givenName: 'Pat',
      familyName: null,
      relationship: 'parent' as const,
      closeness: 'inner' as const,
      email: 'pat@example.net',
      phone: null,
      mayBeInvited: true,
    },
    {
      id: 'sam',
      givenName: 'Sam',
      familyName: null,
      relationship: 'friend' as const,
      closeness: 'inner' as const,
      email: null,
      phone: null,
      mayBeInvited: true,
    },
  ],
};

describe('the invite checkboxes when moving a meeting', () => {
  it('fixes those already invited, and leaves unticked anyone whose link was turned off', () => {
    const options = inviteeOptions(
      choices,
      { person: false, memberIds: new Set(['sam']) },
      { person: true, memberIds: new Set(['pat']) },
    );
    expect(options.map(({ value, checked, disabled, note }) => ({ value, checked, disabled, note }))).toEqual([
      { value: 'person', checked: false, disabled: false, note: 'their link was turned off: tick to send a new one' },
      { value: 'pat', checked: false, disabled: false, note: 'their link was turned off: tick to send a new one' },
      { value: 'sam', checked: true, disabled: true, note: 'already invited' },
    ]);
  });

  it('ticks the person and the inner circle for a new meeting', () => {
    expect(inviteeOptions(choices).map((o) => o.checked)).toEqual([true, true, true]);
  });
});
