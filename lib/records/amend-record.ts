import { recordAudit } from '@/db/queries/audit';
import { insertRecordVersion, insertSignature } from '@/db/queries/records';
import type { RecordContent } from '@/db/schema/records';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { changedSections } from './content';
import { notifyReaders } from './notify-readers';
import { allowed, recordContext } from './record-context';
import { latestOf, mayAmend } from './rules';
import { confirmPassword } from './sign-record';
import type { PersonRef } from '@/db/queries/people';

/**
 * Corrects a signed record: a new version with the reason, signed by the practitioner who makes
 * it (their password again), beside the original, which stays as it was. Readers are told.
 */
export async function amendRecord(
  ctx: VerbContext,
  input: {
    person: PersonRef;
    meetingId: string;
    basedOn: number;
    content: RecordContent;
    readBack: boolean;
    reason: string;
    email: string;
    password: string;
  },
): Promise<{ version: number }> {
  await confirmPassword(ctx.db, input.email, ctx.actor.actorId, input.password);
  return ctx.db.transaction(async (tx) => {
    const { meeting, versions, who } = await recordContext(tx, input.person, input.meetingId, ctx.actor.actorId);
    allowed(mayAmend(who, versions));
    const latest = latestOf(versions)!;
    if (latest.version !== input.basedOn)
      throw new AppError(
        'conflict',
        `The record was amended (now version ${latest.version}) since you opened it. What you typed is still here.`,
      );
    if (changedSections(latest.content, input.content).length === 0 && latest.readBackWithPerson === input.readBack)
      throw new AppError(
        'invalid_input',
        'Nothing has changed yet: change what needs correcting, then save the amendment.',
      );
    const version = latest.version + 1;
    const saved = await insertRecordVersion(tx, {
      meetingId: meeting.id,
      version,
      content: input.content,
      readBackWithPerson: input.readBack,
      authorId: ctx.actor.actorId,
      amendmentReason: input.reason,
    });
    await insertSignature(tx, { recordId: saved.id, signerId: ctx.actor.actorId, kind: 'signed' });
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: input.person.teamId,
      action: 'amend',
      entity: 'meeting_record',
      entityId: meeting.id,
      origin: ctx.actor.origin,
      detail: { version, reason: input.reason },
    });
    await notifyReaders(tx, meeting.id, version);
    return { version };
  });
}
