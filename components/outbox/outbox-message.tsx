import Link from 'next/link';
import { ButtonForm } from '@/components/ui/button-form';
import { CopyLink } from '@/components/ui/copy-link';
import type { FormAction } from '@/lib/actions/form-state';
import type { OutboxListItem } from '@/db/queries/outbox';
import { linksIn, statusSummary, type StatusSummary } from '@/lib/mail/outbox-view';
import { dayHeading, timeOfDay } from '@/lib/time/format';

const toneTag: Record<StatusSummary['tone'], string> = {
  waiting: 'tag tag-warning',
  sending: 'tag',
  sent: 'tag tag-active',
  failed: 'tag tag-disabled',
};

function when(instant: Date, now: Date, zone: string): string {
  return `${dayHeading(instant, now, zone)} at ${timeOfDay(instant, zone)}`;
}

/**
 * One email in the outbox: where it is, and its links ready to copy into a text message, so a
 * message that cannot be emailed still reaches the person.
 */
export function OutboxMessageCard({
  message,
  zone,
  now,
  mailConfigured,
  retryAction,
}: {
  message: OutboxListItem;
  zone: string;
  now: Date;
  mailConfigured: boolean;
  retryAction: FormAction;
}) {
  const status = statusSummary(message, { mailConfigured, now });
  const links = linksIn(message.bodyText);
  const headingId = `message-${message.id}`;
  const retryable =
    mailConfigured && (message.status === 'failed' || (message.status === 'pending' && message.attempts > 0));
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{message.subject}</h2>
      <dl className="facts">
        <dt>To</dt>
        <dd className="email">{message.toAddress}</dd>
        <dt>Status</dt>
        <dd>
          <span className={toneTag[status.tone]}>{status.label}</span>
        </dd>
        {message.status === 'sent' && message.sentAt ? (
          <>
            <dt>Sent</dt>
            <dd>{when(message.sentAt, now, zone)}</dd>
          </>
        ) : null}
        {message.status === 'pending' && mailConfigured && message.nextAttemptAt > now ? (
          <>
            <dt>Next attempt</dt>
            <dd>{when(message.nextAttemptAt, now, zone)}</dd>
          </>
        ) : null}
        {message.lastError && message.status !== 'sent' ? (
          <>
            <dt>{message.status === 'failed' ? 'Error' : 'Last error'}</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
        <dt>Created</dt>
        <dd>{when(message.createdAt, now, zone)}</dd>
        {message.hasCalendar ? (
          <>
            <dt>Attached</dt>
            <dd>A calendar file</dd>
          </>
        ) : null}
        {message.meetingId && message.personId ? (
          <>
            <dt>About</dt>
            <dd>
              <Link href={`/people/${message.personId}/meetings/${message.meetingId}`}>The meeting</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {links.map((link, i) => (
        <CopyLink
          key={link}
          id={`message-${message.id}-link-${i}`}
          label={links.length === 1 ? 'Link in this message' : `Link ${i + 1} in this message`}
          link={link}
          hint={`Personal to ${message.toAddress}: share it only with them.`}
        />
      ))}
      <details>
        <summary>The message as written</summary>
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.bodyText}</div>
      </details>
      {retryable ? (
        <ButtonForm
          action={retryAction}
          fields={{ messageId: String(message.id) }}
          label="Retry now"
          pendingText="Retrying…"
          quiet
        />
      ) : null}
    </article>
  );
}
