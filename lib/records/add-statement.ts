import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { insertStatement } from '@/db/queries/records';
import type { RecordSection } from '@/db/schema/records';
import { AppError } from '@/lib/errors/app-error';
import { readerView } from './reader-view';

/**
 * A reader's "this isn't how I see it" on a section they can read: kept with the record in
 * their words, dated, shown to the team; the signed record itself never changes.
 */
export async function addStatement(
  db: Db,
  input: { invitationId: string; teamId: string; section: RecordSection; words: string; origin: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const view = await readerView(tx, input.invitationId);
    if (view.state !== 'record' || !view.sections.includes(input.section))
      throw new AppError('not_found', 'These notes are not open to you.');
    await insertStatement(tx, {
      meetingId: view.meetingId,
      recordId: view.recordId,
      invitationId: input.invitationId,
      section: input.section,
      words: input.words,
    });
    await recordAudit(tx, {
      actorId: null,
      teamId: input.teamId,
      action: 'statement',
      entity: 'meeting_record',
      entityId: input.invitationId,
      origin: input.origin,
      detail: { section: input.section },
    });
  });
}
