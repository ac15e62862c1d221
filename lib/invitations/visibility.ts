import type { inviteeVisibility } from '@/db/schema/enums';

export type InviteeVisibility = (typeof inviteeVisibility.enumValues)[number];

/**
 * Whether an invitee sees the first names of the others invited. The person always does: it is
 * their meeting. A network member does only when the person is happy for names to be shared;
 * otherwise they learn only that the team is coming and that others are invited.
 */
export function seesOthersByName(invitee: {
  networkMemberId: string | null;
  inviteesSeeEachOther: InviteeVisibility;
}): boolean {
  return invitee.networkMemberId === null || invitee.inviteesSeeEachOther === 'names';
}
