import { escapeHtml } from '@/lib/invitations/html';

/** The notice that notes are ready: it says nothing of what was said or decided, only where to read it. */
export function notesReadyEmail(n: { givenName: string; link: string; amended: boolean }) {
  const subject = n.amended ? 'Notes from your meeting have been corrected' : 'Notes from your meeting are ready';
  const opening = n.amended
    ? 'The notes from your meeting with the team have been corrected. You can read them, and what changed, here:'
    : 'The notes from your meeting with the team are ready. You can read them here:';
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
