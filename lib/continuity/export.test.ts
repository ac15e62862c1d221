import { describe, expect, it } from 'vitest';
import { csvField, meetingsCsv, meetingsHeader, peopleCsv, peopleHeader, pseudonym, type ExportPerson } from './export';
import type { HeldMeeting } from './measures';

const meeting = (day: string, came: string[]): HeldMeeting => ({
  id: day,
  startsAt: new Date(`${day}T10:00:00Z`),
  day,
  came,
  missed: [],
  coreTeam: ['A', 'B'],
  peersCame: [],
  membersCame: ['m1'],
  membersMissed: [],
  personCame: true,
});
const robin: ExportPerson = {
  id: 'p1',
  label: 'Robin, "Rob" Ellis',
  referralAt: new Date('2027-01-03T10:00:00Z'),
  status: 'active',
  meetings: [meeting('2027-01-04', ['A', 'B']), meeting('2027-01-11', ['A'])],
  flags: ['no_recent', 'no_peer'],
};

describe('the continuity export', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');
  });

  it('names people by a pseudonym that is stable within a team and differs between teams', () => {
    const a = pseudonym('team-1', 'p1', 'secret');
    expect(a).toMatch(/^P-[0-9A-F]{10}$/);
    expect(pseudonym('team-1', 'p1', 'secret')).toBe(a);
    expect(pseudonym('team-2', 'p1', 'secret')).not.toBe(a);
    expect(pseudonym('team-1', 'p2', 'secret')).not.toBe(a);
  });

  it('gives one row per person and per meeting under a header that says what each column is', () => {
    const people = peopleCsv([robin]).trimEnd().split('\r\n');
    expect(people).toHaveLength(2);
    expect(people[0]!.split(',').length).toBeGreaterThanOrEqual(peopleHeader.length);
    expect(people[1]).toBe(
      '"Robin, ""Rob"" Ellis",2027-01-03T10:00:00.000Z,active,2,24,7,7,1,0.5,0,1,0.333,0.5,1,0.5,1,1,1,no_recent no_peer',
    );
    const meetings = meetingsCsv([robin]).trimEnd().split('\r\n');
    expect(meetings).toHaveLength(3);
    expect(meetings[0]).toBe(meetingsHeader.map(csvField).join(','));
    expect(meetings[2]).toBe('"Robin, ""Rob"" Ellis",2027-01-11T10:00:00.000Z,2027-01-11,1,0,2,1,0,0,1,1');
  });
});
