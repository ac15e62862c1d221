import { getDb } from '@/db/connection';
import { calendarFeedOwner, feedMeetings } from '@/db/queries/calendar-files';
import { publicUrl } from '@/lib/admin/public-url';
import { clientAddressOf } from '@/lib/audit/origin';
import { feedTokenFrom, feedWindow, hashFeedToken } from '@/lib/calendar/feed-token';
import { calendarResponse, failureResponse, notFoundResponse, tooManyRequestsResponse } from '@/lib/calendar/http';
import { meetingsFeedFile } from '@/lib/calendar/meeting-event';
import { countHit, limits, retryAfterSeconds } from '@/lib/security/rate-limits';

/**
 * A practitioner's meetings as a subscribed calendar, reached by the secret in the address
 * alone (calendar apps cannot sign in). Unknown or turned-off addresses, and disabled
 * practitioners, get a plain 404. Per fetch: the token's lookup, then the feed's count and its
 * meetings at once (one wait instead of two).
 *
 * Rate limits: addresses that do not work, per client address, and fetches per feed. A feed
 * that works is never refused because of its client address's misses: calendar services
 * fetch many people's feeds from a few shared addresses, and the turned-off feeds they keep
 * polling must not stop everyone else's.
 */
export async function GET(request: Request, { params }: RouteContext<'/api/calendar-feeds/[token]'>) {
  try {
    const now = new Date();
    const db = await getDb();
    const token = feedTokenFrom((await params).token);
    const tokenHash = token ? hashFeedToken(token) : undefined;
    const owner = tokenHash ? await calendarFeedOwner(db, tokenHash) : undefined;
    if (!tokenHash || !owner) {
      const misses = limits.feedMisses(clientAddressOf(request.headers));
      if (!(await countHit(db, misses, now)).allowed) return tooManyRequestsResponse(retryAfterSeconds(misses, now));
      return notFoundResponse();
    }
    const fetches = limits.feedFetches(tokenHash);
    const [count, meetings] = await Promise.all([
      countHit(db, fetches, now),
      feedMeetings(db, owner.userId, feedWindow(now)),
    ]);
    if (!count.allowed) return tooManyRequestsResponse(retryAfterSeconds(fetches, now));
    const base = await publicUrl('/');
    const body = meetingsFeedFile(meetings, {
      linkFor: (m) => new URL(`/people/${m.personId}/meetings/${m.id}`, base).toString(),
      now,
    });
    return calendarResponse(body);
  } catch (error) {
    return failureResponse(error, 'calendar feed');
  }
}
