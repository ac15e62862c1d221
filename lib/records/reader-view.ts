import type { Db } from '@/db/client';
import { readerRecordOfInvitation } from '@/db/queries/records';
import type { RecordContent, RecordSection } from '@/db/schema/records';
import { readableSections, signedVersion, type Reader } from './rules';

export type ReaderView =
  | { state: 'nothing' }
  | {
      state: 'record';
      meetingId: string;
      recordId: string;
      version: number;
      amended: boolean;
      signedAt: Date;
      content: RecordContent;
      sections: RecordSection[];
      /** Sections the team keeps from the person for now (the person is told that something is held back). */
      withheld: boolean;
    };

/** The reader a link's holder is, for the rules in ./rules.ts. */
export function readerOf(
  r: Omit<NonNullable<Awaited<ReturnType<typeof readerRecordOfInvitation>>>, 'versions' | 'shared' | 'withheld'>,
): Reader {
  return r.isPerson
    ? { kind: 'person' }
    : {
        kind: 'member',
        came: r.came,
        maySeeSharedRecords: r.maySeeSharedRecords,
        active: r.active,
        mayBeInvited: r.mayBeInvited,
      };
}

/**
 * What the holder of one personal link may read of their meeting's record: the signed version,
 * only the sections this reader may see, or nothing at all (no record yet, not shared with
 * them, withheld, or entered in error: the page says only that there are no notes to show).
 */
export async function readerView(db: Db, invitationId: string): Promise<ReaderView> {
  // One statement: the reader, the versions, what is shared and what is withheld.
  const reader = await readerRecordOfInvitation(db, invitationId);
  if (!reader) return { state: 'nothing' };
  const { versions, shared, withheld } = reader;
  const signed = signedVersion(versions);
  if (!signed) return { state: 'nothing' };
  const sections = readableSections(readerOf(reader), {
    signed: true,
    shared,
    withheld,
  });
  if (sections.length === 0) return { state: 'nothing' };
  return {
    state: 'record',
    meetingId: reader.meetingId,
    recordId: signed.id,
    version: signed.version,
    amended: signed.amendmentReason !== null,
    signedAt: signed.signatures[0]!.signedAt,
    content: signed.content,
    sections,
    withheld: reader.isPerson && withheld.length > 0,
  };
}

/** Whether this reader would read anything once the record is signed, for the notice that notes are ready. */
export async function wouldRead(db: Db, invitationId: string): Promise<boolean> {
  return (await readerView(db, invitationId)).state === 'record';
}
