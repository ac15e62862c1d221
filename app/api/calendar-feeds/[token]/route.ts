import { getDb } from '@/db/connection';
import { calendarFeedOwner, feedMeetings } from '@/db/queries/calendar-files';
import { publicUrl } from '@/lib/admin/public-url';
import { feedTokenFrom, feedWindow, hashFeedToken } from '@/lib/calendar/feed-token';
import { calendarResponse, failureResponse, notFoundResponse } from '@/lib/calendar/http';
import { meetingsFeedFile } from '@/lib/calendar/meeting-event';

/**
 * A practitioner's meetings as a subscribed calendar, reached by the secret in the address
 * alone (calendar apps cannot sign in). Unknown or turned-off addresses, and disabled
 * practitioners, get a plain 404. Two index lookups per fetch: the token, then the meetings.
 */
export async function GET(_request: Request, { params }: RouteContext<'/api/calendar-feeds/[token]'>) {
  try {
    const token = feedTokenFrom((await params).token);
    if (!token) return notFoundResponse();
    const db = await getDb();
    const owner = await calendarFeedOwner(db, hashFeedToken(token));
    if (!owner) return notFoundResponse();
    const now = new Date();
    const meetings = await feedMeetings(db, owner.userId, feedWindow(now));
    const base = await publicUrl('/');
    const body = meetingsFeedFile(meetings, { linkFor: (m) => new URL(`/people/${m.personId}/meetings/${m.id}`, base).toString(), now });
    return calendarResponse(body);
  } catch (error) {
    return failureResponse(error, 'calendar feed');
  }
}
