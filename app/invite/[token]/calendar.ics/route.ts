import { getDb } from '@/db/connection';
import { meetingForCalendar } from '@/db/queries/calendar-files';
import { calendarResponse, failureResponse } from '@/lib/calendar/http';
import { meetingFileName } from '@/lib/calendar/meeting-event';
import { inviteeCalendar } from '@/lib/invitations/messages';
import { openInvitation } from '@/lib/invitations/public';
import { appUrl } from '@/lib/invitations/token';

/** "Add to my calendar" from the invitation: the invitee's own file, with their own answer as PARTSTAT. */
export async function GET(request: Request, { params }: RouteContext<'/invite/[token]/calendar.ics'>) {
  const { token } = await params;
  try {
    const db = await getDb();
    const opened = await openInvitation(db, request, token);
    if (!opened.ok) return opened.response;
    const inv = opened.lookup.invitation;
    const meeting = await meetingForCalendar(db, { id: inv.personId, teamId: inv.teamId }, inv.meetingId);
    if (!meeting) return failureResponse(new Error('meeting of an open invitation not found'), 'invite-ics');
    const body = inviteeCalendar(
      meeting,
      { givenName: inv.inviteeGivenName, email: inv.inviteeEmail, response: inv.response },
      `${appUrl()}/invite/${token}`,
      new Date(),
    );
    return calendarResponse(body, { fileName: meetingFileName(meeting) });
  } catch (error) {
    return failureResponse(error, 'invite-ics');
  }
}
