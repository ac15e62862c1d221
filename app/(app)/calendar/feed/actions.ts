'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { publicUrl } from '@/lib/admin/public-url';
import { actorOf } from '@/lib/audit/origin';
import { assertCan } from '@/lib/auth/permissions';
import { createCalendarFeed } from '@/lib/calendar/create-feed';
import { feedPath } from '@/lib/calendar/feed-token';
import { revokeCalendarFeed } from '@/lib/calendar/revoke-feed';
import { AppError } from '@/lib/errors/app-error';

/** Both forms act on the signed-in user's own feed, so they carry no fields to trust. */
const noFields = z.object({});

/** A new secret address (replacing any earlier one), shown once: only its hash is kept. */
export const createCalendarFeedAction = validatedAction(
  'createCalendarFeed',
  noFields,
  async function createCalendarFeedAction(_input, { user, db }) {
    assertCan(user, 'update', { kind: 'user', userId: user.id });
    const feed = await createCalendarFeed({ db, actor: await actorOf(user) }, { userId: user.id });
    revalidatePath('/calendar/feed');
    return {
      message: feed.replaced
        ? 'Your new calendar address is ready, and the old one no longer works. Copy it now: it is shown only once.'
        : 'Your calendar address is ready. Copy it now: it is shown only once.',
      data: { link: await publicUrl(feedPath(feed.token)), feedId: feed.id },
    };
  },
);

export const revokeCalendarFeedAction = validatedAction(
  'revokeCalendarFeed',
  noFields,
  async function revokeCalendarFeedAction(_input, { user, db }) {
    assertCan(user, 'update', { kind: 'user', userId: user.id });
    if (!(await revokeCalendarFeed({ db, actor: await actorOf(user) }, { userId: user.id }))) {
      throw new AppError(
        'conflict',
        'There is no calendar address to turn off: it may have been turned off already. Reload to see it now.',
      );
    }
    revalidatePath('/calendar/feed');
    return { message: 'Turned off. Calendar apps that used the address will stop showing new meetings.' };
  },
);
