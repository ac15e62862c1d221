import { describe, expect, it } from 'vitest';
import { findFreeSlots, type PractitionerCalendar } from './free-slots';

const london = 'Europe/London';
const t = (s: string) => Date.parse(s);
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));

function practitioner(id: string, extra: Partial<PractitionerCalendar> = {}): PractitionerCalendar {
  return {
    id,
    name: id,
    zone: london,
    isPeer: false,
    isCore: true,
    pattern: weekdays,
    absences: [],
    busy: [],
    ...extra,
  };
}

// Monday 12 January 2026 (GMT, so UTC = London time).
const monday = { start: t('2026-01-12T00:00:00Z'), end: t('2026-01-13T00:00:00Z') };
const base = { window: monday, durationMinutes: 60, travelMinutes: 0, earliestStart: monday.start, limit: 20 };

describe('free slots', () => {
  it('offers every free hour of the day around an existing meeting, earliest first', () => {
    const a = practitioner('A', { busy: [{ start: t('2026-01-12T10:00:00Z'), end: t('2026-01-12T11:00:00Z') }] });
    const { slots } = findFreeSlots({ ...base, required: [a, practitioner('B')] });
    expect(slots.map((s) => hhmm(s.start))).toEqual(['09:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
  });

  it('keeps travel time free around a home visit', () => {
    // A's earlier home visit 10:00–11:00 is busy 09:30–11:30 with its own travel.
    const a = practitioner('A', { busy: [{ start: t('2026-01-12T09:30:00Z'), end: t('2026-01-12T11:30:00Z') }] });
    const { slots } = findFreeSlots({ ...base, required: [a], travelMinutes: 30 });
    // Working 09:00–17:00, minus 09:30–11:30, with 30 minutes either side of the new visit: 12:00 to 16:30.
    expect(hhmm(slots[0]!.start)).toBe('12:00');
    expect(hhmm(slots[slots.length - 1]!.end)).toBe('16:00');
    expect(slots.every((s) => s.start >= t('2026-01-12T12:00:00Z') && s.end <= t('2026-01-12T16:30:00Z'))).toBe(true);
  });

  it('respects an absence that runs across midnight', () => {
    const a = practitioner('A', {
      absences: [{ start: t('2026-01-12T22:00:00Z'), end: t('2026-01-13T10:00:00Z'), reason: 'sickness' }],
    });
    const tuesday = { start: t('2026-01-13T00:00:00Z'), end: t('2026-01-14T00:00:00Z') };
    const { slots } = findFreeSlots({ ...base, window: tuesday, earliestStart: tuesday.start, required: [a] });
    expect(hhmm(slots[0]!.start)).toBe('10:00');
  });

  it('finds 09:00 local on the day the clocks go forward', () => {
    const sunday = { start: t('2026-03-29T00:00:00Z'), end: t('2026-03-30T00:00:00Z') };
    const a = practitioner('A', { pattern: [{ weekday: 7, startMinute: 9 * 60, endMinute: 12 * 60 }] });
    const { slots } = findFreeSlots({ ...base, window: sunday, earliestStart: sunday.start, required: [a] });
    expect(slots.map((s) => hhmm(s.start))).toEqual(['08:00', '09:00', '10:00']);
  });

  it('finds 09:00 local on the day the clocks go back', () => {
    const sunday = { start: t('2026-10-25T00:00:00Z'), end: t('2026-10-26T00:00:00Z') };
    const a = practitioner('A', { pattern: [{ weekday: 7, startMinute: 9 * 60, endMinute: 11 * 60 }] });
    const { slots } = findFreeSlots({ ...base, window: sunday, earliestStart: sunday.start, required: [a] });
    expect(slots.map((s) => hhmm(s.start))).toEqual(['09:00', '10:00']);
  });

  it('meets a practitioner in another zone on their own working hours', () => {
    // Berlin 09:00–17:00 is 08:00–16:00 UTC in January; London 09:00–17:00 is 09:00–17:00 UTC.
    const { slots } = findFreeSlots({
      ...base,
      required: [practitioner('London'), practitioner('Berlin', { zone: 'Europe/Berlin' })],
    });
    expect(slots.map((s) => hhmm(s.start))).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00']);
  });

  it('ranks the complete core team, a peer worker and the person’s preferred times first', () => {
    const peer = practitioner('Peer', {
      isPeer: true,
      busy: [{ start: t('2026-01-12T09:00:00Z'), end: t('2026-01-12T13:00:00Z') }],
    });
    const prefs = { weekdays: [1], fromMinute: 15 * 60, toMinute: 17 * 60, zone: london };
    const { slots } = findFreeSlots({
      ...base,
      required: [practitioner('Lead')],
      optional: [peer],
      preferences: prefs,
      limit: 5,
    });
    expect(slots.map((s) => [hhmm(s.start), s.coreComplete, s.peerPresent, s.suitsPerson])).toEqual([
      ['15:00', true, true, true],
      ['16:00', true, true, true],
      ['13:00', true, true, false],
      ['14:00', true, true, false],
      ['09:00', false, false, false],
    ]);
    expect(slots[0]!.optionalFree).toEqual(['Peer']);
  });

  it('keeps the minimum notice', () => {
    const { slots } = findFreeSlots({
      ...base,
      required: [practitioner('A')],
      earliestStart: t('2026-01-12T13:10:00Z'),
    });
    expect(hhmm(slots[0]!.start)).toBe('13:15');
  });

  it('says who is away when nothing fits', () => {
    const away = practitioner('Priya', {
      absences: [{ start: t('2026-01-11T00:00:00Z'), end: t('2026-01-17T00:00:00Z'), reason: 'leave' }],
    });
    const { slots, reasons } = findFreeSlots({ ...base, required: [practitioner('Alex'), away] });
    expect(slots).toEqual([]);
    expect(reasons.map((r) => r.message)).toEqual([
      'Priya is away (leave) from Sun 11 Jan to Fri 16 Jan.',
      'Priya has no free 60 minutes in these dates.',
    ]);
  });

  it('says when two people are never free together, and when someone is fully booked', () => {
    const mondays = practitioner('Mo', { pattern: [{ weekday: 1, startMinute: 9 * 60, endMinute: 12 * 60 }] });
    const afternoons = practitioner('Af', { pattern: [{ weekday: 1, startMinute: 13 * 60, endMinute: 17 * 60 }] });
    expect(findFreeSlots({ ...base, required: [mondays, afternoons] }).reasons.map((r) => r.message)).toEqual([
      'Mo and Af are never free at the same time for 60 minutes in these dates.',
    ]);
    const booked = practitioner('Bo', { busy: [{ start: t('2026-01-12T09:00:00Z'), end: t('2026-01-12T16:30:00Z') }] });
    expect(findFreeSlots({ ...base, required: [booked] }).reasons.map((r) => r.message)).toEqual([
      'Bo has no free 60 minutes in these dates: their working time is mostly booked.',
    ]);
    const off = practitioner('Off', { pattern: [{ weekday: 3, startMinute: 540, endMinute: 1020 }] });
    expect(findFreeSlots({ ...base, required: [off] }).reasons[0]!.message).toBe(
      'Off has no working hours in these dates.',
    );
  });
});
