import { z } from 'zod';
import { recordSections, type RecordContent, type RecordSection, type Stance } from '@/db/schema/records';

export { recordSections };
import { wasThere, type Participant } from './participants';

export const stanceLabel: Record<Stance, string> = {
  agrees: 'Agrees',
  disagrees: 'Disagrees',
  unsure: 'Unsure',
  did_not_say: 'Did not say',
};
export const stances = Object.keys(stanceLabel) as Stance[];

export const sectionLabel: Record<RecordSection, string> = {
  voices: 'What each person said',
  reflections: 'Reflections',
  decisions: 'What was decided',
  open_questions: 'What is still open',
  actions: 'Who will do what',
  next_meeting: 'Next meeting',
};

export type OpenAction = RecordContent['actions'][number] & { meetingId: string; meetingStartsAt: Date };
export type OpenQuestion = RecordContent['openQuestions'][number] & { meetingId: string; meetingStartsAt: Date };

const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Open actions and questions across a person's records, newest record first: an item carried
 * into a later record is the same item there (matched by its words), so a later record that
 * marks it done or answered closes it.
 */
export function openItems(records: readonly { meetingId: string; startsAt: Date; content: RecordContent }[]): {
  actions: OpenAction[];
  questions: OpenQuestion[];
} {
  const seenActions = new Set<string>();
  const seenQuestions = new Set<string>();
  const actions: OpenAction[] = [];
  const questions: OpenQuestion[] = [];
  const newestFirst = [...records].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  for (const r of newestFirst) {
    for (const a of r.content.actions ?? []) {
      const key = `${normal(a.who)}|${normal(a.what)}`;
      if (seenActions.has(key)) continue;
      seenActions.add(key);
      if (!a.done) actions.push({ ...a, meetingId: r.meetingId, meetingStartsAt: r.startsAt });
    }
    for (const q of r.content.openQuestions ?? []) {
      const key = normal(q.question);
      if (seenQuestions.has(key)) continue;
      seenQuestions.add(key);
      if (!q.resolved) questions.push({ ...q, meetingId: r.meetingId, meetingStartsAt: r.startsAt });
    }
  }
  return { actions, questions };
}

/** Whether a date ('YYYY-MM-DD') is before today's date where the team is. */
export function isOverdue(day: string | null, today: string): boolean {
  return day !== null && day < today;
}

/**
 * A new record: a voice for everyone who came, and the open actions and questions carried over
 * from the person's earlier records.
 */
export function startingContent(
  participants: readonly Participant[],
  carried: { actions: readonly OpenAction[]; questions: readonly OpenQuestion[] },
): RecordContent {
  return {
    voices: participants.filter((p) => wasThere(p.presence)).map((p) => ({ key: p.key, name: p.name, words: '' })),
    reflections: { held: null, said: '', response: '' },
    decisions: [],
    openQuestions: carried.questions.map((q) => ({ question: q.question, revisitOn: q.revisitOn, resolved: false })),
    actions: carried.actions.map((a) => ({ who: a.who, what: a.what, byWhen: a.byWhen, done: false })),
    nextMeeting: { when: '', where: '', who: '' },
  };
}

const dateField = z.union([z.literal(''), z.iso.date({ error: 'Use a date like 2027-03-14' })]);
const text = (max: number, what: string) =>
  z
    .string()
    .max(max, `Please keep ${what} under ${max.toLocaleString('en-GB')} characters`)
    .transform((v) => v.trim());

/**
 * The record form, flat as a browser sends it: `voice.<key>`, `decision.<n>.<field>`,
 * `decision.<n>.stance.<key>`, `question.<n>.<field>`, `action.<n>.<field>`, `next.<field>`,
 * `reflections.<field>`, `readBack`. Rows left blank are dropped; each message names its field.
 */
