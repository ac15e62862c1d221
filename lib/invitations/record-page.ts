import type { RecordContent, RecordSection, Stance } from '@/db/schema/records';
import { sectionLabel } from '@/lib/records/content';
import type { ReaderView } from '@/lib/records/reader-view';
import { longDate } from '@/lib/time/format';
import { escapeHtml } from './html';

/**
 * The notes of a meeting as the holder of one personal link may read them, after the meeting:
 * plain HTML, no JavaScript, readable on a phone and printable. Only the sections `readerView`
 * gave this reader are shown; when there are none, one sentence that never says why (not shared,
 * no consent and not yet written all look the same to a network member).
 */

/** The order a reader meets the notes in: what was decided first, each voice last. */
export const readingOrder: readonly RecordSection[] = [
  'decisions',
  'open_questions',
  'actions',
  'next_meeting',
  'reflections',
  'voices',
];

/** A "this isn't how I see it" that was not kept, with the words as typed. */
export type StatementError = { section?: RecordSection; message: string; typed?: string };

export type NotesInput = {
  view: ReaderView;
  /** The person the meeting is for (told when something is held back, and when notes will appear). */
  isPerson: boolean;
  timeZone: string;
  /** When this link stops working. */
  expiresAt: Date;
  /** The address of the page, where the statement forms post. */
  path: string;
  noted?: boolean;
  statementError?: StatementError;
};

export const notedText =
  'Thank you. Your words are kept with the notes, and the team will see them. The notes themselves are not changed.';
export const noNotesText = 'There are no notes from this meeting to show you here.';
export const withheldText =
  'The team is keeping part of these notes back from you for now. You can ask the team about it.';
export const amendedText = 'These notes were corrected after the meeting.';
export const STATEMENT_MAX = 2_000;

const stanceWords: Record<Stance, string> = {
  agrees: 'agrees',
  disagrees: 'does not agree',
  unsure: 'is not sure',
  did_not_say: 'did not say',
};

const text = (value: string) => escapeHtml(value);

/** A day written as 'YYYY-MM-DD', in words: "Tuesday 1 December 2026". */
function dayInWords(day: string): string {
  const at = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? day : longDate(at, 'UTC');
}

function decisionsHtml(decisions: RecordContent['decisions']): string {
  if (decisions.length === 0) return '<p>No decisions were written down.</p>';
  const items = decisions.map((d) => {
    const stances = d.stances.map((s) => {
      const name = `<strong>${text(s.name)}</strong>`;
      if (!s.words) return `<li><p>${name} ${stanceWords[s.stance]}.</p></li>`;
      const lead =
        s.stance === 'disagrees'
          ? `${name} does not agree. In ${text(s.name)}’s own words:`
          : `${name} ${stanceWords[s.stance]}, and said:`;
      return `<li><p>${lead}</p><blockquote class="words">${text(s.words)}</blockquote></li>`;
    });
    return `<li>
<p class="decided"><span class="label">Decided:</span> ${text(d.decision)}</p>
${d.options ? `<p><span class="label">Options talked about:</span> ${text(d.options)}</p>` : ''}
${stances.length ? `<p class="label">Where each person stands</p><ul class="stances">${stances.join('')}</ul>` : ''}
</li>`;
  });
  return `<ol class="items">${items.join('')}</ol>`;
}

function questionsHtml(questions: RecordContent['openQuestions']): string {
  if (questions.length === 0) return '<p>No open questions were written down.</p>';
  const items = questions.map(
    (q) =>
      `<li><p>${text(q.question)}</p>${q.revisitOn ? `<p class="hint">To come back to by ${text(dayInWords(q.revisitOn))}</p>` : ''}${q.resolved ? '<p class="hint">Answered since.</p>' : ''}</li>`,
  );
  return `<ul class="items">${items.join('')}</ul>`;
}

function actionsHtml(actions: RecordContent['actions']): string {
  if (actions.length === 0) return '<p>No actions were written down.</p>';
  const items = actions.map(
    (a) => `<li><dl>
<dt>Who</dt><dd>${text(a.who)}</dd>
<dt>What</dt><dd>${text(a.what)}</dd>
<dt>By when</dt><dd>${a.byWhen ? text(dayInWords(a.byWhen)) : 'No date set'}</dd>
<dt>Done</dt><dd>${a.done ? 'Yes' : 'Not yet'}</dd>
</dl></li>`,
  );
  return `<ul class="items">${items.join('')}</ul>`;
}

function nextMeetingHtml(next: RecordContent['nextMeeting']): string {
  const rows = [
    ['When', next.when],
    ['Where', next.where],
    ['Who', next.who],
  ].filter(([, value]) => value);
  if (rows.length === 0) return '<p>Nothing was written down about the next meeting.</p>';
  return `<dl>${rows.map(([label, value]) => `<dt>${label}</dt><dd>${text(value!)}</dd>`).join('')}</dl>`;
}

