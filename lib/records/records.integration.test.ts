import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordVersions } from '@/db/queries/records';
import { invitations, meetingPractitioners, meetings, networkMembers, outbox } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '@/db/testing/factories';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors/app-error';
import { hashToken, tokenFor } from '@/lib/invitations/token';
import { amendRecord } from './amend-record';
import { startingContent } from './content';
import { markEnteredInError } from './mark-entered-in-error';
import { participantKey } from './participants';
import { readerView } from './reader-view';
import { recordAttendance } from './record-attendance';
import { saveRecord } from './save-record';
import { signRecord } from './sign-record';

const PASSWORD = 'a long test password';
const HOUR = 3_600_000;

/** The record's verbs against the database, on both engines. */
describe.each(engines)('meeting records on %s', (engine) => {
  let database: TestDatabase;
  let passwordHash: string;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    passwordHash = await hashPassword(PASSWORD);
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

  async function setting() {
    const { db } = database;
    const team = await makeTeam(db);
    const [alex, sam, kim] = await Promise.all(
      ['Alex', 'Sam', 'Kim'].map((name) => makeUser(db, { teamId: team.id, name, passwordHash })),
    );
    const person = await makePerson(db, team.id, { email: 'robin@example.net' });
    const [dana, kit] = await db
      .insert(networkMembers)
      .values([
        {
          personId: person.id,
          givenName: 'Dana',
          relationship: 'parent',
          kind: 'family',
          closeness: 'inner',
          mayBeInvited: true,
          maySeeSharedRecords: true,
          email: 'dana@example.net',
        },
        {
          personId: person.id,
          givenName: 'Kit',
          relationship: 'friend',
          kind: 'friend',
          closeness: 'middle',
          mayBeInvited: true,
          email: 'kit@example.net',
        },
      ])
      .returning();
    const meeting = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex!.id, sam!.id, kim!.id],
      startsAt: new Date(Date.now() - 3 * HOUR),
    });
    const invited = await db
      .insert(invitations)
      .values(
        [{ personId: person.id }, { networkMemberId: dana!.id }, { networkMemberId: kit!.id }].map((who, n) => {
          const id = crypto.randomUUID();
          return {
            id,
            meetingId: meeting.id,
            ...who,
            tokenHash: hashToken(tokenFor(id)),
            expiresAt: new Date(Date.now() + 90 * 24 * HOUR),
            response: n === 2 ? ('declined' as const) : ('accepted' as const),
          };
        }),
      )
      .returning({ id: invitations.id });
    const ctx = (user: { id: string }) => ({ db, actor: { actorId: user.id, origin: 'test' } });
    const ref = { id: person.id, teamId: team.id };
    await recordAttendance(ctx(alex!), {
      person: ref,
      meetingId: meeting.id,
      outcome: 'held',
      reason: null,
      presence: {
        [participantKey('person', person.id)]: 'came',
        [participantKey('member', dana!.id)]: 'came',
        [participantKey('member', kit!.id)]: 'apologies',
        [participantKey('practitioner', alex!.id)]: 'came',
        [participantKey('practitioner', sam!.id)]: 'apologies',
        [participantKey('practitioner', kim!.id)]: 'remote',
      },
      added: [],
    });
    const content = {
      ...startingContent([], { actions: [], questions: [] }),
      decisions: [{ options: '', decision: 'Two weeks without tablets', stances: [] }],
    };
    return { db, team, alex: alex!, sam: sam!, kim: kim!, person, ref, meeting, ctx, content, invited };
  }

  it('marks a meeting held with who came, which the calendars then read', async () => {
    const { db, meeting, sam, alex } = await setting();
    const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row!.status).toBe('held');
    const staff = await db.select().from(meetingPractitioners).where(eq(meetingPractitioners.meetingId, meeting.id));
    expect(staff.find((p) => p.userId === alex.id)!.attendance).toBe('attended');
    expect(staff.find((p) => p.userId === sam.id)!.attendance).toBe('absent');
  });

  it('refuses attendance before the meeting has started', async () => {
    const { db, team, alex, person, ctx } = await setting();
    const later = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex.id],
      startsAt: new Date(Date.now() + 48 * HOUR),
    });
    const refused = await failure(
      recordAttendance(ctx(alex), {
        person: { id: person.id, teamId: team.id },
        meetingId: later.id,
        outcome: 'held',
        reason: null,
        presence: {},
        added: [],
      }),
    );
    expect(refused.code).toBe('invalid_input');
  });

  it('lets only practitioners who came write the draft, and a stale save is a conflict', async () => {
    const { alex, sam, ref, meeting, ctx, content } = await setting();
    const input = { person: ref, meetingId: meeting.id, content, readBack: false };
    expect((await failure(saveRecord(ctx(sam), { ...input, basedOn: 0 }))).code).toBe('forbidden');
    expect((await saveRecord(ctx(alex), { ...input, basedOn: 0 })).version).toBe(1);
    expect((await saveRecord(ctx(alex), { ...input, basedOn: 1 })).version).toBe(2);
    expect((await failure(saveRecord(ctx(alex), { ...input, basedOn: 1 }))).code).toBe('conflict');
  });

  it('signs with the password, then never edits; tells the readers who may read it, and no one else', async () => {
    const { db, alex, kim, sam, ref, meeting, ctx, content, invited } = await setting();
    await saveRecord(ctx(alex), { person: ref, meetingId: meeting.id, content, readBack: true, basedOn: 0 });
    const sign = { person: ref, meetingId: meeting.id, kind: 'signed' as const, email: alex.email, version: 1 };
    expect((await failure(signRecord(ctx(alex), { ...sign, password: 'wrong' }))).fieldErrors?.password).toBeTruthy();
    await signRecord(ctx(alex), { ...sign, password: PASSWORD });
    expect(
      (
        await failure(
          saveRecord(ctx(alex), { person: ref, meetingId: meeting.id, content, readBack: true, basedOn: 1 }),
        )
      ).code,
    ).toBe('forbidden');
    // A co-signature: not by the signer, not by one who did not come; by a second who came.
    const coSign = { ...sign, kind: 'co_signed' as const, password: PASSWORD };
    expect((await failure(signRecord(ctx(alex), coSign))).code).toBe('forbidden');
    expect((await failure(signRecord(ctx(sam), { ...coSign, email: sam.email }))).code).toBe('forbidden');
    await signRecord(ctx(kim), { ...coSign, email: kim.email });
    const [version] = await recordVersions(db, meeting.id);
    expect(version!.signatures.map((s) => s.kind)).toEqual(['signed', 'co_signed']);
    // Notes are ready for the person; Dana came but nothing is shared with the network yet; Kit did not come.
    const notices = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.meetingId, meeting.id)));
    expect(notices.filter((n) => n.dedupeKey?.startsWith('notes:')).map((n) => n.toAddress)).toEqual([
      'robin@example.net',
    ]);
    expect(notices.find((n) => n.dedupeKey?.startsWith('notes:'))!.bodyText).not.toContain('tablets');
    expect((await readerView(db, invited[0]!.id)).state).toBe('record');
    expect((await readerView(db, invited[1]!.id)).state).toBe('nothing');
  });

  it('keeps the original beside an amendment, and an entry in error is read by nobody', async () => {
    const { db, alex, ref, meeting, ctx, content, invited } = await setting();
    await saveRecord(ctx(alex), { person: ref, meetingId: meeting.id, content, readBack: false, basedOn: 0 });
    await signRecord(ctx(alex), {
      person: ref,
      meetingId: meeting.id,
      kind: 'signed',
      email: alex.email,
      password: PASSWORD,
      version: 1,
    });
    const corrected = { ...content, decisions: [{ options: '', decision: 'One week without tablets', stances: [] }] };
    const amend = {
      person: ref,
      meetingId: meeting.id,
      basedOn: 1,
      readBack: false,
      reason: 'One week, not two',
      email: alex.email,
      password: PASSWORD,
    };
    expect((await failure(amendRecord(ctx(alex), { ...amend, content }))).code).toBe('invalid_input');
    await amendRecord(ctx(alex), { ...amend, content: corrected });
    const versions = await recordVersions(db, meeting.id);
    expect(versions.map((v) => v.content.decisions[0]!.decision)).toEqual([
      'Two weeks without tablets',
      'One week without tablets',
    ]);
    expect(versions[1]!.amendmentReason).toBe('One week, not two');
    const read = await readerView(db, invited[0]!.id);
    expect(read.state === 'record' && read.content.decisions[0]!.decision).toBe('One week without tablets');
    await markEnteredInError(ctx(alex), { person: ref, meetingId: meeting.id, reason: 'Wrong person' });
    expect((await readerView(db, invited[0]!.id)).state).toBe('nothing');
    expect(await recordVersions(db, meeting.id)).toHaveLength(3);
  });
});
