import { describe, expect, it } from 'vitest';
import { seesOthersByName } from './visibility';

describe('who sees the names of the others invited', () => {
  it('shows them to a network member only when the person shares names', () => {
    expect(seesOthersByName({ networkMemberId: 'member', inviteesSeeEachOther: 'names' })).toBe(true);
    expect(seesOthersByName({ networkMemberId: 'member', inviteesSeeEachOther: 'hidden' })).toBe(false);
  });

  it('always shows them to the person, whose meeting it is', () => {
    expect(seesOthersByName({ networkMemberId: null, inviteesSeeEachOther: 'hidden' })).toBe(true);
    expect(seesOthersByName({ networkMemberId: null, inviteesSeeEachOther: 'names' })).toBe(true);
  });
});
