import { placeDescription } from '@/lib/meetings/labels';
import { relationshipLabel } from '@/lib/people/labels';
import type { InvitationView, OthersComing, Response } from '@/db/queries/invitations';
import type { ReaderView } from '@/lib/records/reader-view';
import { escapeHtml } from './html';
import { whenText } from './messages';
import { notesHtml, type StatementError } from './record-page';

/**
 * The public invitation page as plain HTML: no JavaScript at all, big buttons, readable on a
 * small phone, and nothing but what this invitee may know. It is rendered here rather than by
 * React so the page costs the family member nothing to load and the server very little.
 */

const styles = `
:root { color-scheme: light; --text: #1c2421; --muted: #4f5d57; --line: #d5dcd8; --accent: #1f6f54; --soft: #e7f2ed; --warn: #fdf4e3; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.125rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #f6f8f7; }
main { max-width: 34rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0 0 0.75rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 1rem 1.1rem; margin-bottom: 1rem; }
dl { margin: 0; display: grid; gap: 0.15rem 0.75rem; grid-template-columns: max-content 1fr; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
ul { margin: 0; padding-left: 1.2rem; }
.answers { display: grid; gap: 0.75rem; margin: 1rem 0; }
.answers button { font: inherit; font-weight: 700; font-size: 1.2rem; min-height: 3.5rem; border-radius: 12px; border: 2px solid var(--accent); background: #fff; color: var(--accent); cursor: pointer; }
.answers button.yes { background: var(--accent); color: #fff; }
.answers button[aria-pressed="true"] { outline: 4px solid #9fd0bb; outline-offset: 2px; }
label { display: block; font-weight: 600; margin: 0.5rem 0 0.35rem; }
textarea { width: 100%; font: inherit; padding: 0.6rem; border: 1px solid #8a9792; border-radius: 8px; min-height: 5rem; }
.hint { color: var(--muted); font-size: 1rem; font-weight: 400; }
.error { color: #a12a1c; font-weight: 600; }
.status { background: var(--soft); border-radius: 12px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
.notice { background: var(--warn); border-radius: 12px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
a { color: var(--accent); }
.calendar { display: inline-block; margin-top: 0.25rem; padding: 0.6rem 0; font-weight: 600; }
:focus-visible { outline: 3px solid #1b5e8c; outline-offset: 2px; }
h3 { font-size: 1.1rem; margin: 0 0 0.5rem; }
.label { font-weight: 600; }
.items { margin: 0; padding-left: 1.2rem; } .items > li { margin-bottom: 0.75rem; }
.stances { list-style: none; padding: 0; } .stances li { margin-bottom: 0.5rem; }
blockquote { margin: 0.25rem 0 0.5rem; padding: 0.4rem 0.75rem; border-left: 4px solid var(--accent); background: var(--soft); border-radius: 4px; }
.words { white-space: pre-line; overflow-wrap: anywhere; }
.voices { list-style: none; padding: 0; display: grid; gap: 0.75rem; } .voices li { border-left: 4px solid var(--line); padding-left: 0.75rem; }
.voices .name { font-weight: 700; margin-bottom: 0.25rem; }
.say { margin-top: 0.75rem; border-top: 1px solid var(--line); padding-top: 0.5rem; }
.say summary { cursor: pointer; color: var(--accent); font-weight: 600; min-height: 2.75rem; display: flex; align-items: center; }
.say button { font: inherit; font-weight: 700; min-height: 3rem; padding: 0 1.25rem; margin-top: 0.5rem; border-radius: 12px; border: 2px solid var(--accent); background: #fff; color: var(--accent); cursor: pointer; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  form, details.say, .calendar { display: none !important; }
  .card { border: 1px solid #999; break-inside: avoid; }
}
`;

