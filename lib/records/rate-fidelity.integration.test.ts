import { practitionerCame } from '@/db/queries/records';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { latestReflectionsHeld, ratingsBy, teamFidelityTrend, whoCameCounts } from '@/db/queries/fidelity';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import {
  auditEvents,
  fidelityElements,
  fidelityRatings,
  meetingAttendance,
  meetingRecords,
  networkMembers,
  type Presence,
  type RecordContent,
} from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { formData as form } from '@/db/testing/form-data';
import { idle } from '@/lib/actions/form-state';
import { AppError } from '@/lib/errors/app-error';
import { prefill } from './fidelity';
import { rateFidelity, type FidelityRatingInput } from './rate-fidelity';

/** The form goes through the app's own action, which checks who is asking. */
const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined, db: undefined as Db | undefined }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
vi.mock('next/headers', () => import('@/db/testing/next-mocks').then((m) => m.headers()));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));

const { rateFidelityAction } = await import('@/app/(app)/people/[id]/meetings/[meetingId]/fidelity/actions');

const HOUR = 3_600_000;

/** All 12 rated 2 with no note, except those given. */
function ratings(
  overrides: Partial<Record<(typeof fidelityElements)[number], Omit<FidelityRatingInput, 'element'>>> = {},
) {
  return fidelityElements.map((element) => ({ element, score: 2 as const, note: null, ...overrides[element] }));
}

/** The same as the form sends it. */
function fields(personId: string, meetingId: string, values: Record<string, string> = {}) {
  return {
    personId,
    meetingId,
    ...Object.fromEntries(
      fidelityElements.flatMap((e) => [
        [`score.${e}`, '1'],
        [`note.${e}`, ''],
      ]),
    ),
    ...values,
  };
}

