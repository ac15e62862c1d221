import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makePerson, makeTeam, makeUser } from '../testing/factories';
import { assignToCoreTeam, coreTeamHistory, endCoreTeamAssignment, teamPractitioners } from './core-team';

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
    const actor = { actorId: lead.id, origin: 'test' };

    expect((await teamPractitioners(db, team.id)).map((p) => p.name)).toEqual(['Lee Lead', 'Pat Peer']);
    await assignToCoreTeam(db, person, { userId: lead.id, role: 'lead', startsOn: '2026-01-01', endsOn: null }, actor);
    await assignToCoreTeam(db, person, { userId: peer.id, role: 'peer', startsOn: '2026-01-01', endsOn: null }, actor);

    const outside = await refused(
      assignToCoreTeam(
        db,
        person,
        { userId: outsider.id, role: 'co_worker', startsOn: '2026-01-01', endsOn: null },
        actor,
      ),
    );
    expect(outside.fieldErrors?.userId).toEqual(['Choose a practitioner from the team']);
    expect(
      (
        await refused(
          assignToCoreTeam(
            db,
            person,
            { userId: gone.id, role: 'co_worker', startsOn: '2026-01-01', endsOn: null },
            actor,
          ),
        )
      ).code,
    ).toBe('invalid_input');
    const twice = await refused(
      assignToCoreTeam(db, person, { userId: lead.id, role: 'co_worker', startsOn: '2026-03-01', endsOn: null }, actor),
    );
    expect(twice.fieldErrors?.userId?.[0]).toMatch(/Lee Lead is already on the core team/);

    const [leadRow] = (await coreTeamHistory(db, person.id)).filter((a) => a.userId === lead.id);
    expect(
      (await refused(endCoreTeamAssignment(db, person, leadRow!.id, '2025-12-31', actor))).fieldErrors?.endsOn,
    ).toBeDefined();
    await endCoreTeamAssignment(db, person, leadRow!.id, '2026-06-30', actor);
    // After the first stint has ended, they can come back.
    await assignToCoreTeam(
      db,
      person,
      { userId: lead.id, role: 'co_worker', startsOn: '2026-09-01', endsOn: null },
      actor,
    );
    const history = await coreTeamHistory(db, person.id);
    expect(history.map((a) => [a.name, a.role, a.endsOn])).toEqual([
      ['Lee Lead', 'co_worker', null],
      ['Pat Peer', 'peer', null],
      ['Lee Lead', 'lead', '2026-06-30'],
    ]);
  });
});
