import type { outboxStatus } from '@/db/schema/enums';

type Status = (typeof outboxStatus.enumValues)[number];

/** The web links in a message body, in order, each once: what staff copy into a text message. */
export function linksIn(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
  return [...new Set(found.map((link) => link.replace(/[.,;:!?]+$/, '')))];
}

export type StatusSummary = { tone: 'waiting' | 'sending' | 'sent' | 'failed'; label: string };

/**
 * One line saying where a message is, in words: waiting (and why), being sent, sent, or failed.
 * The times and the error are shown beside it by the page.
 */
export function statusSummary(
  message: { status: Status; attempts: number; nextAttemptAt: Date },
  context: { mailConfigured: boolean; now: Date },
): StatusSummary {
  switch (message.status) {
    case 'sent':
      return { tone: 'sent', label: 'Sent' };
    case 'failed':
      return {
        tone: 'failed',
        label: `Failed after ${message.attempts} ${message.attempts === 1 ? 'attempt' : 'attempts'}`,
      };
    case 'sending':
      return { tone: 'sending', label: 'Sending now' };
    case 'pending':
      if (!context.mailConfigured) return { tone: 'waiting', label: 'Waiting: no mail server configured' };
      if (message.attempts > 0)
        return {
          tone: 'waiting',
          label: `Waiting to try again (${message.attempts} ${message.attempts === 1 ? 'attempt' : 'attempts'} so far)`,
        };
      if (message.nextAttemptAt > context.now) return { tone: 'waiting', label: 'Waiting: scheduled' };
      return { tone: 'waiting', label: 'Waiting to be sent' };
  }
}
