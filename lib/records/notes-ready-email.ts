import { escapeHtml } from '@/lib/invitations/html';

/** Why the email goes: notes signed, notes corrected, or a fresh link in place of one that ended (notes there or to come). */
export type NotesNotice = 'ready' | 'amended' | 'new link' | 'new link, notes to come';

const wording: Record<NotesNotice, { subject: string; opening: string }> = {
  ready: {
    subject: 'Notes from your meeting are ready',
    opening: 'The notes from your meeting with the team are ready. You can read them here:',
  },
  amended: {
    subject: 'Notes from your meeting have been corrected',
    opening:
      'The notes from your meeting with the team have been corrected. You can read them, and what changed, here:',
  },
  'new link': {
    subject: 'A new link to the notes from your meeting',
    opening:
      'The team has sent you a new personal link to the notes from your meeting with them. Your earlier link no longer works. You can read the notes here:',
  },
  'new link, notes to come': {
    subject: 'A new link to the notes from your meeting',
    opening:
      'The team has sent you a new personal link for the notes from your meeting with them. Your earlier link no longer works. The notes will be here once they are ready:',
  },
};

/** The notice about notes: it says nothing of what was said or decided, only where to read it. */
export function notesReadyEmail(n: { givenName: string; link: string; notice: NotesNotice }) {
  const { subject, opening } = wording[n.notice];
  const text = [
    `Hello ${n.givenName},`,
    '',
    opening,
    n.link,
    '',
    'This link is personal to you: please do not share it.',
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(n.givenName)},</p>`,
    `<p>${escapeHtml(opening)}</p>`,
    `<p><a href="${escapeHtml(n.link)}" style="display:inline-block;padding:12px 20px;background:#1f6f54;color:#fff;border-radius:8px;text-decoration:none;font-weight:600">Read the notes</a></p>`,
    '<p style="color:#555">This link is personal to you: please do not share it.</p>',
  ].join('\n');
  return { subject, text, html };
}
