import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, timeZoneOptions } from './time-zone';

describe('canonicalTimeZone', () => {
  it('accepts IANA zones and returns their canonical spelling', () => {
    expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
    expect(canonicalTimeZone(' europe/dublin ')).toBe('Europe/Dublin');
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    // Three-part names are zones too (the runtime may give a shorter alias back).
    expect(canonicalTimeZone('America/Argentina/Buenos_Aires')).toMatch(/Buenos_Aires$/);
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses what is not a zone: unknown names, offsets, blanks', () => {
    expect(canonicalTimeZone('Europe/Atlantis')).toBeUndefined();
    expect(canonicalTimeZone('+01:00')).toBeUndefined();
    expect(canonicalTimeZone('GMT+1 ')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
    expect(canonicalTimeZone('London')).toBeUndefined();
  });
});

describe('timeZoneOptions', () => {
  it('lists the zones sorted, with UTC and the current value', () => {
    const options = timeZoneOptions('Etc/GMT+5');
    expect(options).toContain('Europe/London');
    expect(options).toContain('UTC');
    expect(options).toContain('Etc/GMT+5');
    expect([...options].sort((a, b) => a.localeCompare(b))).toEqual(options);
  });
});