export function recordContentInput(participants: readonly Participant[]) {
  const names = new Map(participants.map((p) => [p.key, p.name]));
  return z.record(z.string(), z.string()).transform((form, ctx) => {
    const field = (name: string) => (form[name] ?? '').trim();
    const check = (name: string, schema: z.ZodType<string>, value = field(name)) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: [name], message: parsed.error.issues[0]!.message });
      return parsed.success ? parsed.data : value;
    };
    const indexes = (prefix: string) =>
      [
        ...new Set(
          Object.keys(form)
            .map((k) => new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(k)?.[1])
            .filter((n): n is string => n !== undefined),
        ),
      ].sort((a, b) => Number(a) - Number(b));

    const voices = Object.keys(form)
      .filter((k) => k.startsWith('voice.') && names.has(k.slice(6)))
      .map((k) => ({ key: k.slice(6), name: names.get(k.slice(6))!, words: check(k, text(20_000, 'each voice')) }));

    const held = field('reflections.held');
    const reflections = {
      held: held === 'yes' ? true : held === 'no' ? false : null,
      said: check('reflections.said', text(20_000, 'the reflections')),
      response: check('reflections.response', text(20_000, 'the response')),
    };

    const decisions: RecordContent['decisions'] = [];
    for (const n of indexes('decision')) {
      const p = `decision.${n}`;
      const options = check(`${p}.options`, text(5_000, 'the options'));
      const decision = check(`${p}.decision`, text(5_000, 'the decision'));
      const stanceRows = [...names.keys()]
        .filter((key) => form[`${p}.stance.${key}`] !== undefined)
        .map((key) => {
          const raw = field(`${p}.stance.${key}`);
          const stance = (stances as string[]).includes(raw) ? (raw as Stance) : 'did_not_say';
          const words = check(`${p}.words.${key}`, text(5_000, 'their words'));
          if (stance === 'disagrees' && !words)
            ctx.addIssue({
              code: 'custom',
              path: [`${p}.words.${key}`],
              message: `Write what ${names.get(key)} disagrees with, in their own words`,
            });
          return { key, name: names.get(key)!, stance, words };
        });
      const anyStance = stanceRows.some((s) => s.stance !== 'did_not_say' || s.words);
      if (!options && !decision && !anyStance) continue;
      if (!decision)
        ctx.addIssue({ code: 'custom', path: [`${p}.decision`], message: 'Write what was decided together' });
      decisions.push({ options, decision, stances: stanceRows });
    }

    const openQuestions: RecordContent['openQuestions'] = [];
    for (const n of indexes('question')) {
      const p = `question.${n}`;
      const question = check(`${p}.text`, text(2_000, 'the question'));
      const revisitOn = check(`${p}.revisitOn`, dateField);
      if (!question) {
        if (revisitOn)
          ctx.addIssue({ code: 'custom', path: [`${p}.text`], message: 'Write the question, or clear its date' });
        continue;
      }
      openQuestions.push({ question, revisitOn: revisitOn || null, resolved: field(`${p}.resolved`) === 'on' });
    }

    const actions: RecordContent['actions'] = [];
    for (const n of indexes('action')) {
      const p = `action.${n}`;
      const who = check(`${p}.who`, text(200, 'who'));
      const what = check(`${p}.what`, text(2_000, 'the action'));
      const byWhen = check(`${p}.byWhen`, dateField);
      if (!who && !what) {
        if (byWhen)
          ctx.addIssue({ code: 'custom', path: [`${p}.what`], message: 'Write the action, or clear its date' });
        continue;
      }
      if (!what) ctx.addIssue({ code: 'custom', path: [`${p}.what`], message: 'Write what will be done' });
      if (!who) ctx.addIssue({ code: 'custom', path: [`${p}.who`], message: 'Say who will do it' });
      actions.push({ who, what, byWhen: byWhen || null, done: field(`${p}.done`) === 'on' });
    }

    const nextMeeting = {
      when: check('next.when', text(500, 'when')),
      where: check('next.where', text(500, 'where')),
      who: check('next.who', text(1_000, 'who will be invited')),
    };
    const content: RecordContent = { voices, reflections, decisions, openQuestions, actions, nextMeeting };
    return { content, readBack: field('readBack') === 'on' };
  });
}

/** Plain-text lines of one section, for showing what an amendment changed and for readers. */
export function sectionLines(content: RecordContent, section: RecordSection): string[] {
  switch (section) {
    case 'voices':
      return content.voices.filter((v) => v.words).map((v) => `${v.name}: ${v.words}`);
    case 'reflections': {
      const r = content.reflections;
      const held = r.held === true ? 'Reflections held in the meeting' : r.held === false ? 'No reflections' : '';
      return [held, r.said && `Said: ${r.said}`, r.response && `The network's response: ${r.response}`].filter(
        (x): x is string => Boolean(x),
      );
    }
    case 'decisions':
      return content.decisions.flatMap((d) => [
        `Decided: ${d.decision}`,
        ...(d.options ? [`Options talked about: ${d.options}`] : []),
        ...d.stances
          .filter((s) => s.stance !== 'did_not_say' || s.words)
          .map((s) => `${s.name}: ${stanceLabel[s.stance]}${s.words ? `: “${s.words}”` : ''}`),
      ]);
    case 'open_questions':
      return content.openQuestions.map(
        (q) =>
          `${q.question}${q.revisitOn ? ` (come back to it by ${q.revisitOn})` : ''}${q.resolved ? ' (answered)' : ''}`,
      );
    case 'actions':
      return content.actions.map(
        (a) => `${a.who}: ${a.what}${a.byWhen ? ` (by ${a.byWhen})` : ''}${a.done ? ' (done)' : ''}`,
      );
    case 'next_meeting': {
      const n = content.nextMeeting;
      return [n.when && `When: ${n.when}`, n.where && `Where: ${n.where}`, n.who && `Who: ${n.who}`].filter(
        (x): x is string => Boolean(x),
      );
    }
  }
}

/** The sections an amendment changed, each with its lines before and after. */
export function changedSections(
  before: RecordContent,
  after: RecordContent,
): { section: RecordSection; before: string[]; after: string[] }[] {
  const sections: RecordSection[] = ['voices', 'reflections', 'decisions', 'open_questions', 'actions', 'next_meeting'];
  return sections.flatMap((section) => {
    const b = sectionLines(before, section);
    const a = sectionLines(after, section);
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ section, before: b, after: a }];
  });
}
