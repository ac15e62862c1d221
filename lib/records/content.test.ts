import { describe, expect, it } from 'vitest';
import type { RecordContent } from '@/db/schema/records';
import { changedSections, isOverdue, openItems, recordContentInput, startingContent } from './content';
import type { Participant } from './participants';

const robin: Participant = {
  key: 'p:00000000-0000-4000-8000-000000000001',
  kind: 'person',
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Robin Hale',
  invited: true,
  presence: 'came',
  coveringFor: null,
  maySeeSharedRecords: true,
};
const dana: Participant = {
  ...robin,
  key: 'm:00000000-0000-4000-8000-000000000002',
  kind: 'member',
  name: 'Dana Hale',
};
const absent: Participant = {
  ...robin,
  key: 'm:00000000-0000-4000-8000-000000000003',
  kind: 'member',
  name: 'Kit Lowe',
  presence: 'apologies',
};

const empty: RecordContent = {
  voices: [],
  reflections: { held: null, said: '', response: '' },
  decisions: [],
  openQuestions: [],
  actions: [],
  nextMeeting: { when: '', where: '', who: '' },
};

describe('the record form', () => {
  const input = recordContentInput([robin, dana]);

  it('keeps each voice apart and each stance with its own words', () => {
    const parsed = input.parse({
      [`voice.${robin.key}`]: ' I want to sleep. ',
      [`voice.${dana.key}`]: 'I worry at night.',
      'decision.0.decision': 'Two weeks without tablets',
      'decision.0.options': '',
      [`decision.0.stance.${robin.key}`]: 'agrees',
      [`decision.0.words.${robin.key}`]: '',
      [`decision.0.stance.${dana.key}`]: 'disagrees',
      [`decision.0.words.${dana.key}`]: 'Not before winter ends',
      'decision.1.decision': '',
      'decision.1.options': '',
      readBack: 'on',
    });
    expect(parsed.content.voices.map((v) => v.words)).toEqual(['I want to sleep.', 'I worry at night.']);
    expect(parsed.content.decisions).toHaveLength(1);
    expect(parsed.content.decisions[0]!.stances[1]).toMatchObject({
      name: 'Dana Hale',
      stance: 'disagrees',
      words: 'Not before winter ends',
    });
    expect(parsed.readBack).toBe(true);
  });

  it('asks for a disagreement in the person’s own words, beside that field', () => {
    const result = input.safeParse({
      'decision.0.decision': 'Two weeks',
      [`decision.0.stance.${dana.key}`]: 'disagrees',
      [`decision.0.words.${dana.key}`]: '',
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: [`decision.0.words.${dana.key}`],
      message: 'Write what Dana Hale disagrees with, in their own words',
    });
  });

  it('names the field of an action without a person, and of a bad date', () => {
    const result = input.safeParse({
      'action.0.who': '',
      'action.0.what': 'Call the college',
      'action.0.byWhen': '14/03/2027',
    });
    expect(result.error!.issues.map((i) => i.path[0])).toEqual(['action.0.byWhen', 'action.0.who']);
  });

  it('drops rows left blank and ignores voices of people who were not there', () => {
    const parsed = input.parse({
      'question.0.text': '',
      'action.0.who': '',
      'action.0.what': '',
      'voice.u:nobody': 'x',
    });
    expect(parsed.content).toMatchObject({ voices: [], openQuestions: [], actions: [] });
  });
});

describe('what carries over from one record to the next', () => {
  const first = {
    meetingId: 'm1',
    startsAt: new Date('2027-01-05T10:00:00Z'),
    content: {
      ...empty,
      actions: [
        { who: 'Sam', what: 'Find the timetable', byWhen: '2027-01-12', done: false },
        { who: 'Dana', what: 'Call the GP', byWhen: null, done: false },
      ],
      openQuestions: [{ question: 'College in January?', revisitOn: '2027-01-20', resolved: false }],
    },
  };
  const second = {
    meetingId: 'm2',
    startsAt: new Date('2027-01-12T10:00:00Z'),
    content: { ...empty, actions: [{ who: 'dana', what: 'Call the GP ', byWhen: null, done: true }] },
  };

  it('keeps what is still open, and closes what a later record marks done', () => {
    const open = openItems([first, second]);
    expect(open.actions.map((a) => a.what)).toEqual(['Find the timetable']);
    expect(open.questions.map((q) => q.question)).toEqual(['College in January?']);
  });

  it('starts a new record with a voice for each person who came and the open items', () => {
    const start = startingContent([robin, dana, absent], openItems([first, second]));
    expect(start.voices.map((v) => v.name)).toEqual(['Robin Hale', 'Dana Hale']);
    expect(start.actions).toEqual([{ who: 'Sam', what: 'Find the timetable', byWhen: '2027-01-12', done: false }]);
  });

  it('marks a date before today overdue, and today or later not', () => {
    expect(isOverdue('2027-01-12', '2027-01-13')).toBe(true);
    expect(isOverdue('2027-01-13', '2027-01-13')).toBe(false);
    expect(isOverdue(null, '2027-01-13')).toBe(false);
  });
});

describe('what an amendment changed', () => {
  it('names only the sections that differ, with the lines before and after', () => {
    const before = { ...empty, decisions: [{ options: '', decision: 'Two weeks', stances: [] }] };
    const after = { ...empty, decisions: [{ options: '', decision: 'One week', stances: [] }] };
    expect(changedSections(before, after)).toEqual([
      { section: 'decisions', before: ['Decided: Two weeks'], after: ['Decided: One week'] },
    ]);
  });
});
