import { recordAudit } from '@/db/queries/audit';
import { insertShareChoice, insertWithholding, liftWithholdingRow, meetingForRecord } from '@/db/queries/records';
import type { RecordSection } from '@/db/schema/records';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import type { PersonRef } from '@/db/queries/people';

async function meetingOf(tx: VerbContext['db'], person: PersonRef, meetingId: string) {
  const meeting = await meetingForRecord(tx, person, meetingId);
  if (!meeting) throw new AppError('not_found');
  return meeting;
}

/** Records the person's choice of what network members who came may read of this record. */
export async function chooseSharing(
  ctx: VerbContext,
  input: { person: PersonRef; meetingId: string; sections: RecordSection[] },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const meeting = await meetingOf(tx, input.person, input.meetingId);
    await insertShareChoice(tx, meeting.id, input.sections, ctx.actor.actorId);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: input.person.teamId,
      action: 'share',
      entity: 'meeting_record',
      entityId: meeting.id,
      origin: ctx.actor.origin,
      detail: { sections: input.sections },
    });
  });
}

export const withholdReasonLabel = {
  serious_harm_to_person: 'Reading it now would be likely to cause the person serious harm',
  harm_to_someone_else: 'It would be likely to cause someone else serious harm',
  about_someone_else: 'It tells something about another person who has not agreed to it being shared',
  safeguarding_enquiry: 'A safeguarding enquiry is under way',
} as const;
export type WithholdReason = keyof typeof withholdReasonLabel;

/** Keeps the whole record (section null) or one section from the person, with a reason and a date to review it. */
export async function withholdRecord(
  ctx: VerbContext,
  input: {
    person: PersonRef;
    meetingId: string;
    section: RecordSection | null;
    reason: WithholdReason;
    reviewOn: string;
  },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const meeting = await meetingOf(tx, input.person, input.meetingId);
    await insertWithholding(tx, {
      meetingId: meeting.id,
      section: input.section,
      reason: input.reason,
      reviewOn: input.reviewOn,
      withheldBy: ctx.actor.actorId,
    });
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: input.person.teamId,
      action: 'withhold',
      entity: 'meeting_record',
      entityId: meeting.id,
      origin: ctx.actor.origin,
      detail: { section: input.section, reason: input.reason, reviewOn: input.reviewOn },
    });
  });
}

export async function liftWithholding(
  ctx: VerbContext,
  input: { person: PersonRef; meetingId: string; withholdingId: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const meeting = await meetingOf(tx, input.person, input.meetingId);
    if (!(await liftWithholdingRow(tx, meeting.id, input.withholdingId, ctx.actor.actorId)))
      throw new AppError('not_found', 'That is no longer withheld.');
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: input.person.teamId,
      action: 'lift-withholding',
      entity: 'meeting_record',
      entityId: meeting.id,
      origin: ctx.actor.origin,
      detail: { withholdingId: input.withholdingId },
    });
  });
}
