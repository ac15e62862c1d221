import { describe, expect, it } from 'vitest';
import { choosePair, crisisOptions } from './crisis';
import type { PractitionerCalendar } from './free-slots';

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
    isCore: false,
    pattern: weekdays,
    absences: [],
    busy: [],
    ...extra,
  };
}

describe('choosing the pair', () => {
  it('puts a peer support worker with a clinician when both are free', () => {
    const pair = choosePair([practitioner('Ann'), practitioner('Bo'), practitioner('Pat', { isPeer: true })]);
    expect(pair!.map((p) => p.id)).toEqual(['Pat', 'Ann']);
  });

  it('prefers the core team, then whoever has fewer meetings', () => {
    const busy = [{ start: 0, end: 1 }];
    const pair = choosePair([
      practitioner('Ann', { busy }),
      practitioner('Bo'),
      practitioner('Cy', { isCore: true, busy }),
    ]);
    expect(pair!.map((p) => p.id)).toEqual(['Cy', 'Bo']);
  });

  it('needs two people', () => {
    expect(choosePair([practitioner('Ann')])).toBeNull();
  });
});

describe('crisis options', () => {
  // Referred on Monday 12 January 2026 at 15:00 (GMT): the 24-hour mark is Tuesday 15:00.
  const referral = t('2026-01-12T15:00:00Z');
  const base = {
    window: { start: referral, end: referral + 3 * 86_400_000 },
    durationMinutes: 60,
    travelMinutes: 0,
    earliestStart: referral,
    deadline: referral + 86_400_000,
  };

  it('offers the earliest times two are free before the 24-hour mark, a peer worker preferred', () => {
    const peerBusy = [{ start: t('2026-01-12T15:00:00Z'), end: t('2026-01-12T17:00:00Z') }];
    const team = [practitioner('Ann'), practitioner('Bo'), practitioner('Pat', { isPeer: true, busy: peerBusy })];
    const options = crisisOptions({ ...base, team, limit: 4 });
    const first = options[0]!;
    expect(iso(first.start)).toBe('2026-01-12T15:00:00.000Z');
    expect(first.peerIncluded).toBe(false);
    expect(first.beforeDeadline).toBe(true);
    // Tuesday morning has the peer worker.
    const tuesday = options.find((o) => iso(o.start) === '2026-01-13T09:00:00.000Z');
    expect(tuesday?.pair.map((p) => p.id)).toEqual(['Pat', 'Ann']);
    expect(options.every((o, i) => i === 0 || o.start >= options[i - 1]!.start + 3_600_000)).toBe(true);
  });

  it('marks times after the 24-hour mark when nothing fits before it', () => {
    const away = [{ start: t('2026-01-12T00:00:00Z'), end: t('2026-01-14T00:00:00Z'), reason: 'leave' }];
    const team = [practitioner('Ann', { absences: away }), practitioner('Bo'), practitioner('Cy')];
    const options = crisisOptions({ ...base, team: [team[0]!, team[1]!], limit: 2 });
    expect(options.every((o) => !o.beforeDeadline)).toBe(true);
    expect(iso(options[0]!.start)).toBe('2026-01-14T09:00:00.000Z');
  });

  it('finds nothing when fewer than two are ever free', () => {
    expect(crisisOptions({ ...base, team: [practitioner('Ann')] })).toEqual([]);
  });
});
