import { presentValues, type Presence } from '@/db/schema/records';
import type { meetingParticipants } from '@/db/queries/records';

export type ParticipantKind = 'person' | 'member' | 'practitioner';

/** One person at (or expected at) a meeting, as attendance and the record name them. */
export type Participant = {
  /** `p:` the person, `m:` a network member, `u:` a practitioner, then the id. */
  key: string;
  kind: ParticipantKind;
  id: string;
  name: string;
  /** Expected: booked or invited. False for someone added after the meeting. */
  invited: boolean;
  presence: Presence | null;
  coveringFor: string | null;
  /** Network members only: the person's consent to their reading shared records. */
  maySeeSharedRecords: boolean;
};

export const presenceLabel: Record<Presence, string> = {
  came: 'Came',
  came_late: 'Came late',
  left_early: 'Left early',
  remote: 'Joined by phone or video',
  apologies: 'Sent apologies',
  no_word: 'No word',
};

const here = new Set<Presence>(presentValues);

/** Whether a presence means the person was there, in the room or by phone or video. */
export function wasThere(presence: Presence | null | undefined): boolean {
  return presence != null && here.has(presence);
}

export function participantKey(kind: ParticipantKind, id: string): string {
  return `${kind === 'person' ? 'p' : kind === 'member' ? 'm' : 'u'}:${id}`;
}

/** Splits a key back into its kind and id, or undefined when it is not one. */
export function parseParticipantKey(key: string): { kind: ParticipantKind; id: string } | undefined {
  const match = /^([pmu]):([0-9a-f-]{36})$/i.exec(key);
  if (!match) return undefined;
  const kind = match[1] === 'p' ? 'person' : match[1] === 'm' ? 'member' : 'practitioner';
  return { kind, id: match[2]!.toLowerCase() };
}

type Rows = Awaited<ReturnType<typeof meetingParticipants>>;

/**
 * Everyone for the attendance form and the record, in a fixed order: the person, the network
 * members, then the practitioners; each with what was recorded for them.
 */
export function participantsOf(rows: Rows): Participant[] {
  const byKey = new Map<string, Participant>();
  for (const i of rows.invited) {
    if (i.personId) {
      byKey.set(participantKey('person', i.personId), {
        key: participantKey('person', i.personId),
        kind: 'person',
        id: i.personId,
        name: i.personName ?? 'The person',
        invited: true,
        presence: null,
        coveringFor: null,
        maySeeSharedRecords: true,
      });
    } else if (i.networkMemberId) {
      byKey.set(participantKey('member', i.networkMemberId), {
        key: participantKey('member', i.networkMemberId),
        kind: 'member',
        id: i.networkMemberId,
        name: i.memberName ?? 'Someone from the network',
        invited: true,
        presence: null,
        coveringFor: null,
        maySeeSharedRecords: i.maySeeSharedRecords ?? false,
      });
    }
  }
  for (const b of rows.booked) {
    byKey.set(participantKey('practitioner', b.userId), {
      key: participantKey('practitioner', b.userId),
      kind: 'practitioner',
      id: b.userId,
      name: b.name,
      invited: true,
      presence: null,
      coveringFor: null,
      maySeeSharedRecords: false,
    });
  }
  for (const r of rows.recorded) {
    const kind: ParticipantKind = r.userId ? 'practitioner' : r.personId ? 'person' : 'member';
    const id = (r.userId ?? r.personId ?? r.networkMemberId)!;
    const key = participantKey(kind, id);
    const known = byKey.get(key);
    byKey.set(key, {
      key,
      kind,
      id,
      name: known?.name ?? r.userName ?? r.memberName ?? r.personName ?? 'Someone',
      invited: known?.invited ?? r.invited,
      presence: r.presence,
      coveringFor: r.coveringFor,
      maySeeSharedRecords: kind === 'member' ? (r.maySeeSharedRecords ?? false) : kind === 'person',
    });
  }
  const order: Record<ParticipantKind, number> = { person: 0, member: 1, practitioner: 2 };
  return [...byKey.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
}
