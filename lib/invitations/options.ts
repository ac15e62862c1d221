import type { InviteeOption } from '@/components/scheduling/invitee-choices';
import type { inviteOptions } from '@/db/queries/invitations';
import { closenessLabel, relationshipLabel } from '@/lib/people/labels';

/**
 * The invite checkboxes for a person's meeting: the person and consented members, inner circle
 * ticked; members without consent shown but not choosable; those already invited (when moving
 * a meeting) ticked and fixed.
 */
export function inviteeOptions(choices: Awaited<ReturnType<typeof inviteOptions>>, alreadyInvited: { person: boolean; memberIds: Set<string> } = { person: false, memberIds: new Set() }): InviteeOption[] {
  const { person, members } = choices;
  const reach = (email: string | null, phone: string | null) => (email ? 'by email' : phone ? 'no email: text them the link' : 'no email or phone: give them the link');
  return [
    {
      value: 'person',
      label: `${person.preferredName ?? person.givenName} (the person)`,
      note: alreadyInvited.person ? 'already invited' : reach(person.email, person.phone),
      disabled: alreadyInvited.person,
      checked: true,
    },
    ...members.map((m) => {
      const invited = alreadyInvited.memberIds.has(m.id);
      return {
        value: m.id,
        label: `${m.givenName} ${m.familyName ?? ''}`.trim() + ` · ${relationshipLabel[m.relationship]} · ${closenessLabel[m.closeness].toLowerCase()}`,
        note: invited ? 'already invited' : m.mayBeInvited ? reach(m.email, m.phone) : 'has not agreed to be invited',
        disabled: invited || !m.mayBeInvited,
        checked: invited || (m.mayBeInvited && m.closeness === 'inner'),
      };
    }),
  ];
}
