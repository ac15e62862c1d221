import { describe, expect, it } from 'vitest';
import type { InvitationView, OthersComing } from '@/db/queries/invitations';
import type { RecordContent } from '@/db/schema/records';
import type { ReaderView } from '@/lib/records/reader-view';
import { invitationPage } from './page';
import { amendedText, noNotesText, notedText, withheldText } from './record-page';

const now = new Date('2026-12-02T12:00:00Z');
const person: InvitationView = {
  id: '7d1f0c7e-3a4b-4c5d-8e9f-0a1b2c3d4e5f',
  response: 'accepted',
  message: null,
  respondedAt: null,
  // Ninety days after the meeting's end, which fell in winter time; the expiry is in summer time.
  expiresAt: new Date('2027-03-01T11:00:00Z'),
  revokedAt: null,
  networkMemberId: null,
  inviteeIsPerson: true,
  inviteeGivenName: 'Ivy',
  inviteeEmail: 'ivy@example.org',
  personGivenName: 'Ivy',
  inviteesSeeEachOther: 'names',
  meetingId: '0b7e4d52-90aa-4c1e-9d1b-3f2a6c8e5d11',
  personId: '5c3a1b20-1f2e-4d3c-8b4a-6e5f7a8b9c0d',
  teamId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  status: 'held',
  startsAt: new Date('2026-12-01T10:00:00Z'),
  endsAt: new Date('2026-12-01T11:00:00Z'),
  timeZone: 'Europe/London',
  locationKind: 'clinic',
  locationDetail: 'Riverside clinic, room 2',
  videoUrl: null,
  teamName: 'Riverside team',
};
const member: InvitationView = {
  ...person,
  networkMemberId: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5',
  inviteeIsPerson: false,
  inviteeGivenName: 'Dana',
  inviteeEmail: 'dana@example.org',
};
const others: OthersComing = { namesShown: false, othersInvited: false, staff: [] };

const content: RecordContent = {
  voices: [
    { key: 'p:ivy', name: 'Ivy', words: 'I want to try sleeping without the tablets.' },
    { key: 'm:dana', name: 'Dana', words: 'I am frightened of the nights.' },
    { key: 'u:alex', name: 'Alex', words: '' },
  ],
  reflections: { held: true, said: 'We heard how tired everyone is.', response: 'Dana said that was true.' },
  decisions: [
    {
      options: 'Keep the tablets; stop them; halve them',
      decision: 'Ivy tries two weeks without the sleeping tablets.',
      stances: [
        { key: 'p:ivy', name: 'Ivy', stance: 'agrees', words: '' },
        { key: 'm:dana', name: 'Dana', stance: 'disagrees', words: 'Not yet: not before the winter is over.' },
        { key: 'u:alex', name: 'Alex', stance: 'did_not_say', words: '' },
      ],
    },
  ],
  openQuestions: [{ question: 'Whether Ivy goes back to college', revisitOn: '2027-01-12', resolved: false }],
  actions: [{ who: 'Sam', what: 'Find the part-time timetable', byWhen: '2026-12-15', done: false }],
  nextMeeting: { when: 'In two weeks', where: 'At home', who: 'Everyone today' },
};
const everything: ReaderView = {
  state: 'record',
  meetingId: person.meetingId,
  recordId: '3f0e1d2c-4b5a-4978-8695-a4b3c2d1e0f9',
  version: 1,
  amended: false,
  signedAt: new Date('2026-12-01T16:30:00Z'),
  content,
  sections: ['voices', 'reflections', 'decisions', 'open_questions', 'actions', 'next_meeting'],
  withheld: false,
};

