import { describe, expect, it } from 'vitest';
import type { CalendarAbsence, CalendarMeeting } from '@/db/queries/calendar';
import { weekContaining } from './week';
import { weekEntries } from './week-entries';

const week = weekContaining('2026-03-30', 'Europe/London');
const details = {
  kind: 'network',
  status: 'scheduled',
  locationKind: 'home',
  person: { id: 'p', givenName: 'Robin', familyName: 'Ash', preferredName: null },
} as const;
const meeting = (id: string, userId: string, start: string, end: string): CalendarMeeting => ({
  id,
  userId,
  startsAt: new Date(start),
  endsAt: new Date(end),
  details,
});
const absence = (id: string, userId: string, start: string, end: string): CalendarAbsence => ({
  id,
  userId,
  startsAt: new Date(start),
  endsAt: new Date(end),
  reason: 'leave',
});

describe('a week sorted into practitioner-days', () => {
  it('shows a meeting crossing midnight on both days, marked as continued on the second', () => {
    // Tuesday 23:30 to Wednesday 00:30, British Summer Time.
    const entries = weekEntries(week, [meeting('m1', 'ann', '2026-03-31T22:30:00Z', '2026-03-31T23:30:00Z')], []);
    expect(entries.on('ann', '2026-03-31')).toEqual([
      { type: 'meeting', meeting: expect.objectContaining({ id: 'm1' }), continued: false },
    ]);
    expect(entries.on('ann', '2026-04-01')).toEqual([
      { type: 'meeting', meeting: expect.objectContaining({ id: 'm1' }), continued: true },
    ]);
    expect(entries.on('ann', '2026-04-02')).toEqual([]);
    expect(entries.on('bob', '2026-03-31')).toEqual([]);
    expect(entries.anyOn('2026-04-01')).toBe(true);
    expect(entries.anyOn('2026-04-02')).toBe(false);
  });

  it('puts absences first and meetings in time order, each practitioner apart', () => {
    const entries = weekEntries(
      week,
      [
        meeting('late', 'ann', '2026-04-02T14:00:00Z', '2026-04-02T15:00:00Z'),
        meeting('early', 'ann', '2026-04-02T08:00:00Z', '2026-04-02T09:00:00Z'),
        meeting('bobs', 'bob', '2026-04-02T10:00:00Z', '2026-04-02T11:00:00Z'),
      ],
      [absence('away', 'ann', '2026-03-26T00:00:00Z', '2026-04-02T23:00:00Z')],
    );
    expect(entries.on('ann', '2026-04-02').map((e) => (e.type === 'absence' ? e.id : e.meeting.id))).toEqual([
      'away',
      'early',
      'late',
    ]);
    expect(entries.on('bob', '2026-04-02').map((e) => (e.type === 'absence' ? e.id : e.meeting.id))).toEqual(['bobs']);
    // The leave began the week before: it covers Monday to Thursday of this one, not Friday.
    expect(
      week.days.filter((d) => entries.on('ann', d.key).some((e) => e.type === 'absence')).map((d) => d.key),
    ).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
  });
});
