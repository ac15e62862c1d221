import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps paths inside the app', () => {
    expect(safeCallbackUrl('/today')).toBe('/today');
    expect(safeCallbackUrl('/people/1?tab=network')).toBe('/people/1?tab=network');
  });
  it('never sends anyone to another site or back to sign-in', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/sign-in', '/api/auth/signout', undefined, ['/today']]) {
      expect(safeCallbackUrl(bad)).toBe('/today');
    }
  });
});
