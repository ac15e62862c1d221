import type { Db } from '@/db/client';
import { revokeMemberInvitations, withdrawUnsentEmails } from '@/db/queries/invitation-revocations';

export type StoppedInvitations = { meetings: number; emails: number };

/**
 * When the person withdraws their consent to someone being invited, or takes them off the
 * network: inside that change's transaction, every link of theirs stops
 * working and every email to them that has not gone out is taken back, so they are not
 * told where or when again.
 */
export async function stopMemberInvitations(tx: Db, memberId: string): Promise<StoppedInvitations> {
  const revoked = await revokeMemberInvitations(tx, memberId);
  const emails = await withdrawUnsentEmails(
    tx,
    revoked.map((r) => r.id),
  );
  return { meetings: new Set(revoked.map((r) => r.meetingId)).size, emails };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** ("Ivy’s") "Ivy’s links to 2 meetings no longer work, and 1 email still waiting to go was withdrawn." */
export function stoppedInvitationsSentence(whose: string, stopped: StoppedInvitations): string | undefined {
  if (stopped.meetings === 0 && stopped.emails === 0) return undefined;
  const links = `${whose} ${stopped.meetings === 1 ? 'link' : 'links'} to ${plural(stopped.meetings, 'meeting', 'meetings')} no longer ${stopped.meetings === 1 ? 'works' : 'work'}`;
  const emails =
    stopped.emails > 0
      ? `, and ${plural(stopped.emails, 'email', 'emails')} still waiting to go ${stopped.emails === 1 ? 'was' : 'were'} withdrawn`
      : '';
  return `${links}${emails}.`;
}
