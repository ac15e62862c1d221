import { recordAudit } from '@/db/queries/audit';
import { insertSignature } from '@/db/queries/records';
import { findUserForSignIn } from '@/db/queries/users';
import type { VerbContext } from '@/lib/actions/context';
import { verifyPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors/app-error';
import { notifyReaders } from './notify-readers';
import { allowed, recordContext } from './record-context';
import { latestOf, mayCoSign, maySign } from './rules';
import type { PersonRef } from '@/db/queries/people';

/** Signing asks for the signer's password again: a signature is theirs alone. */
export async function confirmPassword(
  db: VerbContext['db'],
  email: string,
  userId: string,
  password: string,
): Promise<void> {
  const user = await findUserForSignIn(db, email);
  const ok = await verifyPassword(
    user && user.id === userId && !user.disabledAt ? user.passwordHash : undefined,
    password,
  );
  if (!ok)
    throw new AppError('invalid_input', 'That password is not right.', {
      fieldErrors: { password: ['That password is not right: type the one you sign in with'] },
    });
}

/**
 * Signs the newest version (`signed`), or adds a second practitioner's co-signature. From the
 * first signature on the record never changes (the database refuses it), and the person and
 * the network members who may read it are told their notes are ready.
 */
export async function signRecord(
  ctx: VerbContext,
  input: {
    person: PersonRef;
    meetingId: string;
    kind: 'signed' | 'co_signed';
    email: string;
    password: string;
    version: number;
  },
): Promise<void> {
  await confirmPassword(ctx.db, input.email, ctx.actor.actorId, input.password);
  await ctx.db.transaction(async (tx) => {
    const { meeting, versions, who } = await recordContext(tx, input.person, input.meetingId, ctx.actor.actorId);
    allowed(input.kind === 'signed' ? maySign(who, versions) : mayCoSign(who, versions));
    const latest = latestOf(versions)!;
    if (latest.version !== input.version)
      throw new AppError(
        'conflict',
        `The record changed (now version ${latest.version}) since you opened it: read it again, then sign.`,
      );
    await insertSignature(tx, { recordId: latest.id, signerId: ctx.actor.actorId, kind: input.kind });
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: input.person.teamId,
      action: input.kind === 'signed' ? 'sign' : 'co-sign',
      entity: 'meeting_record',
      entityId: meeting.id,
      origin: ctx.actor.origin,
      detail: { version: latest.version },
    });
    if (input.kind === 'signed') await notifyReaders(tx, meeting.id, latest.version);
  });
}
