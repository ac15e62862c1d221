'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { findOutboxMessage, retryAllFailed, retryNow } from '@/db/queries/outbox';
import { validatedAction } from '@/lib/actions/validated-action';
import { assertCan, readableTeams } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { isMailConfigured } from '@/lib/mail/config';
import { deliverSoon } from '@/lib/mail/worker';

const retryInput = z.object({ messageId: z.coerce.number().int().positive() });

function afterRetry(count: number): string {
  const what = count === 1 ? 'It is' : `${count} messages are`;
  return isMailConfigured()
    ? `${what} being sent again now. The status here changes when the mail server answers.`
    : `${what} waiting again, but no mail server is configured: copy the link into a message instead.`;
}

/** "Retry now" on one message that failed or waits for its next try: for its team's staff only. */
export const retryMessageAction = validatedAction(
  'retryMessage',
  retryInput,
  async function retryMessageAction(input, { user, db }) {
    const message = await findOutboxMessage(db, input.messageId);
    if (!message) throw new AppError('not_found');
    // Email about a meeting belongs to the meeting's team; anything else is for administrators.
    if (message.teamId) assertCan(user, 'update', { kind: 'meeting', teamId: message.teamId });
    else assertCan(user, 'manage', { kind: 'administration' });
    if (!(await retryNow(db, message.id))) {
      throw new AppError('conflict', 'This message is being sent or has gone already. Reload the page to see it now.');
    }
    deliverSoon();
    revalidatePath('/outbox');
    return { message: afterRetry(1) };
  },
);

/** "Retry all failed" after the mail server is fixed: the failed messages of the user's teams. */
export const retryAllFailedAction = validatedAction(
  'retryAllFailed',
  z.object({}),
  async function retryAllFailedAction(_input, { user, db }) {
    const count = await retryAllFailed(db, readableTeams(user));
    if (count === 0) return { message: 'No failed messages to retry.' };
    deliverSoon();
    revalidatePath('/outbox');
    return { message: afterRetry(count) };
  },
);
