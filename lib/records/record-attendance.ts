import { recordAudit } from '@/db/queries/audit';
import {
  isNetworkMemberOf,
  isTeamMember,
  meetingForRecord,
  meetingParticipants,
  saveAttendance,
  setMeetingOutcome,
  type AttendanceRow,
} from '@/db/queries/records';
import type { Presence } from '@/db/schema/records';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { parseParticipantKey, participantsOf } from './participants';
import type { PersonRef } from '@/db/queries/people';

export type AttendanceInput = {
  person: PersonRef;
  meetingId: string;
  outcome: 'held' | 'did_not_happen';
  /** Required when it did not happen. */
  reason: string | null;
  /** By participant key (`p:`, `m:`, `u:`): how each person was at the meeting. */
  presence: Record<string, Presence>;
  /** Came without being booked or invited: a network member of the person, or a practitioner of the team. */
  added: { key: string; presence: Presence; coveringFor: string | null }[];
};

/**
 * After a meeting: held or did not happen, and who came. In one transaction: the meeting's
 * status, attendance for everyone expected (and anyone added), the practitioners' and
 * invitees' summaries calendars read, and the audit row. Can be corrected later the same way.
 */
export async function recordAttendance(ctx: VerbContext, input: AttendanceInput, now = new Date()): Promise<void> {
  const { person } = input;
  await ctx.db.transaction(async (tx) => {
    const meeting = await meetingForRecord(tx, person, input.meetingId);
    if (!meeting) throw new AppError('not_found');
    if (meeting.status === 'cancelled') throw new AppError('conflict', 'This meeting was cancelled.');
    if (meeting.startsAt > now)
      throw new AppError('invalid_input', 'A meeting is marked held or not happened once it has started.');
    if (input.outcome === 'did_not_happen' && !input.reason)
      throw new AppError('invalid_input', 'Say why the meeting did not happen.', {
        fieldErrors: { reason: ['Say why the meeting did not happen'] },
      });
    const participants = participantsOf(await meetingParticipants(tx, meeting.id));
    const expected = new Map(participants.map((p) => [p.key, p]));
    const rows: AttendanceRow[] = [];
    for (const [key, presence] of Object.entries(input.presence)) {
      const p = expected.get(key);
      if (!p) throw new AppError('invalid_input', 'Attendance names someone who was not expected at this meeting.');
      rows.push({ ...idOf(p.kind, p.id), presence, invited: p.invited, coveringFor: p.coveringFor });
    }
    for (const a of input.added) {
      const parsed = parseParticipantKey(a.key);
      if (!parsed || parsed.kind === 'person' || expected.has(a.key))
        throw new AppError('invalid_input', 'Choose someone who was not already expected.', {
          fieldErrors: { addKey: ['Choose someone who was not already expected'] },
        });
      const belongs = await belongsToPerson(tx, person, parsed.kind, parsed.id, a.coveringFor);
      if (!belongs)
        throw new AppError('invalid_input', 'Choose someone from the person’s network or the team.', {
          fieldErrors: { addKey: ['Choose someone from the person’s network or the team'] },
        });
      rows.push({ ...idOf(parsed.kind, parsed.id), presence: a.presence, invited: false, coveringFor: a.coveringFor });
    }
    if (
      input.outcome === 'held' &&
      !rows.some((r) => r.userId && ['came', 'came_late', 'left_early', 'remote'].includes(r.presence))
    )
      throw new AppError(
        'invalid_input',
        'A held meeting had at least one practitioner: record who came from the team.',
      );
    if (!(await setMeetingOutcome(tx, meeting.id, input.outcome, input.outcome === 'held' ? null : input.reason, now)))
      throw new AppError('conflict', 'This meeting can no longer be marked: reload to see it as it is now.');
    await saveAttendance(tx, meeting.id, ctx.actor.actorId, rows);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'attendance',
      entity: 'meeting',
      entityId: meeting.id,
      origin: ctx.actor.origin,
      detail: { outcome: input.outcome, recorded: rows.length, added: input.added.length },
    });
  });
}

function idOf(kind: 'person' | 'member' | 'practitioner', id: string) {
  return kind === 'person' ? { personId: id } : kind === 'member' ? { networkMemberId: id } : { userId: id };
}

async function belongsToPerson(
  tx: VerbContext['db'],
  person: PersonRef,
  kind: 'member' | 'practitioner',
  id: string,
  coveringFor: string | null,
): Promise<boolean> {
  if (kind === 'member') return coveringFor === null && (await isNetworkMemberOf(tx, person.id, id));
  if (!(await isTeamMember(tx, person.teamId, id))) return false;
  return coveringFor === null || (await isTeamMember(tx, person.teamId, coveringFor));
}
