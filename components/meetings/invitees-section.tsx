import { CopyLink } from '@/components/admin/copy-link';
import type { meetingInvitations } from '@/db/queries/invitations';
import type { InviteeVisibility } from '@/lib/invitations/visibility';
import { relationshipLabel } from '@/lib/people/labels';
import { RevokeLinkForm } from './revoke-link-form';

type Row = Awaited<ReturnType<typeof meetingInvitations>>[number] & { link: string };

export const answerLabel = { needs_action: 'No answer yet', accepted: 'Coming', tentative: 'Maybe', declined: 'Can’t come' } as const;

/**
 * Who is invited and what each has answered, with their message; each personal link to copy
 * into a text message, and a way to end a link at once. Team only: this page needs sign-in.
 */
export function InviteesSection({
  rows,
  open,
  revoke,
  personId,
  meetingId,
  visibility,
}: {
  rows: Row[];
  open: boolean;
  revoke: Parameters<typeof RevokeLinkForm>[0]['action'];
  personId: string;
  meetingId: string;
  /** The person's choice of what network members see of each other, and the person's first name. */
  visibility: { inviteesSeeEachOther: InviteeVisibility; personFirstName: string };
}) {
  const counts = { accepted: 0, tentative: 0, declined: 0, needs_action: 0 };
  for (const r of rows) if (!r.revokedAt) counts[r.response]++;
  return (
    <section className="card" aria-labelledby="invited-heading">
      <h2 id="invited-heading">Invited</h2>
      {rows.length === 0 ? (
        <p className="muted">No one from the network is invited to this meeting.</p>
      ) : (
        <>
          <p>
            {counts.accepted} coming · {counts.tentative} maybe · {counts.declined} can’t come · {counts.needs_action} no answer yet
          </p>
          {visibility.inviteesSeeEachOther === 'hidden' ? (
            // The team sees every name here; say what the family and friends see on their links.
            <p className="muted">Network members see no names of the others invited, as {visibility.personFirstName} asked.</p>
          ) : null}
          <ul className="member-list invitee-list">
            {rows.map((r) => {
              const name = r.networkMemberId ? `${r.memberGivenName} ${r.memberFamilyName ?? ''}`.trim() : `${r.personGivenName} (the person)`;
              return (
                <li key={r.id} className="invitee">
                  <p>
                    <span className="who">{name}</span>
                    {r.relationship ? <span className="muted"> · {relationshipLabel[r.relationship]}</span> : null} —{' '}
                    <strong>{r.revokedAt ? 'Link turned off' : answerLabel[r.response]}</strong>
                  </p>
                  {r.message ? <p className="invitee-message">“{r.message}”</p> : null}
                  {!r.revokedAt && open ? (
                    <>
                      <CopyLink id={`link-${r.id}`} label={`${name}’s personal link`} link={r.link} hint={r.email ? `Emailed to ${r.email}` : r.phone ? `No email: text it to ${r.phone}` : 'No email or phone: give it to them'} />
                      <RevokeLinkForm action={revoke} personId={personId} meetingId={meetingId} invitationId={r.id} name={name} />
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
