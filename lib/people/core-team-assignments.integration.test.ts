import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { coreTeamHistory, teamPractitioners } from '@/db/queries/core-team';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { assignToCoreTeam } from './assign-core-team';
import { endCoreTeamAssignment } from './end-core-team-assignment';

describe.each(engines)('the core team on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function refused(promise: Promise<unknown>): Promise<AppError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('assigns only practitioners of the team, once at a time, and keeps the history', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const other = await makeTeam(db);
    const lead = await makeUser(db, { teamId: team.id, name: 'Lee Lead' });
    const peer = await makeUser(db, { teamId: team.id, name: 'Pat Peer', discipline: 'peer_support_worker' });
    const outsider = await makeUser(db, { teamId: other.id });
    const gone = await makeUser(db, { teamId: team.id, disabledAt: new Date() });
    const person = await makePerson(db, team.id);
    const ctx = { db, actor: { actorId: lead.id, origin: 'test' } };

    expect((await teamPractitioners(db, team.id)).map((p) => p.name)).toEqual(['Lee Lead', 'Pat Peer']);
    await assignToCoreTeam(ctx, {
      person,
      input: { userId: lead.id, role: 'lead', startsOn: '2026-01-01', endsOn: null },
    });
    await assignToCoreTeam(ctx, {
      person,
      input: { userId: peer.id, role: 'peer', startsOn: '2026-01-01', endsOn: null },
    });

    const outside = await refused(
      assignToCoreTeam(ctx, {
        person,
        input: { userId: outsider.id, role: 'co_worker', startsOn: '2026-01-01', endsOn: null },
      }),
    );
    expect(outside.fieldErrors?.userId).toEqual(['Choose a practitioner from the team']);
    expect(
      (
        await refused(
          assignToCoreTeam(ctx, {
            person,
            input: { userId: gone.id, role: 'co_worker', startsOn: '2026-01-01', endsOn: null },
          }),
        )
      ).code,
    ).toBe('invalid_input');
    const twice = await refused(
      assignToCoreTeam(ctx, {
        person,
        input: { userId: lead.id, role: 'co_worker', startsOn: '2026-03-01', endsOn: null },
      }),
    );
    expect(twice.fieldErrors?.userId?.[0]).toMatch(/Lee Lead is already on the core team/);

    const [leadRow] = (await coreTeamHistory(db, person.id)).filter((a) => a.userId === lead.id);
    expect(
      (await refused(endCoreTeamAssignment(ctx, { person, assignmentId: leadRow!.id, endsOn: '2025-12-31' })))
        .fieldErrors?.endsOn,
    ).toBeDefined();
    await endCoreTeamAssignment(ctx, { person, assignmentId: leadRow!.id, endsOn: '2026-06-30' });
    // After the first stint has ended, they can come back.
    await assignToCoreTeam(ctx, {
      person,
      input: { userId: lead.id, role: 'co_worker', startsOn: '2026-09-01', endsOn: null },
    });
    const history = await coreTeamHistory(db, person.id);
    expect(history.map((a) => [a.name, a.role, a.endsOn])).toEqual([
      ['Lee Lead', 'co_worker', null],
      ['Pat Peer', 'peer', null],
      ['Lee Lead', 'lead', '2026-06-30'],
    ]);
  });
});
