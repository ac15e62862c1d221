import { recordAudit } from '@/db/queries/audit';
import { insertRecordVersion } from '@/db/queries/records';
import type { RecordContent } from '@/db/schema/records';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { allowed, recordContext } from './record-context';
import { latestOf, mayEditDraft } from './rules';
import type { PersonRef } from '@/db/queries/people';

export type SaveRecordInput = {
  person: PersonRef;
  meetingId: string;
  /** The version the form was opened on (0 for a new record): a newer one saved since is a conflict. */
  basedOn: number;
  content: RecordContent;
  readBack: boolean;
};

/**
 * Saves the draft as a new version (append-only): every save is kept. Only practitioners who
 * came write it, and only until it is signed.
 */
export async function saveRecord(
  ctx: VerbContext,
  input: SaveRecordInput,
): Promise<{ version: number; savedAt: Date }> {
  return ctx.db.transaction(async (tx) => {
    const { meeting, versions, who } = await recordContext(tx, input.person, input.meetingId, ctx.actor.actorId);
    allowed(mayEditDraft(who, versions));
    const latest = latestOf(versions)?.version ?? 0;
    if (latest !== input.basedOn)
      throw new AppError(
        'conflict',
        `A colleague saved this record (version ${latest}) since you opened it. What you typed is still here: copy anything you need, then reload to see their version.`,
      );
    const version = latest + 1;
    const saved = await insertRecordVersion(tx, {
      meetingId: meeting.id,
      version,
      content: input.content,
      readBackWithPerson: input.readBack,
      authorId: ctx.actor.actorId,
    });
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: input.person.teamId,
      action: 'save',
      entity: 'meeting_record',
      entityId: meeting.id,
      origin: ctx.actor.origin,
      detail: { version },
    });
    return { version, savedAt: saved.createdAt };
  });
}