describe.each(engines)('fidelity self-rating on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    session.db = database.db;
  });
  afterAll(async () => {
    await database?.close();
  });

  async function failure(promise: Promise<unknown>): Promise<AppError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  /** A held meeting three hours ago: Alex and Kim came, Sam sent apologies, Dana from the network came. */
  async function setting() {
    const { db } = database;
    const team = await makeTeam(db);
    const [alex, sam, kim] = await Promise.all(
      ['Alex', 'Sam', 'Kim'].map((name) => makeUser(db, { teamId: team.id, name })),
    );
    const person = await makePerson(db, team.id);
    const [dana] = await db
      .insert(networkMembers)
      .values({ personId: person.id, givenName: 'Dana', relationship: 'parent', kind: 'family', closeness: 'inner' })
      .returning();
    const meeting = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex!.id, sam!.id, kim!.id],
      startsAt: new Date(Date.now() - 3 * HOUR),
      status: 'held',
    });
    const came = (who: { userId?: string; networkMemberId?: string; personId?: string }, presence: Presence) => ({
      meetingId: meeting.id,
      ...who,
      presence,
      recordedBy: alex!.id,
    });
    await db
      .insert(meetingAttendance)
      .values([
        came({ userId: alex!.id }, 'came'),
        came({ userId: kim!.id }, 'remote'),
        came({ userId: sam!.id }, 'apologies'),
        came({ networkMemberId: dana!.id }, 'came_late'),
        came({ personId: person.id }, 'came'),
      ]);
    const ctx = (user: { id: string }) => ({ db, actor: { actorId: user.id, origin: 'test' } });
    const ref = { id: person.id, teamId: team.id };
    return { db, team, alex: alex!, sam: sam!, kim: kim!, person, ref, meeting, ctx };
  }

  it('lets a practitioner who came rate the meeting, then change a rating', async () => {
    const { db, alex, kim, ref, meeting, ctx, team } = await setting();
    await rateFidelity(ctx(alex), { person: ref, meetingId: meeting.id, ratings: ratings() });
    expect((await ratingsBy(db, meeting.id, alex.id)).map((r) => r.score)).toEqual(fidelityElements.map(() => 2));
    await rateFidelity(ctx(alex), {
      person: ref,
      meetingId: meeting.id,
      ratings: ratings({
        reflections: { score: 3, note: 'We reflected twice, in front of Dana' },
        matter_of_fact: { score: null, note: null },
      }),
    });
    const mine = new Map((await ratingsBy(db, meeting.id, alex.id)).map((r) => [r.element, r]));
    expect(mine.size).toBe(12);
    expect(mine.get('reflections')).toEqual({
      element: 'reflections',
      score: 3,
      note: 'We reflected twice, in front of Dana',
    });
    expect(mine.get('matter_of_fact')!.score).toBeNull();
    expect(mine.get('open_questions')!.score).toBe(2);
    // Kim's own rating is hers alone; Alex's is untouched by it.
    await rateFidelity(ctx(kim), {
      person: ref,
      meetingId: meeting.id,
      ratings: ratings({ reflections: { score: 1, note: null } }),
    });
    expect((await ratingsBy(db, meeting.id, alex.id)).find((r) => r.element === 'reflections')!.score).toBe(3);
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'fidelity'), eq(auditEvents.entityId, meeting.id)))
      .orderBy(asc(auditEvents.id));
    expect(audit.map((a) => [a.action, a.actorId, a.teamId])).toEqual([
      ['rate', alex.id, team.id],
      ['rate', alex.id, team.id],
      ['rate', kim.id, team.id],
    ]);
    // The team's trend counts ratings per score, never naming who gave them.
    const trend = (await teamFidelityTrend(db, team.id)).filter((r) => r.element === 'reflections');
    expect(trend.map((r) => [r.score, r.ratings])).toEqual([
      [1, 1],
      [3, 1],
    ]);
    expect(Object.keys(trend[0]!).sort()).toEqual(['element', 'month', 'ratings', 'score']);
  });

  it('refuses a practitioner who did not come', async () => {
    const { db, sam, ref, meeting, ctx } = await setting();
    const refused = await failure(rateFidelity(ctx(sam), { person: ref, meetingId: meeting.id, ratings: ratings() }));
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toBe('Only practitioners who came to the meeting rate it.');
    expect(await db.select().from(fidelityRatings).where(eq(fidelityRatings.meetingId, meeting.id))).toEqual([]);
  });

  it('refuses a meeting that was not held', async () => {
    const { db, alex, team, person, ref, ctx } = await setting();
    const booked = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex.id],
      startsAt: new Date(Date.now() - 30 * HOUR),
    });
    const refused = await failure(rateFidelity(ctx(alex), { person: ref, meetingId: booked.id, ratings: ratings() }));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toMatch(/held/);
    expect(await db.select().from(fidelityRatings).where(eq(fidelityRatings.meetingId, booked.id))).toEqual([]);
  });

  it('refuses ratings that leave an element out', async () => {
    const { alex, ref, meeting, ctx } = await setting();
    const refused = await failure(
      rateFidelity(ctx(alex), { person: ref, meetingId: meeting.id, ratings: ratings().slice(1) }),
    );
    expect(refused.code).toBe('invalid_input');
  });

  it('keeps a practitioner of another team out, as if the person did not exist', async () => {
    const { db, alex, person, meeting } = await setting();
    const other = await makeTeam(db);
    const stranger = await makeUser(db, { teamId: other.id, name: 'Someone Else' });
    session.user = (await findSessionUser(db, stranger.id))!;
    const state = await rateFidelityAction(idle, form(fields(person.id, meeting.id)));
    expect(state.code).toBe('not_found');
    // The verb itself, given the other team as the person's team, finds no meeting either.
    const refused = await failure(
      rateFidelity(
        { db, actor: { actorId: alex.id, origin: 'test' } },
        { person: { id: person.id, teamId: other.id }, meetingId: meeting.id, ratings: ratings() },
      ),
    );
    expect(refused.code).toBe('not_found');
    expect(await db.select().from(fidelityRatings).where(eq(fidelityRatings.meetingId, meeting.id))).toEqual([]);
  });

  it('through the form: a missing score is named beside its field with the rest kept, then it saves', async () => {
    const { db, alex, person, meeting } = await setting();
    session.user = (await findSessionUser(db, alex.id))!;
    const typed = fields(person.id, meeting.id, { 'note.present_moment': 'Slow start' });
    delete (typed as Record<string, string>)['score.transparency'];
    const bad = await rateFidelityAction(idle, form(typed));
    expect(bad.status).toBe('error');
    expect(bad.fieldErrors?.['score.transparency']).toEqual(["Choose a score or 'not applicable'"]);
    expect(bad.values?.['note.present_moment']).toBe('Slow start');
    expect(await ratingsBy(db, meeting.id, alex.id)).toEqual([]);
    const long = await rateFidelityAction(
      idle,
      form(fields(person.id, meeting.id, { 'note.present_moment': 'x'.repeat(1_001) })),
    );
    expect(long.fieldErrors?.['note.present_moment']).toEqual(['Please keep the note under 1,000 characters']);
    const good = await rateFidelityAction(
      idle,
      form(fields(person.id, meeting.id, { 'score.transparency': 'na', 'note.present_moment': 'Slow start' })),
    );
    expect(good.status).toBe('success');
    const saved = new Map((await ratingsBy(db, meeting.id, alex.id)).map((r) => [r.element, r]));
    expect(saved.get('transparency')!.score).toBeNull();
    expect(saved.get('present_moment')).toEqual({ element: 'present_moment', score: 1, note: 'Slow start' });
    expect(saved.get('open_questions')!.note).toBeNull();
  });

  it('suggests scores from who came and what the record says', async () => {
    const { db, alex, sam, meeting } = await setting();
    expect(await practitionerCame(db, meeting.id, alex.id)).toBe(true);
    expect(await practitionerCame(db, meeting.id, sam.id)).toBe(false);
    expect(await whoCameCounts(db, meeting.id)).toEqual({ practitioners: 2, networkMembers: 1 });
    expect(await latestReflectionsHeld(db, meeting.id)).toBeNull();
    const content = (held: boolean | null): RecordContent => ({
      voices: [],
      reflections: { held, said: '', response: '' },
      decisions: [],
      openQuestions: [],
      actions: [],
      nextMeeting: { when: '', where: '', who: '' },
    });
    await db
      .insert(meetingRecords)
      .values({ meetingId: meeting.id, version: 1, content: content(false), authorId: alex.id });
    expect(await latestReflectionsHeld(db, meeting.id)).toBe(false);
    await db
      .insert(meetingRecords)
      .values({ meetingId: meeting.id, version: 2, content: content(true), authorId: alex.id });
    const reflectionsHeld = await latestReflectionsHeld(db, meeting.id);
    expect(reflectionsHeld).toBe(true);
    const counts = await whoCameCounts(db, meeting.id);
    expect(
      prefill({
        practitionersWhoCame: counts.practitioners,
        networkMembersWhoCame: counts.networkMembers,
        reflectionsHeld,
      }),
    ).toEqual({ two_or_more_practitioners: 3, network_participation: 3, reflections: 3 });
  });
});
