import type { RecordSection } from '@/db/schema/records';
import { recordSections } from '@/db/schema/records';

/** What the versions of a record are, as the rules need them. */
export type VersionFacts = {
  version: number;
  authorId: string;
  amendmentReason: string | null;
  enteredInErrorReason: string | null;
  signatures: { signerId: string; kind: 'signed' | 'co_signed' }[];
};

export type RecordStatus = 'none' | 'draft' | 'signed' | 'co_signed' | 'entered_in_error';

export function latestOf<V extends VersionFacts>(versions: readonly V[]): V | undefined {
  return versions.reduce<V | undefined>((a, v) => (!a || v.version > a.version ? v : a), undefined);
}

export function recordStatus(versions: readonly VersionFacts[]): RecordStatus {
  const latest = latestOf(versions);
  if (!latest) return 'none';
  if (versions.some((v) => v.enteredInErrorReason)) return 'entered_in_error';
  if (latest.signatures.some((s) => s.kind === 'co_signed')) return 'co_signed';
  if (latest.signatures.some((s) => s.kind === 'signed')) return 'signed';
  return 'draft';
}

/** The latest signed version: what readers read (an amendment is signed when it is made). */
export function signedVersion<V extends VersionFacts>(versions: readonly V[]): V | undefined {
  if (versions.some((v) => v.enteredInErrorReason)) return undefined;
  return [...versions].sort((a, b) => b.version - a.version).find((v) => v.signatures.length > 0);
}

export type Permission = { ok: true } | { ok: false; why: string };
const yes: Permission = { ok: true };
const no = (why: string): Permission => ({ ok: false, why });

type Who = { came: boolean; meetingHeld: boolean };

/** Writing or changing the draft: a practitioner who came, to a held meeting, before it is signed. */
export function mayEditDraft(who: Who, versions: readonly VersionFacts[]): Permission {
  if (!who.meetingHeld) return no('Mark the meeting held, with who came, before writing its record.');
  if (!who.came) return no('Only the practitioners who came to the meeting write its record.');
  const status = recordStatus(versions);
  if (status === 'entered_in_error') return no('This record was marked entered in error: it takes no changes.');
  if (status === 'signed' || status === 'co_signed')
    return no('The record is signed and never changes: correct it with an amendment and its reason.');
  return yes;
}

export function maySign(who: Who, versions: readonly VersionFacts[]): Permission {
  const edit = mayEditDraft(who, versions);
  if (!edit.ok) return edit;
  if (recordStatus(versions) === 'none') return no('Save the record before signing it.');
  return yes;
}

/** A co-signature: a second practitioner who came, once it is signed by someone else. */
export function mayCoSign(who: Who & { actorId: string }, versions: readonly VersionFacts[]): Permission {
  if (!who.came) return no('Only a practitioner who came to the meeting can co-sign its record.');
  const status = recordStatus(versions);
  if (status === 'co_signed') return no('The record is already co-signed.');
  if (status !== 'signed') return no('The record can be co-signed once it is signed.');
  const signer = latestOf(versions)!.signatures.find((s) => s.kind === 'signed')!;
  if (signer.signerId === who.actorId) return no('A co-signature is by a second practitioner, not the one who signed.');
  return yes;
}

export function mayAmend(who: Who, versions: readonly VersionFacts[]): Permission {
  if (!who.came) return no('Only the practitioners who came to the meeting amend its record.');
  const status = recordStatus(versions);
  if (status === 'entered_in_error') return no('This record was marked entered in error: it takes no changes.');
  if (status !== 'signed' && status !== 'co_signed') return no('Only a signed record is amended; a draft is edited.');
  return yes;
}

export function mayMarkEnteredInError(who: Who, versions: readonly VersionFacts[]): Permission {
  if (!who.came) return no('Only the practitioners who came to the meeting can mark its record entered in error.');
  const status = recordStatus(versions);
  if (status === 'none') return no('There is no record to mark.');
  if (status === 'entered_in_error') return no('This record is already marked entered in error.');
  return yes;
}

export type Reader =
  | { kind: 'person' }
  | { kind: 'member'; came: boolean; maySeeSharedRecords: boolean; active: boolean; mayBeInvited: boolean };

/**
 * Whether this reader may read a meeting's signed notes at all: the person always; a network
 * member only if they came, the person allows them to see shared records, and they are still
 * in the network with consent to be invited.
 */
export function mayRead(reader: Reader): boolean {
  return (
    reader.kind === 'person' || (reader.came && reader.maySeeSharedRecords && reader.active && reader.mayBeInvited)
  );
}

/**
 * The sections of a signed record one reader may read: the person reads everything the team
 * has not withheld; a network member who may read (`mayRead`) reads the sections the person
 * chose to share, less anything withheld. Nobody else reads any.
 */
export function readableSections(
  reader: Reader,
  record: { signed: boolean; shared: readonly RecordSection[]; withheld: readonly (RecordSection | null)[] },
): RecordSection[] {
  if (!record.signed || record.withheld.includes(null) || !mayRead(reader)) return [];
  const allowed = reader.kind === 'person' ? recordSections : record.shared;
  return recordSections.filter((s) => allowed.includes(s) && !record.withheld.includes(s));
}
