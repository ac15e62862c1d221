import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';
import type { Db } from '@/db/client';
import { claimDue, failAbandoned, markFailed, markSent, releaseClaim, type ClaimedMessage } from '@/db/queries/outbox';
import { fillInvitationLinks, hasInvitationLinkMarker } from '@/lib/invitations/link-marker';
import { log } from '@/lib/log/logger';
import { afterFailure, MAX_ATTEMPTS } from './backoff';
import { describeSendError, type SendFailure } from './send-error';
import type { MailTransport } from './transport';
import { MINUTE_MS } from '@/lib/time/units';

export type DeliveryOptions = {
  /** Names this worker in the lease; one per process. */
  workerId?: string;
  /** Messages claimed at a time. */
  batchSize?: number;
  /** How long a claim holds: long enough for a batch at the transport's worst-case timeouts. */
  leaseMs?: number;
  /** Batches per call, so one call ends even while others keep enqueueing. */
  maxBatches?: number;
  /** The right-hand side of Message-IDs, normally the sender's domain. */
  idDomain?: string;
};

export type DeliveryReport = { sent: number; retrying: number; failed: number; released: number };

/** A message needs about this long at most (the transport's timeouts); one is not started with less lease left. */
const WORST_CASE_SEND_MS = 75_000;

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** The calendar's METHOD (REQUEST, CANCEL …), which mail clients need in the content type too. */
export function calendarMethod(ics: string): string {
  return /^METHOD:([A-Za-z-]+)\s*$/m.exec(ics)?.[1]?.toUpperCase() ?? 'PUBLISH';
}

/** A stored message whose personal link cannot be made: a fault of the app, which no retry mends. */
class LinkNotMade extends Error {}

/**
 * The email for an outbox row, with the invitee's personal link made now: the row holds only a
 * marker naming the invitation (lib/invitations/link-marker.ts). Its Message-ID is fixed by the
 * row, so the rare duplicate (see deliverDue) carries the same ID, which mail systems use to
 * recognise a repeat.
 */
export function mailFor(message: ClaimedMessage, idDomain = 'localhost'): SendMailOptions {
  const text = fillInvitationLinks(message.bodyText, message.invitationId, 'text');
  const html = message.bodyHtml ? fillInvitationLinks(message.bodyHtml, message.invitationId, 'html') : null;
  const ics = message.icsAttachment
    ? fillInvitationLinks(message.icsAttachment, message.invitationId, 'calendar')
    : null;
  if ([text, html, ics].some((part) => part !== null && hasInvitationLinkMarker(part))) {
    throw new LinkNotMade('The personal link in this message could not be made, so it was not sent.');
  }
  const method = ics ? calendarMethod(ics) : undefined;
  return {
    to: message.toAddress,
    subject: message.subject,
    text,
    ...(html ? { html } : {}),
    messageId: `<outbox-${message.id}.${message.createdAt.getTime().toString(36)}@${idDomain}>`,
    attachments: ics
      ? [
          {
            filename: method === 'CANCEL' ? 'cancelled.ics' : 'invitation.ics',
            content: ics,
            contentType: `text/calendar; charset=utf-8; method=${method}`,
            contentTransferEncoding: 'base64',
          },
        ]
      : [],
  };
}

function failureOf(error: unknown): SendFailure {
  return error instanceof LinkNotMade ? { text: error.message, permanent: true } : describeSendError(error);
}

/**
 * Sends every due message once: claim a batch under a lease, send each, record the outcome;
 * repeat until none are due. Safe to run in every app instance at once: claims never overlap.
 *
 * Exactly once in practice: a message is marked sent only after the mail server accepted it
 * (sendMail resolves on the server's 250 reply to the message data). The one window for a
 * duplicate is a crash, or a lost database connection, after the server accepted it and
 * before markSent commits — a few milliseconds. The lease then runs out and another worker
 * sends it again, with the same Message-ID. Nothing else sends a message twice; nothing loses one.
 */
export async function deliverDue(
  db: Db,
  transport: MailTransport,
  now: Date = new Date(),
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const workerId = options.workerId ?? newWorkerId();
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 15 * MINUTE_MS;
  const maxBatches = options.maxBatches ?? 10;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, released: 0 };
  // `now` may be a test's clock; the time this call has been running is measured for real.
  const started = performance.now();
  const clock = () => new Date(now.getTime() + (performance.now() - started));

  report.failed += await failAbandoned(db, { maxAttempts: MAX_ATTEMPTS, now });
  for (let batch = 0; batch < maxBatches; batch++) {
    const claimedAt = clock();
    const claimed = await claimDue(db, { limit: batchSize, leaseMs, workerId, now: claimedAt });
    if (claimed.length === 0) break;
    const leaseEnds = claimedAt.getTime() + leaseMs;
    for (const [index, message] of claimed.entries()) {
      if (leaseEnds - clock().getTime() < WORST_CASE_SEND_MS) {
        // Too little lease left to send safely: hand the rest back rather than risk a second sender.
        for (const rest of claimed.slice(index)) if (await releaseClaim(db, rest, workerId)) report.released++;
        return report;
      }
      await deliverOne(db, transport, message, workerId, clock, options.idDomain, report);
    }
    if (claimed.length < batchSize) break;
  }
  return report;
}

async function deliverOne(
  db: Db,
  transport: MailTransport,
  message: ClaimedMessage,
  workerId: string,
  clock: () => Date,
  idDomain: string | undefined,
  report: DeliveryReport,
): Promise<void> {
  try {
    const info = (await transport.sendMail(mailFor(message, idDomain))) as { accepted?: unknown } | undefined;
    // One recipient: nodemailer throws when the server refuses it; this guards a transport that reports it instead.
    if (Array.isArray(info?.accepted) && info.accepted.length === 0) {
      throw Object.assign(new Error('The mail server did not accept the recipient'), { code: 'EENVELOPE' });
    }
  } catch (error) {
    const failure = failureOf(error);
    const outcome = await markFailed(
      db,
      message,
      workerId,
      failure.text,
      afterFailure(message.attempts, clock(), failure.permanent),
    );
    if (outcome === 'failed') report.failed++;
    else if (outcome === 'pending') report.retrying++;
    log.warn('email not sent', { outboxId: message.id, attempt: message.attempts, outcome, error: failure.text });
    return;
  }
  await markSent(db, message.id, clock());
  report.sent++;
}