function documentHtml(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/**
 * The same kind page for every link that does not work (unknown, ended, revoked): it reveals
 * nothing. Before the meeting, and after it for reading its notes, the team can send the invitee a
 * new link (lib/invitations/reissue-link.ts).
 */
export function linkNotWorkingPage(): string {
  return documentHtml(
    'This link no longer works',
    `<h1>This link no longer works</h1>
<div class="card"><p>It may have ended after the meeting, or it may have been turned off or replaced by a newer link.</p>
<p>If you are expecting a meeting that has not happened yet, please contact the team, or the person who asked you to come. Until the meeting starts, the team can send you a new link.</p>
<p>If you were reading the notes of a meeting, the team can send you a new link to them.</p></div>`,
  );
}

export function tooManyTriesPage(): string {
  return documentHtml(
    'Please wait a moment',
    `<h1>Please wait a moment</h1><div class="card"><p>There have been too many tries from here in a short time. Please try your link again in a few minutes.</p></div>`,
  );
}

const answerText: Record<Exclude<Response, 'needs_action'>, string> = {
  accepted: 'I’ll be there',
  tentative: 'Maybe',
  declined: 'I can’t come',
};
const savedText: Record<Exclude<Response, 'needs_action'>, string> = {
  accepted: 'Thank you. You said you’ll be there.',
  tentative: 'Thank you. You said maybe: you can change this until the meeting starts.',
  declined: 'Thank you for letting us know you can’t come.',
};

export type InvitationPageInput = {
  invitation: InvitationView;
  others: OthersComing;
  now: Date;
  /** The address of this page, for the form and the calendar link. */
  path: string;
  saved?: boolean;
  error?: { message?: string; fields?: Partial<Record<'response' | 'message', string>>; typed?: string };
  /** After the meeting: what this reader may read of its notes (`readerView`); nothing when absent. */
  record?: ReaderView;
  /** After a "this isn't how I see it" was kept. */
  noted?: boolean;
  statementError?: StatementError;
};

/** Once the meeting has started or is held (or did not happen): answers are closed, the notes page is shown. */
export function isAfterStart(inv: Pick<InvitationView, 'status' | 'startsAt'>, now: Date): boolean {
  return inv.status !== 'cancelled' && (inv.status !== 'scheduled' || inv.startsAt <= now);
}

/**
 * Who else is invited: the others by first name and relationship, or, when the person would
 * rather the network did not see each other's names, only that others are invited too. The
 * team's first names always, so nobody walks in not knowing who will be there from the team.
 */
function othersList(others: OthersComing, personGivenName: string): string {
  const people = others.namesShown
    ? others.invitees.map(
        (i) =>
          `${escapeHtml(i.givenName)}${i.relationship ? ` (${escapeHtml(relationshipLabel[i.relationship].toLowerCase())})` : ''}${i.response === 'accepted' ? ', coming' : ''}`,
      )
    : [];
  const staff = others.staff.map((s) => `${escapeHtml(s.name.split(' ')[0]!)} (from the team)`);
  const all = [...people, ...staff];
  const list = all.length ? `<ul>${all.map((x) => `<li>${x}</li>`).join('')}</ul>` : '';
  const unnamed =
    !others.namesShown && others.othersInvited
      ? `<p>Some other people in ${escapeHtml(personGivenName)}’s life are invited too. Their names are not shown here.</p>`
      : '';
  return list || unnamed ? `${list}${unnamed}` : '<p>No one else yet.</p>';
}

/** The invitation itself: when and where, who else is coming, and the three answers. */
export function invitationPage(input: InvitationPageInput): string {
  const { invitation: inv, now } = input;
  const when = whenText(inv);
  const place = placeDescription(inv.locationKind, inv.locationDetail);
  const details = `<div class="card"><dl>
<dt>When</dt><dd>${escapeHtml(when)}</dd>
<dt>Where</dt><dd>${escapeHtml(place)}${inv.videoUrl && inv.status === 'scheduled' && inv.endsAt > now ? `<br><a href="${escapeHtml(inv.videoUrl)}" rel="noreferrer">Join by video</a>` : ''}</dd>
</dl></div>`;
  const greeting = `<p>Hello ${escapeHtml(inv.inviteeGivenName)},</p>`;

  // The person is told of their own meeting; a network member is asked to a meeting with them.
  const team = `the ${escapeHtml(inv.teamName)}`;
  const theMeeting = inv.inviteeIsPerson
    ? `Your network meeting with ${team}`
    : `The meeting with ${escapeHtml(inv.personGivenName)} and ${team}`;

  if (inv.status === 'cancelled') {
    return documentHtml(
      'Meeting cancelled',
      `<h1>This meeting is cancelled</h1>${greeting}<div class="notice" role="status"><p>${theMeeting} will not take place. Nothing else is needed from you.</p></div>${details}<p><a class="calendar" href="${escapeHtml(input.path)}/calendar.ics">Remove it from my calendar</a></p>`,
    );
  }
  if (isAfterStart(inv, now)) {
    const heading =
      inv.status === 'held' || (inv.status === 'scheduled' && inv.endsAt <= now)
        ? 'This meeting has taken place'
        : inv.status === 'scheduled'
          ? 'This meeting has started'
          : 'This meeting has passed';
    const record = input.record ?? { state: 'nothing' as const };
    return documentHtml(
      record.state === 'record' ? 'Notes from the meeting' : 'Meeting',
      `<h1>${heading}</h1>${greeting}<p>Answers are closed now. Thank you.</p>
${details}
${notesHtml({
  view: record,
  isPerson: inv.inviteeIsPerson,
  timeZone: inv.timeZone,
  expiresAt: inv.expiresAt,
  path: input.path,
  noted: input.noted,
  statementError: input.statementError,
})}
<p class="hint">This link is personal to you. Please do not share it.</p>`,
    );
  }

  const answered = inv.response !== 'needs_action' ? inv.response : null;
  const status =
    input.saved && answered
      ? `<div class="status" role="status"><p>${escapeHtml(savedText[answered])}</p></div>`
      : answered
        ? `<div class="status"><p>Your answer: <strong>${escapeHtml(answerText[answered])}</strong>. You can change it until the meeting starts.</p></div>`
        : '';
  const error = input.error?.message
    ? `<div class="notice" role="alert"><p class="error">${escapeHtml(input.error.message)}</p></div>`
    : '';
  const responseError = input.error?.fields?.response
    ? `<p class="error" id="response-error">${escapeHtml(input.error.fields.response)}</p>`
    : '';
  const messageError = input.error?.fields?.message
    ? `<p class="error" id="message-error">${escapeHtml(input.error.fields.message)}</p>`
    : '';
  const typed = input.error?.typed ?? inv.message ?? '';
  const button = (value: Exclude<Response, 'needs_action'>, cls: string) =>
    `<button type="submit" name="response" value="${value}" class="${cls}" aria-pressed="${answered === value}">${escapeHtml(answerText[value])}</button>`;

  const ask = inv.inviteeIsPerson
    ? {
        title: 'Will you be there?',
        heading: 'Your network meeting',
        intro: `Your network meeting with ${team} is booked. The meeting is for you. Will you be there?`,
      }
    : {
        title: 'Can you come?',
        heading: `Can you come to the meeting with ${escapeHtml(inv.personGivenName)}?`,
        intro: `${escapeHtml(inv.personGivenName)} and ${team} would like you to come.`,
      };

  return documentHtml(
    ask.title,
    `<h1>${ask.heading}</h1>
${greeting}
<p>${ask.intro}</p>
${status}${error}
${details}
<form method="post" action="${escapeHtml(input.path)}">
<label for="message">A message for the team <span class="hint">(optional)</span></label>
<textarea id="message" name="message" maxlength="500"${messageError ? ' aria-invalid="true" aria-describedby="message-error"' : ''}>${escapeHtml(typed)}</textarea>
${messageError}
${responseError}
<div class="answers" role="group" aria-label="Your answer"${responseError ? ' aria-describedby="response-error"' : ''}>
${button('accepted', 'yes')}
${button('tentative', '')}
${button('declined', '')}
</div>
</form>
<p><a class="calendar" href="${escapeHtml(input.path)}/calendar.ics">Add to my calendar</a></p>
<h2>Who else is invited</h2>
<div class="card">${othersList(input.others, inv.personGivenName)}</div>
<p class="hint">This link is personal to you. Please do not share it.</p>`,
  );
}
