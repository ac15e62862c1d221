import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonForm } from '@/components/ui/button-form';
import { OutboxMessageCard } from '@/components/outbox/outbox-message';
import { getDb } from '@/db/connection';
import { outboxCounts } from '@/db/queries/outbox';
import { readableTeams } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { describeMailServer, mailConfig } from '@/lib/mail/config';
import { outboxForStaff } from '@/lib/mail/outbox-for-staff';
import { outboxHref, outboxQuery } from '@/lib/mail/outbox-query';
import { retryAllFailedAction, retryMessageAction } from './actions';

export const metadata: Metadata = { title: 'Outbox' };

const PAGE_SIZE = 20;

export default async function OutboxPage({ searchParams }: PageProps<'/outbox'>) {
  const user = await requireUser();
  const query = outboxQuery.parse(await searchParams);
  const scope = readableTeams(user);
  const db = await getDb();
  const [{ rows, hasMore }, counts] = await Promise.all([
    outboxForStaff(db, { scope, filter: query.show, page: query.page, pageSize: PAGE_SIZE }),
    outboxCounts(db, scope),
  ]);
  const config = mailConfig();
  const zone = user.memberships[0]?.timeZone ?? user.timeZone;
  const now = new Date();

  return (
    <>
      <div className="page-head">
        <h1>Outbox</h1>
        <p>
          {counts.waiting} waiting · {counts.failed} failed
        </p>
      </div>
      {config ? (
        <p>
          Email to people and their networks goes out through the mail server ({describeMailServer(config)}), and is
          tried again for a few hours when the server does not take it. If a message failed, you can still copy its link
          into a text message.
        </p>
      ) : (
        <div className="alert alert-warning">
          <p>
            No mail server is configured, so email is not sent: messages wait here. Copy each link into a text message
            or your own email to the person it is for.
          </p>
        </div>
      )}
      {config && counts.failed > 0 ? (
        <ButtonForm action={retryAllFailedAction} fields={{}} label={`Retry all ${counts.failed} failed`} quiet />
      ) : null}
      <form className="filters" action="/outbox" method="get" aria-label="Outbox">
        <div className="field">
          <label htmlFor="show">Showing</label>
          <select id="show" name="show" defaultValue={query.show}>
            <option value="all">All messages</option>
            <option value="waiting">Waiting</option>
            <option value="failed">Failed</option>
            <option value="sent">Sent</option>
          </select>
        </div>
        <button className="button" type="submit">
          Show
        </button>
      </form>
      {rows.length === 0 ? (
        <div className="empty">
          <p>
            {query.page > 1
              ? 'No more messages.'
              : query.show === 'all'
                ? 'No email yet. Invitations and reminders for your teams’ meetings appear here when they are made.'
                : 'No messages with this status. Show all messages to see the rest.'}
          </p>
        </div>
      ) : (
        <ol className="plain-list" aria-label="Messages, newest first">
          {rows.map((message) => (
            <li key={message.id}>
              <OutboxMessageCard
                message={message}
                zone={zone}
                now={now}
                mailConfigured={config !== undefined}
                retryAction={retryMessageAction}
              />
            </li>
          ))}
        </ol>
      )}
      {query.page > 1 || hasMore ? (
        <nav className="pager" aria-label="Pages">
          {query.page > 1 ? <Link href={outboxHref(query, { page: query.page - 1 })}>Newer messages</Link> : null}
          {hasMore ? <Link href={outboxHref(query, { page: query.page + 1 })}>Older messages</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
