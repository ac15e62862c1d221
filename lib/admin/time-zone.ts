/**
 * IANA time zones, checked with the runtime's own Intl data: the same data that formats and
 * expands times later, so a zone accepted here always works there.
 */
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The zone's canonical spelling ("europe/london" → "Europe/London"), or undefined when unknown. */
export function canonicalTimeZone(value: string): string | undefined {
  const trimmed = value.trim();
  // Intl also accepts UTC offsets such as "+01:00"; those are not zones and ignore summer time.
  if (!IANA_SHAPE.test(trimmed)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Every zone to offer in a list, with `current` kept even if the runtime no longer lists it. */
export function timeZoneOptions(current?: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
