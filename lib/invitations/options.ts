import type { inviteOptions } from '@/db/queries/invitations';
import { closenessLabel, relationshipLabel } from '@/lib/people/labels';

/** One choice of whom to invite, as the booking forms show it. */
export type InviteeOption = { value: string; label: string; note?: string; disabled?: boolean; checked: boolean };

type Invitees = { person: boolean; memberIds: Set<string> };
const nobody: Invitees = { person: false, memberIds: new Set() };

/**
 * The invite checkboxes for a person's meeting: the person and consented members, inner circle
 * ticked; members without consent shown but not choosable; those already invited (when moving
 * a meeting) ticked and fixed. Someone whose link was turned off is left unticked: ticking them
 * sends a new link, which the team should choose, not get by moving the meeting.
 */
export function inviteeOptions(
  choices: Awaited<ReturnType<typeof inviteOptions>>,
  alreadyInvited: Invitees = nobody,
  linkTurnedOff: Invitees = nobody,
): InviteeOption[] {
  const { person, members } = choices;
  const reach = (email: string | null, phone: string | null) =>
    email ? 'by email' : phone ? 'no email: text them the link' : 'no email or phone: give them the link';
  const turnedOffNote = 'their link was turned off: tick to send a new one';
  const personTurnedOff = !alreadyInvited.person && linkTurnedOff.person;
  return [
    {
      value: 'person',
      label: `${person.preferredName ?? person.givenName} (the person)`,
      note: alreadyInvited.person
        ? 'already invited'
        : personTurnedOff
          ? turnedOffNote
          : reach(person.email, person.phone),
      disabled: alreadyInvited.person,
      checked: !personTurnedOff,
    },
    ...members.map((m) => {
      const invited = alreadyInvited.memberIds.has(m.id);
      const turnedOff = !invited && m.mayBeInvited && linkTurnedOff.memberIds.has(m.id);
      return {
        value: m.id,
        label:
          `${m.givenName} ${m.familyName ?? ''}`.trim() +
          ` · ${relationshipLabel[m.relationship]} · ${closenessLabel[m.closeness].toLowerCase()}`,
        note: invited
          ? 'already invited'
          : !m.mayBeInvited
            ? 'has not agreed to be invited'
            : turnedOff
              ? turnedOffNote
              : reach(m.email, m.phone),
        disabled: invited || !m.mayBeInvited,
        checked: invited || (m.mayBeInvited && m.closeness === 'inner' && !turnedOff),
      };
    }),
  ];
}