function reflectionsHtml(r: RecordContent['reflections']): string {
  const parts = [
    r.held === true ? '<p>The team shared their reflections in the meeting.</p>' : '',
    r.held === false ? '<p>There were no reflections in this meeting.</p>' : '',
    r.said ? `<p class="label">What was said in the reflections</p><p class="words">${text(r.said)}</p>` : '',
    r.response ? `<p class="label">What the network said back</p><p class="words">${text(r.response)}</p>` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('') : '<p>Nothing was written down about reflections.</p>';
}

/** Each voice on its own, with its name: never merged into one account. */
function voicesHtml(voices: RecordContent['voices']): string {
  const said = voices.filter((v) => v.words);
  if (said.length === 0) return '<p>Nothing was written down of what each person said.</p>';
  return `<ul class="voices">${said.map((v) => `<li><p class="name">${text(v.name)}</p><p class="words">${text(v.words)}</p></li>`).join('')}</ul>`;
}

function sectionBody(content: RecordContent, section: RecordSection): string {
  switch (section) {
    case 'decisions':
      return decisionsHtml(content.decisions ?? []);
    case 'open_questions':
      return questionsHtml(content.openQuestions ?? []);
    case 'actions':
      return actionsHtml(content.actions ?? []);
    case 'next_meeting':
      return nextMeetingHtml(content.nextMeeting ?? { when: '', where: '', who: '' });
    case 'reflections':
      return reflectionsHtml(content.reflections ?? { held: null, said: '', response: '' });
    case 'voices':
      return voicesHtml(content.voices ?? []);
  }
}

const fieldId = (section: RecordSection) => `say-${section.replace(/_/g, '-')}`;

/** "This isn't how I see it": a plain form beside one section, posting to the page itself. */
function statementForm(section: RecordSection, path: string, error: StatementError | undefined): string {
  const id = fieldId(section);
  const mine = error?.section === section ? error : undefined;
  const describedBy = [`${id}-hint`, ...(mine ? [`${id}-error`] : [])].join(' ');
  return `<details class="say"${mine ? ' open' : ''}>
<summary>This isn’t how I see it</summary>
<form method="post" action="${escapeHtml(path)}">
<input type="hidden" name="intent" value="statement">
<input type="hidden" name="section" value="${section}">
<label for="${id}">In your own words: how you see “${escapeHtml(sectionLabel[section])}”</label>
<p class="hint" id="${id}-hint">Your words are kept beside the notes, with the date, and the team will see them. The notes themselves do not change. Up to ${STATEMENT_MAX.toLocaleString('en-GB')} characters.</p>
<textarea id="${id}" name="words" required maxlength="${STATEMENT_MAX}" aria-describedby="${describedBy}"${mine ? ' aria-invalid="true"' : ''}>${escapeHtml(mine?.typed ?? '')}</textarea>
${mine ? `<p class="error" id="${id}-error">${escapeHtml(mine.message)}</p>` : ''}
<button type="submit">Add my words</button>
</form>
</details>`;
}

/** How long the link works, in the meeting's zone. */
export function linkLastsText(expiresAt: Date, timeZone: string): string {
  return `This link opens these notes until ${longDate(expiresAt, timeZone)}. After that, ask the team if you would like to read them again: they can send you a new link.`;
}

/** The notes part of the page after the meeting (the caller adds the heading, greeting and when/where). */
export function notesHtml(input: NotesInput): string {
  const { view, statementError: error } = input;
  const noted = input.noted ? `<div class="status" role="status"><p>${escapeHtml(notedText)}</p></div>` : '';
  // A message beside its field when that section is on the page; otherwise here at the top.
  const beside =
    error?.section !== undefined && view.state === 'record' && view.sections.includes(error.section)
      ? error.section
      : undefined;
  const problem = error
    ? `<div class="notice" role="alert"><p class="error">${
        beside
          ? `Your words were not added yet: see the message under <a href="#${fieldId(beside)}">${escapeHtml(sectionLabel[beside])}</a>.`
          : escapeHtml(error.message)
      }</p></div>`
    : '';
  const lasts = `<p>${escapeHtml(linkLastsText(input.expiresAt, input.timeZone))}</p>`;

  if (view.state !== 'record') {
    const later = input.isPerson ? '<p>Notes appear here once the team has written and signed them.</p>' : '';
    return `${noted}${problem}<h2>Notes from the meeting</h2>
<div class="card"><p>${escapeHtml(noNotesText)}</p>${later}</div>
${lasts}`;
  }

  const sections = readingOrder.filter((s) => view.sections.includes(s));
  const about = [
    `<p>Signed by the team on ${escapeHtml(longDate(view.signedAt, input.timeZone))}.</p>`,
    view.amended ? `<p>${escapeHtml(amendedText)}</p>` : '',
  ].join('');
  const withheld =
    view.withheld && input.isPerson ? `<div class="notice"><p>${escapeHtml(withheldText)}</p></div>` : '';
  const parts = sections.map((section) => {
    const heading = `notes-${section.replace(/_/g, '-')}`;
    return `<section class="card notes" aria-labelledby="${heading}">
<h3 id="${heading}">${escapeHtml(sectionLabel[section])}</h3>
${sectionBody(view.content, section)}
${statementForm(section, input.path, error)}
</section>`;
  });
  return `${noted}${problem}<h2>Notes from the meeting</h2>
${about}
${withheld}
${parts.join('\n')}
${lasts}`;
}
