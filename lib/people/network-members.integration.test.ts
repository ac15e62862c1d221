import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentHistory, findNetworkMember, listNetwork } from '@/db/queries/network';
import { auditEvents, networkMembers } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { addNetworkMember } from './add-network-member';
import { changeNetworkMemberActive } from './change-network-member-active';
import { saveNetworkMember } from './save-network-member';

describe.each(engines)("a person's network on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  const anne = {
    givenName: 'Anne',
    familyName: 'Ash',
    relationship: 'parent',
    kind: 'family',
    closeness: 'inner',
    email: 'anne@example.net',
    phone: null,
    preferredChannel: 'email',
    mayBeInvited: true,
    maySeeSharedRecords: false,
  } as const;

  it('keeps every consent change, time-stamped, and never deletes a member', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const me = await makeUser(db, { teamId: team.id, name: 'Alex' });
    const person = await makePerson(db, team.id);
    const ctx = { db, actor: { actorId: me.id, origin: 'test' } };
    const id = await addNetworkMember(ctx, { person, input: anne });
    expect(await consentHistory(db, id)).toMatchObject([
      { mayBeInvited: true, maySeeSharedRecords: false, by: 'Alex' },
    ]);

    await saveNetworkMember(ctx, { person, memberId: id, input: { ...anne, closeness: 'middle' } });
    expect(await consentHistory(db, id)).toHaveLength(1); // no consent change, no new row
    await saveNetworkMember(ctx, {
      person,
      memberId: id,
      input: { ...anne, closeness: 'middle', mayBeInvited: false, maySeeSharedRecords: true },
    });
    const history = await consentHistory(db, id);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ mayBeInvited: false, maySeeSharedRecords: true });
    expect((await findNetworkMember(db, person.id, id))?.closeness).toBe('middle');

    await changeNetworkMemberActive(ctx, { person, memberId: id, active: false });
    const network = await listNetwork(db, person.id);
    expect(network).toHaveLength(1);
    expect(network[0]?.active).toBe(false);

    const events = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'person'), eq(auditEvents.entityId, person.id)));
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'consent-change', 'deactivate']);
  });

  it("cannot reach another person's member through this person", async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const me = await makeUser(db, { teamId: team.id });
    const person = await makePerson(db, team.id);
    const someoneElse = await makePerson(db, team.id);
    const ctx = { db, actor: { actorId: me.id, origin: 'test' } };
    const theirs = await addNetworkMember(ctx, { person: someoneElse, input: anne });
    expect(await findNetworkMember(db, person.id, theirs)).toBeUndefined();
    await expect(
      saveNetworkMember(ctx, { person, memberId: theirs, input: { ...anne, givenName: 'Changed' } }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(changeNetworkMemberActive(ctx, { person, memberId: theirs, active: false })).rejects.toMatchObject({
      code: 'not_found',
    });
    const [row] = await db.select().from(networkMembers).where(eq(networkMembers.id, theirs));
    expect(row).toMatchObject({ givenName: 'Anne', active: true });
  });
});
