import { notFound } from 'next/navigation';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { getDb } from '@/db/connection';
import { findPerson, type PersonRecord } from '@/db/queries/people';
import type { SessionUser } from '@/db/queries/users';
import { auditView } from '@/lib/audit/audit-view';
import { assertCan, can, readableTeams, type Action } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';

const uuid = z.guid();

/**
 * For pages showing a person's record: the person if the user may read them, else a 404
 * (never a hint that they exist). Every such view leaves an audit event.
 */
export async function openPersonRecord(
  id: string,
  view: string,
): Promise<{ user: SessionUser; db: Db; person: PersonRecord }> {
  const user = await requireUser();
  if (!uuid.safeParse(id).success) notFound();
  const db = await getDb();
  const person = await findPerson(db, id, readableTeams(user));
  if (!person || !can(user, 'read', { kind: 'person', teamId: person.teamId })) notFound();
  await auditView(db, user.id, {
    teamId: person.teamId,
    action: 'read',
    entity: 'person',
    entityId: person.id,
    detail: { view },
  });
  return { user, db, person };
}

/** For actions: the person if the user may do this to them, else "not found". */
export async function personForAction(
  db: Db,
  user: SessionUser,
  id: string,
  action: Action = 'update',
): Promise<PersonRecord> {
  if (!uuid.safeParse(id).success) throw new AppError('not_found');
  const person = await findPerson(db, id, readableTeams(user));
  if (!person) throw new AppError('not_found');
  assertCan(user, action, { kind: 'person', teamId: person.teamId });
  return person;
}
