'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { actorOf } from '@/lib/audit/origin';
import { isMailConfigured } from '@/lib/mail/config';
import { retryFailedMessages, retryMessage } from '@/lib/mail/retry-messages';
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
    await retryMessage({ db, actor: await actorOf(user) }, { user, messageId: input.messageId });
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
    const count = await retryFailedMessages({ db, actor: await actorOf(user) }, { user });
    if (count === 0) return { message: 'No failed messages to retry.' };
    deliverSoon();
    revalidatePath('/outbox');
    return { message: afterRetry(count) };
  },
);
