import { validateHeaderValue } from 'node:http';
import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

const ORIGIN = 'http://app.invalid';

describe('safeCallbackUrl', () => {
  it('keeps paths inside the app, with their query and fragment', () => {
    expect(safeCallbackUrl('/today')).toBe('/today');
    expect(safeCallbackUrl('/people/1?tab=network')).toBe('/people/1?tab=network');
    expect(safeCallbackUrl('/today?x=1#y')).toBe('/today?x=1#y');
    expect(safeCallbackUrl('/sign-instead')).toBe('/sign-instead');
  });

  it('returns the normalised path', () => {
    expect(safeCallbackUrl('/people/../today')).toBe('/today');
    expect(safeCallbackUrl('/people/./1')).toBe('/people/1');
    expect(safeCallbackUrl('/people/Zoë')).toBe('/people/Zo%C3%AB');
    expect(safeCallbackUrl('/today?q=a b')).toBe('/today?q=a%20b');
  });

  it('never sends anyone to another site', () => {
    for (const bad of [
      'https://evil.example',
      'http://app.invalid/today',
      '//evil.example',
      '///evil.example',
      'evil.example',
      'today',
      'javascript:alert(1)',
      '',
    ]) {
      expect(safeCallbackUrl(bad)).toBe('/today');
    }
  });

  // What `/sign-in?callbackUrl=/%09/evil.example` and `…/%0A/…` decode to. Browsers drop the
  // tab or newline and read `//evil.example`; Node refused the newline in the Location header (a 500).
  it('refuses control characters and backslashes anywhere in the value', () => {
    for (const bad of [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/\u0000/evil.example',
      '/\u001f/x',
      '/\u007f/x',
      '/today\n',
      '/today?x=\t',
      '/\\evil.example',
      '\\\\evil.example',
      '/today\\x',
    ]) {
      expect(safeCallbackUrl(bad)).toBe('/today');
    }
  });

  it('keeps encoded control characters encoded, so they stay part of the path', () => {
    expect(safeCallbackUrl('/%09/evil.example')).toBe('/%09/evil.example');
    expect(new URL(safeCallbackUrl('/%09/evil.example'), ORIGIN).origin).toBe(ORIGIN);
  });

  it('never sends anyone back to sign-in or to an endpoint', () => {
    for (const bad of [
      '/sign-in',
      '/sign-in?callbackUrl=/today',
      '/sign-in/',
      '/people/../sign-in',
      '/%73ign-in',
      '/api/auth/signout',
      '/api',
      '/./api/health',
    ]) {
      expect(safeCallbackUrl(bad)).toBe('/today');
    }
  });

  it('falls back on anything that is not a string', () => {
    for (const bad of [undefined, null, 1, ['/today'], { href: '/today' }]) {
      expect(safeCallbackUrl(bad)).toBe('/today');
    }
    expect(safeCallbackUrl(undefined, '/people')).toBe('/people');
  });

  it('answers something a Location header accepts and a browser keeps on this site', () => {
    const hostile = [
      '/\t/evil.example',
      '/\n/evil.example',
      '/%0A/evil.example',
      '/%2F/evil.example',
      '/ /evil.example',
      '/\u2028/evil.example',
      '/today#\u00e9',
      `/${'a'.repeat(3000)}`,
    ];
    for (const value of hostile) {
      const answer = safeCallbackUrl(value);
      expect(answer).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
      expect(new URL(answer, ORIGIN).origin).toBe(ORIGIN);
    }
  });

  // The sign-in page redirects a signed-in visitor to this value: Node threw on the newline of
  // `/%0A/evil.example` while setting the Location header, and the page answered 500.
  it('gives a value Node accepts in a Location header', () => {
    for (const value of ['/\n/evil.example', '/\r/evil.example', '/today\u0000', '/today?x=\u00e9']) {
      expect(() => validateHeaderValue('location', safeCallbackUrl(value))).not.toThrow();
    }
  });
});