const page = (
  invitation: InvitationView,
  record: ReaderView,
  extra: Partial<Parameters<typeof invitationPage>[0]> = {},
) => invitationPage({ invitation, others, now, path: '/invite/abc', record, ...extra });
const headings = (html: string) => [...html.matchAll(/<h3 id="[^"]+">(.*?)<\/h3>/g)].map((m) => m[1]);
const forms = (html: string) => html.match(/<form\b/g)?.length ?? 0;

describe('the notes on the invitation page after the meeting', () => {
  it('shows the person every section, decisions first, with a disagreement in the dissenter’s own words', () => {
    const html = page(person, everything);
    expect(html).toContain('<h1>This meeting has taken place</h1>');
    expect(html).toContain('<h2>Notes from the meeting</h2>');
    expect(headings(html)).toEqual([
      'What was decided',
      'What is still open',
      'Who will do what',
      'Next meeting',
      'Reflections',
      'What each person said',
    ]);
    expect(html).toContain('<span class="label">Decided:</span> Ivy tries two weeks without the sleeping tablets.');
    expect(html).toContain('<strong>Ivy</strong> agrees.');
    expect(html).toContain('<strong>Alex</strong> did not say.');
    expect(html).toContain(
      '<strong>Dana</strong> does not agree. In Dana’s own words:</p><blockquote class="words">Not yet: not before the winter is over.</blockquote>',
    );
    // The decision comes before anyone's voice.
    expect(html.indexOf('Ivy tries two weeks')).toBeLessThan(html.indexOf('I am frightened of the nights.'));
    expect(html).toContain('To come back to by Tuesday 12 January 2027');
    expect(html).toMatch(/<dt>Who<\/dt><dd>Sam<\/dd>\s*<dt>What<\/dt><dd>Find the part-time timetable<\/dd>/);
    expect(html).toContain('<dt>By when</dt><dd>Tuesday 15 December 2026</dd>');
    expect(html).toContain('<dt>Done</dt><dd>Not yet</dd>');
    // Voices side by side, each with its own name; an empty voice is not shown.
    expect(html).toContain(
      '<ul class="voices"><li><p class="name">Ivy</p><p class="words">I want to try sleeping without the tablets.</p></li><li><p class="name">Dana</p><p class="words">I am frightened of the nights.</p></li></ul>',
    );
    expect(html).toContain('Signed by the team on Tuesday 1 December 2026.');
    expect(html).not.toContain(amendedText);
    expect(html).not.toContain(withheldText);
    expect(html).not.toContain(noNotesText);
    expect(forms(html)).toBe(6);
  });

  it('says how long the link opens the notes, as a date in the meeting’s zone', () => {
    const html = page(person, everything, {
      invitation: { ...person, expiresAt: new Date('2027-06-30T23:30:00Z') },
    });
    expect(html).toContain(
      'This link opens these notes until Thursday 1 July 2027. After that, ask the team if you would like to read them again: they can send you a new link.',
    );
  });

  it('says when the notes were corrected, and when the team keeps part of them from the person', () => {
    const html = page(person, { ...everything, amended: true, withheld: true, sections: ['voices'] });
    expect(html).toContain(amendedText);
    expect(html).toContain(withheldText);
    expect(headings(html)).toEqual(['What each person said']);
  });

  it('shows a network member only the sections they may read, each with its own form', () => {
    const html = page(member, { ...everything, sections: ['decisions'] });
    expect(html).toContain('Hello Dana,');
    expect(headings(html)).toEqual(['What was decided']);
    expect(html).not.toContain('I am frightened of the nights.');
    expect(html).not.toContain('Find the part-time timetable');
    expect(forms(html)).toBe(1);
    expect(html).toContain('<input type="hidden" name="section" value="decisions">');
  });

  it('shows a reader with nothing to read only that there are no notes, with no forms', () => {
    for (const invitation of [member, person]) {
      const html = page(invitation, { state: 'nothing' });
      expect(html).toContain(`<p>${noNotesText}</p>`);
      expect(forms(html)).toBe(0);
      expect(html).not.toMatch(/<textarea|intent|Decided:|Signed by|isn’t how I see it/);
      expect(html).toContain('This link opens these notes until');
    }
    expect(page(member, { state: 'nothing' })).not.toContain('Notes appear here');
    expect(page(person, { state: 'nothing' })).toContain(
      'Notes appear here once the team has written and signed them.',
    );
    // The same when the page is given no view at all.
    expect(invitationPage({ invitation: member, others, now, path: '/invite/abc' })).toContain(noNotesText);
  });

  it('has no script, works when printed, and hides the forms on paper', () => {
    for (const html of [
      page(person, everything),
      page(member, { state: 'nothing' }),
      page(person, everything, { noted: true }),
    ])
      expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    const printed = page(person, everything).split('@media print')[1];
    expect(printed).toContain('form, details.say, .calendar { display: none !important; }');
  });

  it('labels every statement field and posts it to the page itself with its section', () => {
    const html = page(person, everything);
    const ids = [...html.matchAll(/<textarea id="([^"]+)" name="words" required maxlength="2000"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(6);
    for (const id of ids) expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('<label for="say-decisions">In your own words: how you see “What was decided”</label>');
    expect(html.match(/<form method="post" action="\/invite\/abc">/g)).toHaveLength(6);
    expect(html.match(/<input type="hidden" name="intent" value="statement">/g)).toHaveLength(6);
    for (const key of ['voices', 'reflections', 'decisions', 'open_questions', 'actions', 'next_meeting'])
      expect(html).toContain(`<input type="hidden" name="section" value="${key}">`);
    expect(html.match(/<summary>This isn’t how I see it<\/summary>/g)).toHaveLength(6);
  });

  it('shows a statement’s problem beside its field with the words kept, and thanks once kept', () => {
    const html = page(person, everything, {
      statementError: {
        section: 'actions',
        message: 'Please keep your words under 2,000 characters',
        typed: 'Sam <b>x',
      },
    });
    expect(html).toContain('<details class="say" open>');
    expect(html.match(/<details class="say" open>/g)).toHaveLength(1);
    expect(html).toContain(
      'aria-describedby="say-actions-hint say-actions-error" aria-invalid="true">Sam &lt;b&gt;x</textarea>',
    );
    expect(html).toContain('<p class="error" id="say-actions-error">Please keep your words under 2,000 characters</p>');
    expect(html).toContain('see the message under <a href="#say-actions">Who will do what</a>');

    const thanked = page(person, everything, { noted: true });
    expect(thanked).toContain(`<div class="status" role="status"><p>${notedText}</p></div>`);
    expect(page(person, everything)).not.toContain(notedText);
  });

  it('escapes what was written in the notes', () => {
    const html = page(person, {
      ...everything,
      content: { ...content, voices: [{ key: 'p:ivy', name: '<i>Ivy</i>', words: '<script>alert(1)</script>' }] },
      sections: ['voices'],
    });
    expect(html).toContain('&lt;i&gt;Ivy&lt;/i&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('keeps the invitation and its answers before the meeting starts', () => {
    const html = invitationPage({
      invitation: {
        ...person,
        status: 'scheduled',
        startsAt: new Date('2026-12-09T10:00:00Z'),
        endsAt: new Date('2026-12-09T11:00:00Z'),
      },
      others,
      now,
      path: '/invite/abc',
      record: everything,
    });
    expect(html).toContain('<title>Will you be there?</title>');
    expect(html).not.toContain('Notes from the meeting');
    expect(html).not.toContain('intent');
  });
});
