import { and, asc, desc, eq } from 'drizzle-orm';
import type { NetworkMemberInput } from '@/lib/people/network-member-input';
import type { Db } from '../client';
import { consentChanges, networkMembers, users } from '../schema';
import { recordAudit } from './audit';

type Actor = { actorId: string; origin: string };
type PersonRef = { id: string; teamId: string };

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

export async function addNetworkMember(
  db: Db,
  person: PersonRef,
  input: NetworkMemberInput,
  actor: Actor,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(networkMembers)
      .values({ personId: person.id, ...values(input) })
      .returning({ id: networkMembers.id });
    await tx.insert(consentChanges).values({
      networkMemberId: row!.id,
      mayBeInvited: input.mayBeInvited,
      maySeeSharedRecords: input.maySeeSharedRecords,
      changedBy: actor.actorId,
    });
    await recordAudit(tx, {
      actorId: actor.actorId,
      teamId: person.teamId,
      action: 'create',
      entity: 'person',
      entityId: person.id,
      origin: actor.origin,
      detail: { networkMemberId: row!.id },
    });
    return row!.id;
  });
}

/** Saves the member; a change of consent is also kept, time-stamped, in the history. */
export async function updateNetworkMember(
  db: Db,
  person: PersonRef,
  memberId: string,
  input: NetworkMemberInput,
  actor: Actor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ mayBeInvited: networkMembers.mayBeInvited, maySeeSharedRecords: networkMembers.maySeeSharedRecords })
      .from(networkMembers)
      .where(and(eq(networkMembers.id, memberId), eq(networkMembers.personId, person.id)))
      .for('update');
    if (!before) return false;
    await tx
      .update(networkMembers)
      .set({ ...values(input), updatedAt: new Date() })
      .where(and(eq(networkMembers.id, memberId), eq(networkMembers.personId, person.id)));
    const consentChanged =
      before.mayBeInvited !== input.mayBeInvited || before.maySeeSharedRecords !== input.maySeeSharedRecords;
    if (consentChanged) {
      await tx.insert(consentChanges).values({
        networkMemberId: memberId,
        mayBeInvited: input.mayBeInvited,
        maySeeSharedRecords: input.maySeeSharedRecords,
        changedBy: actor.actorId,
      });
    }
    await recordAudit(tx, {
      actorId: actor.actorId,
      teamId: person.teamId,
      action: consentChanged ? 'consent-change' : 'update',
      entity: 'person',
      entityId: person.id,
      origin: actor.origin,
      detail: { networkMemberId: memberId },
    });
    return true;
  });
}

/** Members are never deleted: they leave the network and can come back. */
export async function setNetworkMemberActive(
  db: Db,
  person: PersonRef,
  memberId: string,
  active: boolean,
  actor: Actor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(networkMembers)
      .set({ active, updatedAt: new Date() })
      .where(and(eq(networkMembers.id, memberId), eq(networkMembers.personId, person.id)))
      .returning({ id: networkMembers.id });
    if (changed.length === 0) return false;
    await recordAudit(tx, {
      actorId: actor.actorId,
      teamId: person.teamId,
      action: active ? 'reactivate' : 'deactivate',
      entity: 'person',
      entityId: person.id,
      origin: actor.origin,
      detail: { networkMemberId: memberId },
    });
    return true;
  });
}
