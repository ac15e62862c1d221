import { escapeText, foldLine } from '@/lib/calendar/ics';
import { escapeHtml } from './html';
import { invitationLink } from './token';

/**
 * No working link at rest. A stored email (the outbox) holds this marker, naming the
 * invitation, where the invitee's personal link goes; the link is made from the server secret
 * only as the message is sent (lib/mail/deliver.ts) or shown to staff on the outbox page. A copy
 * of the database or a backup then opens no invitation, as with the token's hash.
 */
export function invitationLinkMarker(invitationId: string): string {
  return `{{invitation-link:${invitationId}}}`;
}

const MARKERS = /\{\{invitation-link:([0-9A-Fa-f-]{36})\}\}/g;

/** A calendar file's lines folded at 75 octets joined again (RFC 5545 §3.1): a marker may span a fold. */
const unfold = (value: string) => value.replace(/\r?\n[ \t]/g, '');

/** Whether a marker is still in the text, folded or not: a message is never sent with one. */
export function hasInvitationLinkMarker(value: string): boolean {
  return unfold(value).includes('{{invitation-link:');
}

/** Where the link goes: plain text, HTML (escaped), or an iCalendar file. */
export type LinkSetting = 'text' | 'html' | 'calendar';

/**
 * The text with every marker of `invitationId` replaced by that invitation's working link.
 * A marker naming another invitation is left as it is (and so the message is not sent): a
 * message carries only the link of the invitation it belongs to, whose meeting the outbox
 * page's access check covers.
 */
export function fillInvitationLinks(value: string, invitationId: string | null, setting: LinkSetting): string {
  if (!invitationId || !hasInvitationLinkMarker(value)) return value;
  const link = invitationLink(invitationId);
  const fill = (text: string, written: string) =>
    text.replace(MARKERS, (marker, id: string) => (id.toLowerCase() === invitationId.toLowerCase() ? written : marker));
  if (setting === 'text') return fill(value, link);
  if (setting === 'html') return fill(value, escapeHtml(link));
  // Unfolded, each line is filled as its property needs (a URL as it is, TEXT escaped), then folded again.
  return unfold(value)
    .split(/\r?\n/)
    .map((line) => {
      if (!hasInvitationLinkMarker(line)) return foldLine(line);
      const property = /^[^:;]*/.exec(line)![0].toUpperCase();
      return foldLine(fill(line, property === 'URL' ? link : escapeText(link)));
    })
    .join('\r\n');
}
