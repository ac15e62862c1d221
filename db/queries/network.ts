import { and, asc, desc, eq } from 'drizzle-orm';
import type { NetworkMemberInput } from '@/lib/people/network-member-input';
import type { Db } from '../client';
import { consentChanges, networkMembers, users } from '../schema';
import type { PersonRef } from './people';

const memberColumns = {
  id: networkMembers.id,
  personId: networkMembers.personId,
  givenName: networkMembers.givenName,
  familyName: networkMembers.familyName,
  relationship: networkMembers.relationship,
  kind: networkMembers.kind,
  closeness: networkMembers.closeness,
  email: networkMembers.email,
  phone: networkMembers.phone,
  preferredChannel: networkMembers.preferredChannel,
  mayBeInvited: networkMembers.mayBeInvited,
  maySeeSharedRecords: networkMembers.maySeeSharedRecords,
  active: networkMembers.active,
  updatedAt: networkMembers.updatedAt,
};

/** The person's network, current members first. The caller has already checked the person. */
export async function listNetwork(db: Db, personId: string) {
  return db
    .select(memberColumns)
    .from(networkMembers)
    .where(eq(networkMembers.personId, personId))
    .orderBy(desc(networkMembers.active), asc(networkMembers.closeness), asc(networkMembers.givenName));
}

export type NetworkMember = Awaited<ReturnType<typeof listNetwork>>[number];

export async function findNetworkMember(db: Db, personId: string, memberId: string) {
  const rows = await db
    .select(memberColumns)
    .from(networkMembers)
    .where(and(eq(networkMembers.id, memberId), eq(networkMembers.personId, personId)))
    .limit(1);
  return rows[0];
}

export async function consentHistory(db: Db, memberId: string) {
  return db
    .select({
      at: consentChanges.changedAt,
      mayBeInvited: consentChanges.mayBeInvited,
      maySeeSharedRecords: consentChanges.maySeeSharedRecords,
      by: users.name,
    })
    .from(consentChanges)
    .innerJoin(users, eq(users.id, consentChanges.changedBy))
    .where(eq(consentChanges.networkMemberId, memberId))
    .orderBy(desc(consentChanges.changedAt), desc(consentChanges.id));
}

function values(input: NetworkMemberInput) {
  return {
    givenName: input.givenName,
    familyName: input.familyName,
    relationship: input.relationship,
    kind: input.kind,
    closeness: input.closeness,
    email: input.email,
    phone: input.phone,
    preferredChannel: input.preferredChannel,
    mayBeInvited: input.mayBeInvited,
    maySeeSharedRecords: input.maySeeSharedRecords,
  };
}

/** A new member of the person's network, with their consent as the first line of its history. */
export async function insertNetworkMember(
  db: Db,
  personId: string,
  input: NetworkMemberInput,
  changedBy: string,
): Promise<string> {
  const [row] = await db
    .insert(networkMembers)
    .values({ personId, ...values(input) })
    .returning({ id: networkMembers.id });
  await db.insert(consentChanges).values({
    networkMemberId: row!.id,
    mayBeInvited: input.mayBeInvited,
    maySeeSharedRecords: input.maySeeSharedRecords,
    changedBy,
  });
  return row!.id;
}

/**
 * Saves the member (locked first, so two saves at once keep the history true); a change of
 * consent is also kept, time-stamped, in the history. Undefined when the person has no such member.
 */
export async function updateNetworkMember(
  db: Db,
  person: PersonRef,
  memberId: string,
  input: NetworkMemberInput,
  changedBy: string,
): Promise<{ consentChanged: boolean } | undefined> {
  const [before] = await db
    .select({ mayBeInvited: networkMembers.mayBeInvited, maySeeSharedRecords: networkMembers.maySeeSharedRecords })
    .from(networkMembers)
    .where(and(eq(networkMembers.id, memberId), eq(networkMembers.personId, person.id)))
    .for('update');
  if (!before) return undefined;
  await db
    .update(networkMembers)
    .set({ ...values(input), updatedAt: new Date() })
    .where(and(eq(networkMembers.id, memberId), eq(networkMembers.personId, person.id)));
  const consentChanged =
    before.mayBeInvited !== input.mayBeInvited || before.maySeeSharedRecords !== input.maySeeSharedRecords;
  if (consentChanged) {
    await db.insert(consentChanges).values({
      networkMemberId: memberId,
      mayBeInvited: input.mayBeInvited,
      maySeeSharedRecords: input.maySeeSharedRecords,
      changedBy,
    });
  }
  return { consentChanged };
}

/** Members are never deleted: they leave the network and can come back. False when there is no such member. */
export async function setNetworkMemberActive(
  db: Db,
  person: PersonRef,
  memberId: string,
  active: boolean,
): Promise<boolean> {
  const changed = await db
    .update(networkMembers)
    .set({ active, updatedAt: new Date() })
    .where(and(eq(networkMembers.id, memberId), eq(networkMembers.personId, person.id)))
    .returning({ id: networkMembers.id });
  return changed.length > 0;
}
