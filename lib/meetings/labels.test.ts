import { describe, expect, it } from 'vitest';
import { personDisplayName, placeDescription } from './labels';

describe('meeting labels', () => {
  it('describes the place in plain words', () => {
    expect(placeDescription('home', '12 Elm Road')).toBe('Home visit · 12 Elm Road');
    expect(placeDescription('video', null)).toBe('Video call');
  });
  it('uses the name a person goes by', () => {
    expect(personDisplayName({ givenName: 'Katherine', familyName: 'Oakley', preferredName: 'Kit' })).toBe(
      'Kit Oakley',
    );
    expect(personDisplayName({ givenName: 'Robin', familyName: 'Ash', preferredName: '  ' })).toBe('Robin Ash');
  });
});
