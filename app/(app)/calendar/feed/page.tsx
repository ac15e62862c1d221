import type { Metadata } from 'next';
import { FeedControls } from '@/components/calendar/feed-controls';
import { getDb } from '@/db/connection';
import { activeCalendarFeed } from '@/db/queries/calendar-files';
import { requireUser } from '@/lib/auth/session';
import { FEED_WINDOW } from '@/lib/calendar/feed-token';
import { longDate } from '@/lib/time/format';
import { createCalendarFeedAction, revokeCalendarFeedAction } from './actions';

export const metadata: Metadata = { title: 'My meetings in my calendar app' };

export default async function CalendarFeedPage() {
  const user = await requireUser();
  const feed = await activeCalendarFeed(await getDb(), user.id);
  return (
    <>
      <h1>My meetings in my calendar app</h1>
      <p className="lede">
        A private address your calendar app (Outlook, Google Calendar, Apple Calendar) can subscribe to. It shows the
        meetings you are booked into, from {FEED_WINDOW.pastDays} days ago to {FEED_WINDOW.futureDays} days ahead, and
        keeps them up to date as they change or are cancelled.
      </p>
      <section className="card" aria-labelledby="address-heading">
        <h2 id="address-heading">Your calendar address</h2>
        <FeedControls
          active={feed ? { id: feed.id, since: longDate(feed.createdAt, user.timeZone) } : null}
          createAction={createCalendarFeedAction}
          revokeAction={revokeCalendarFeedAction}
        />
      </section>
      <section className="card" aria-labelledby="shows-heading">
        <h2 id="shows-heading">What your calendar app sees</h2>
        <p>
          Each meeting is called “Network meeting”, with its time, its place or video link, and the practitioners in it.
          It never shows who the meeting is for or anything from the notes: a link opens the meeting here, after you
          sign in.
        </p>
        <p className="muted">
          Calendar apps fetch the address again on their own schedule (some every hour, Google Calendar a few times a
          day), so a change can take a while to appear there.
        </p>
      </section>
    </>
  );
}
