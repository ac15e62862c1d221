import { describe, expect, it } from 'vitest';
import { linksIn, statusSummary } from './outbox-view';

describe('what the outbox page shows', () => {
  it('finds each link in a body once, without the punctuation after it', () => {
    const body =
      'Hello Anne,\n\nPlease answer here: https://meetings.example.nhs.uk/invite/Ab_c-12.\nOr (http://localhost:3000/invite/xyz), or again https://meetings.example.nhs.uk/invite/Ab_c-12\nThanks!';
    expect(linksIn(body)).toEqual([
      'https://meetings.example.nhs.uk/invite/Ab_c-12',
      'http://localhost:3000/invite/xyz',
    ]);
    expect(linksIn('No link here.')).toEqual([]);
  });

  it('says why a message waits: no mail server, a retry after failures, or a time still ahead', () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const due = { status: 'pending' as const, attempts: 0, nextAttemptAt: now };
    expect(statusSummary(due, { mailConfigured: false, now }).label).toBe('Waiting: no mail server configured');
    expect(statusSummary(due, { mailConfigured: true, now }).label).toBe('Waiting to be sent');
    expect(
      statusSummary({ ...due, nextAttemptAt: new Date('2026-11-25T09:00:00Z') }, { mailConfigured: true, now }).label,
    ).toBe('Waiting: scheduled');
    expect(statusSummary({ ...due, attempts: 2 }, { mailConfigured: true, now }).label).toBe(
      'Waiting to try again (2 attempts so far)',
    );
  });

  it('names sending, sent and failed messages', () => {
    const now = new Date('2026-11-24T09:00:00Z');
    expect(
      statusSummary({ status: 'sending', attempts: 1, nextAttemptAt: now }, { mailConfigured: true, now }),
    ).toEqual({ tone: 'sending', label: 'Sending now' });
    expect(statusSummary({ status: 'sent', attempts: 1, nextAttemptAt: now }, { mailConfigured: true, now })).toEqual({
      tone: 'sent',
      label: 'Sent',
    });
    expect(
      statusSummary({ status: 'failed', attempts: 10, nextAttemptAt: now }, { mailConfigured: true, now }),
    ).toEqual({ tone: 'failed', label: 'Failed after 10 attempts' });
    expect(
      statusSummary({ status: 'failed', attempts: 1, nextAttemptAt: now }, { mailConfigured: false, now }).label,
    ).toBe('Failed after 1 attempt');
  });
});
