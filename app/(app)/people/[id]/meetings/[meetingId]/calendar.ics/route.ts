import { z } from 'zod';
import { getDb } from '@/db/connection';
import { meetingForCalendar } from '@/db/queries/calendar-files';
import { findPerson } from '@/db/queries/people';
import { publicUrl } from '@/lib/admin/public-url';
import { auditView } from '@/lib/audit/audit-view';
import { can, readableTeams } from '@/lib/auth/permissions';
import { currentUser } from '@/lib/auth/session';
import { calendarResponse, failureResponse, notFoundResponse } from '@/lib/calendar/http';
import { meetingCalendarFile, meetingFileName } from '@/lib/calendar/meeting-event';

const uuid = z.guid();

/**
 * One meeting as a .ics file, for the person's team only: anyone else, signed out or on
 * another team, gets the same 404 as for a meeting that does not exist.
 */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/people/[id]/meetings/[meetingId]/calendar.ics'>,
) {
  try {
    const { id, meetingId } = await params;
    const user = await currentUser();
    if (!user || !uuid.safeParse(id).success || !uuid.safeParse(meetingId).success) return notFoundResponse();
    const db = await getDb();
    const person = await findPerson(db, id, readableTeams(user));
    if (!person || !can(user, 'read', { kind: 'person', teamId: person.teamId })) return notFoundResponse();
    const meeting = await meetingForCalendar(db, person, meetingId);
    if (!meeting) return notFoundResponse();
    await auditView(db, user.id, {
      teamId: person.teamId,
      action: 'read',
      entity: 'person',
      entityId: person.id,
      detail: { view: 'meeting calendar file', meetingId: meeting.id },
    });
    const link = await publicUrl(`/people/${person.id}/meetings/${meeting.id}`);
    return calendarResponse(meetingCalendarFile(meeting, { link, now: new Date() }), {
      fileName: meetingFileName(meeting),
    });
  } catch (error) {
    return failureResponse(error, 'meeting calendar file');
  }
}
