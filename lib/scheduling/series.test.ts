import { describe, expect, it } from 'vitest';
import type { PractitionerCalendar } from './free-slots';
import { checkOccurrences, freeToJoin, leftOut, leftOutSentence, occurrenceStarts, shiftedStarts } from './series';

const london = 'Europe/London';
const t = (s: string) => Date.parse(s);
const iso = (ms: number) => new Date(ms).toISOString();
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

describe('occurrence starts', () => {
  it('keeps a weekly 10:00 meeting at 10:00 London time across the October change', () => {
    // Thursdays 15, 22 and 29 October 2026; clocks go back on Sunday 25 October.
    const starts = occurrenceStarts(t('2026-10-15T09:00:00Z'), 'weekly', 3, london);
    expect(starts.map(iso)).toEqual([
      '2026-10-15T09:00:00.000Z',
      '2026-10-22T09:00:00.000Z',
      '2026-10-29T10:00:00.000Z',
    ]);
  });

  it('gives five days in a row for a daily crisis series, across the March change', () => {
    // Friday 27 March 2026 at 14:00 GMT; from Sunday 29 March London is on BST.
    const starts = occurrenceStarts(t('2026-03-27T14:00:00Z'), 'daily', 5, london);
    expect(starts.map(iso)).toEqual([
      '2026-03-27T14:00:00.000Z',
      '2026-03-28T14:00:00.000Z',
      '2026-03-29T13:00:00.000Z',
      '2026-03-30T13:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
    ]);
  });

  it('moves the rest of a series by the same change of day and time', () => {
    const starts = occurrenceStarts(t('2026-10-15T09:00:00Z'), 'weekly', 3, london);
    // The first moves from Thursday 10:00 to Friday 14:30 (BST): every one moves to Friday 14:30 London time.
    const moved = shiftedStarts(starts, starts[0]!, t('2026-10-16T13:30:00Z'), london);
    expect(moved.map(iso)).toEqual([
      '2026-10-16T13:30:00.000Z',
      '2026-10-23T13:30:00.000Z',
      '2026-10-30T14:30:00.000Z',
    ]);
  });
});

describe('checking a series before it is saved', () => {
  const starts = occurrenceStarts(t('2026-01-12T10:00:00Z'), 'weekly', 4, london); // Mondays from 12 January (GMT)

  it('lists the occurrences that clash, with who and why, and free alternatives that day', () => {
    const a = practitioner('Asha', { busy: [{ start: t('2026-01-19T09:30:00Z'), end: t('2026-01-19T11:30:00Z') }] });
    const b = practitioner('Ben', {
      absences: [{ start: t('2026-01-26T00:00:00Z'), end: t('2026-01-27T00:00:00Z'), reason: 'leave' }],
    });
    const checks = checkOccurrences({
      starts,
      durationMinutes: 60,
      travelMinutes: 0,
      required: [a, b],
      zone: london,
      earliestStart: 0,
    });
    expect(checks.map((c) => c.problems)).toEqual([[], ['Asha is in another meeting'], ['Ben is away (leave)'], []]);
    // Asha is busy 09:30–11:30 on the 19th, so the nearest free hours are from 11:30 on.
    expect(checks[1]!.alternatives.map((s) => iso(s.start))).toEqual([
      '2026-01-19T11:30:00.000Z',
      '2026-01-19T12:30:00.000Z',
      '2026-01-19T13:30:00.000Z',
    ]);
    expect(checks[2]!.alternatives).toEqual([]);
    expect(checks[0]!.alternatives).toEqual([]);
  });

  it('says when someone is not working at that time', () => {
    const late = occurrenceStarts(t('2026-01-12T16:30:00Z'), 'daily', 1, london);
    const [check] = checkOccurrences({
      starts: late,
      durationMinutes: 60,
      travelMinutes: 0,
      required: [practitioner('Cara')],
      zone: london,
      earliestStart: 0,
    });
    expect(check!.problems).toEqual(['Cara is not working then']);
  });

  it('finds occurrences that overlap each other once travel is kept free', () => {
    const daily = [t('2026-01-12T10:00:00Z'), t('2026-01-12T11:15:00Z')];
    const checks = checkOccurrences({
      starts: daily,
      durationMinutes: 60,
      travelMinutes: 30,
      required: [practitioner('Dev')],
      zone: london,
      earliestStart: 0,
    });
    expect(checks.every((c) => c.problems.includes('It overlaps another meeting of this series'))).toBe(true);
  });

  it('refuses occurrences inside the minimum notice', () => {
    const checks = checkOccurrences({
      starts,
      durationMinutes: 60,
      travelMinutes: 0,
      required: [practitioner('Eve')],
      zone: london,
      earliestStart: t('2026-01-13T00:00:00Z'),
    });
    expect(checks[0]!.problems).toEqual(['This time has passed or is inside the minimum notice']);
    expect(checks[1]!.problems).toEqual([]);
  });
});

describe('those welcome to join', () => {
  // Tuesday 3 March 2026, 10:00–11:00 London (GMT).
  const slot = { start: t('2026-03-03T10:00:00Z'), end: t('2026-03-03T11:00:00Z') };

  it('join only where they are free for the whole meeting, travel included', () => {
    const free = practitioner('sam');
    const busy = practitioner('priya', {
      busy: [{ start: t('2026-03-03T10:30:00Z'), end: t('2026-03-03T11:30:00Z') }],
    });
    const away = practitioner('tom', {
      absences: [{ start: t('2026-03-03T00:00:00Z'), end: t('2026-03-04T00:00:00Z'), reason: 'leave' }],
    });
    const tight = practitioner('maya', {
      busy: [{ start: t('2026-03-03T09:00:00Z'), end: t('2026-03-03T09:45:00Z') }],
    });
    expect(freeToJoin([free, busy, away, tight], slot, 0)).toEqual(['sam', 'maya']);
    // With 30 minutes' travel either side, Maya's earlier meeting is in the way.
    expect(freeToJoin([free, tight], slot, 30)).toEqual(['sam']);
  });

  it('who was left out of any meeting is named once, in the words of the confirmation', () => {
    expect(leftOut(['sam', 'priya'], [['sam', 'priya'], ['sam']])).toEqual(['priya']);
    expect(leftOut(['sam'], [['sam']])).toEqual([]);
    expect(leftOutSentence([], 1)).toBeUndefined();
    expect(leftOutSentence(['Sam Patel'], 1)).toBe('Sam Patel was not added: not free then.');
    expect(leftOutSentence(['Sam Patel', 'Priya Shah', 'Tom Reilly'], 3)).toBe(
      'Sam Patel, Priya Shah and Tom Reilly were not added to every meeting: not free at some of the times.',
    );
  });
});
