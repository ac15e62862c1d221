import { CopyLink } from '@/components/ui/copy-link';
import type { meetingInvitations } from '@/db/queries/invitations';
import { linkEnded, newLinkRefusal } from '@/lib/invitations/new-link';
import type { InviteeVisibility } from '@/lib/invitations/visibility';
import { relationshipLabel } from '@/lib/people/labels';
import { mayRead } from '@/lib/records/rules';
import { longDate } from '@/lib/time/format';
import { ReissueLinkForm } from './reissue-link-form';
import { RevokeLinkForm } from './revoke-link-form';

type Row = Awaited<ReturnType<typeof meetingInvitations>>[number] & { link: string };
type MeetingStatus = Parameters<typeof newLinkRefusal>[0]['status'];

/** Whether this invitee may read the meeting's notes once it is held (lib/records/rules.ts). */
const readsNotes = (r: Row) =>
  mayRead(
    r.networkMemberId
      ? {
          kind: 'member',
          came: r.came,
          maySeeSharedRecords: r.maySeeSharedRecords,
          active: r.memberActive,
          mayBeInvited: r.memberMayBeInvited,
        }
      : { kind: 'person' },
  );
type LinkAction = Parameters<typeof RevokeLinkForm>[0]['action'];

export const answerLabel = {
  needs_action: 'No answer yet',
  accepted: 'Coming',
  tentative: 'Maybe',
  declined: 'Can’t come',
} as const;

/**
 * One entry per invitee: their working invitation if they have one, else their latest turned-off
 * one. A turned-off link that a new one replaced is history the team need not act on, so it is
 * only mentioned beside the new one.
 */
function oneRowEach(rows: Row[]): { row: Row; replaced: boolean }[] {
  const byInvitee = new Map<string, Row[]>();
  for (const r of rows) {
    const key = r.networkMemberId ?? 'person';
    byInvitee.set(key, [...(byInvitee.get(key) ?? []), r]);
  }
  return [...byInvitee.values()].map((all) => {
    const live = all.find((r) => !r.revokedAt);
    return { row: live ?? all[all.length - 1]!, replaced: Boolean(live) && all.length > 1 };
  });
}

/**
 * Who is invited and what each has answered, with their message; each personal link to copy
 * into a text message, a way to end a link at once, and a fresh link in place of one that
 * stopped working (`newLinkRefusal` says when one can be sent). After a held meeting the links
 * of those who may read the notes stay here for their reading period. Team only: this page
 * needs sign-in.
 */
export function InviteesSection({
  rows,
  meeting,
  now,
  revoke,
  reissue,
  newLinkId,
  personId,
  visibility,
}: {
  rows: Row[];
  meeting: { id: string; status: MeetingStatus; startsAt: Date; endsAt: Date; timeZone: string };
  now: Date;
  revoke: LinkAction;
  reissue: LinkAction;
  /** The invitation just sent as a new link, to say so beside it. */
  newLinkId?: string;
  personId: string;
  /** The person's choice of what network members see of each other, and the person's first name. */
  visibility: { inviteesSeeEachOther: InviteeVisibility; personFirstName: string };
}) {
  const meetingId = meeting.id;
  const held = meeting.status === 'held';
  // Before the end of a booked meeting every working link is here; after a held one, the links of those who read the notes.
  const bookedAndNotOver = meeting.status === 'scheduled' && meeting.endsAt > now;
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
            {counts.accepted} coming · {counts.tentative} maybe · {counts.declined} can’t come · {counts.needs_action}{' '}
            no answer yet
          </p>
          {visibility.inviteesSeeEachOther === 'hidden' ? (
            // The team sees every name here; say what the family and friends see on their links.
            <p className="muted">
              Network members see no names of the others invited, as {visibility.personFirstName} asked.
            </p>
          ) : null}
          <ul className="member-list invitee-list">
            {oneRowEach(rows).map(({ row: r, replaced }) => {
              const name = r.networkMemberId
                ? `${r.memberGivenName} ${r.memberFamilyName ?? ''}`.trim()
                : `${r.personGivenName} (the person)`;
              const firstName = r.networkMemberId ? (r.memberGivenName ?? name) : r.personGivenName;
              const contact = r.email
                ? `Emailed to ${r.email}`
                : r.phone
                  ? `No email: text it to ${r.phone}`
                  : 'No email or phone: give it to them';
              const ended = linkEnded(r, now);
              const reads = held && readsNotes(r);
              const refusal = newLinkRefusal(
                meeting,
                {
                  name: firstName,
                  revokedAt: r.revokedAt,
                  expiresAt: r.expiresAt,
                  mayBeInvitedAgain: r.mayBeInvitedAgain,
                  mayRead: reads,
                },
                now,
              );
              const status = r.revokedAt
                ? 'Link turned off'
                : ended
                  ? `Link ended on ${longDate(r.expiresAt, meeting.timeZone)}`
                  : answerLabel[r.response];
              return (
                <li key={r.id} className="invitee">
                  <p>
                    <span className="who">{name}</span>
                    {r.relationship ? (
                      <span className="muted"> · {relationshipLabel[r.relationship]}</span>
                    ) : null} — <strong>{status}</strong>
                  </p>
                  {r.message ? <p className="invitee-message">“{r.message}”</p> : null}
                  {r.id === newLinkId && !ended ? (
                    <div className="alert alert-success" role="status">
                      A new link is ready for {firstName}. The earlier link still does not work.
                    </div>
                  ) : replaced ? (
                    <p className="muted">This is a new link: an earlier one was turned off.</p>
                  ) : null}
                  {held && !reads ? (
                    <p className="muted">
                      {firstName} does not read the notes of this meeting: only those who came, and whom{' '}
                      {visibility.personFirstName} allows to see shared notes, do.
                    </p>
                  ) : null}
                  {!ended && (bookedAndNotOver || reads) ? (
                    <>
                      <CopyLink
                        id={`link-${r.id}`}
                        label={`${name}’s personal link`}
                        link={r.link}
                        hint={
                          reads
                            ? `${contact}. It opens the notes until ${longDate(r.expiresAt, meeting.timeZone)}.`
                            : contact
                        }
                      />
                      <RevokeLinkForm
                        action={revoke}
                        personId={personId}
                        meetingId={meetingId}
                        invitationId={r.id}
                        name={name}
                      />
                    </>
                  ) : null}
                  {ended && refusal === null ? (
                    <ReissueLinkForm
                      action={reissue}
                      personId={personId}
                      meetingId={meetingId}
                      invitationId={r.id}
                      name={name}
                    />
                  ) : ended && refusal && (meeting.status === 'scheduled' || reads) ? (
                    <p className="muted">{refusal}</p>
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
