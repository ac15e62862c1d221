'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { turnOffLink } from '@/lib/invitations/turn-off-link';
import { deliverSoon } from '@/lib/mail/worker';
import { personForAction } from '@/lib/people/access';
import { bookCrisisMeeting } from '@/lib/scheduling/book-crisis-meeting';
import { bookMeeting } from '@/lib/scheduling/book-meeting';
import { bookSeries } from '@/lib/scheduling/book-series';
import { bookingInput, cancelInput, crisisInput, rescheduleInput, seriesInput } from '@/lib/scheduling/booking-input';
import { cancelMeeting } from '@/lib/scheduling/cancel-meetings';
import { moveMeetings } from '@/lib/scheduling/move-meetings';
import { leftOut } from '@/lib/scheduling/series';
import { actorOf } from '@/lib/audit/origin';

/** The address after a booking or a move, naming anyone welcome to join who was not free. */
function confirmation(
  path: string,
  query: string,
  optionalIds: readonly string[],
  joined: readonly (readonly string[])[],
): string {
  const without = leftOut(optionalIds, joined);
  return `${path}?${query}${without.length > 0 ? `&without=${without.join(',')}` : ''}`;
}

function refreshPerson(personId: string) {
  deliverSoon();
  revalidatePath(`/people/${personId}`, 'layout');
  revalidatePath('/today');
  revalidatePath('/calendar');
}

export const bookMeetingAction = validatedAction(
  'bookMeeting',
  bookingInput,
  async function bookMeetingAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId, 'book');
    try {
      const { joined } = await bookMeeting({ db, actor: await actorOf(user) }, { person, input });
      refreshPerson(person.id);
      return { redirectTo: confirmation(`/people/${person.id}`, 'booked=1', input.optional, [joined]) };
    } finally {
      // Win or lose, the slots shown next are fresh.
      revalidatePath(`/people/${person.id}/meetings/new`);
    }
  },
);

export const bookSeriesAction = validatedAction(
  'bookSeries',
  seriesInput,
  async function bookSeriesAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId, 'book');
    const { meetingIds, joined } = await bookSeries({ db, actor: await actorOf(user) }, { person, input });
    refreshPerson(person.id);
    return { redirectTo: confirmation(`/people/${person.id}`, `booked=${meetingIds.length}`, input.optional, joined) };
  },
);

export const rescheduleMeetingAction = validatedAction(
  'rescheduleMeeting',
  rescheduleInput,
  async function rescheduleMeetingAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId, 'book');
    try {
      const { meetingId, moved, joined } = await moveMeetings({ db, actor: await actorOf(user) }, { person, input });
      refreshPerson(person.id);
      return {
        redirectTo: confirmation(
          `/people/${person.id}/meetings/${meetingId}`,
          `moved=${moved}`,
          input.optional,
          joined,
        ),
      };
    } finally {
      revalidatePath(`/people/${person.id}/meetings/new`);
    }
  },
);

export const bookCrisisAction = validatedAction(
  'bookCrisis',
  crisisInput,
  async function bookCrisisAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId, 'book');
    try {
      await bookCrisisMeeting({ db, actor: await actorOf(user) }, { person, input });
      refreshPerson(person.id);
      return { redirectTo: `/people/${person.id}?booked=1` };
    } finally {
      revalidatePath(`/people/${person.id}/meetings/crisis`);
    }
  },
);

export const cancelMeetingAction = validatedAction(
  'cancelMeeting',
  cancelInput,
  async function cancelMeetingAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId, 'book');
    await cancelMeeting({ db, actor: await actorOf(user) }, { person, ...input });
    refreshPerson(person.id);
    return { redirectTo: `/people/${person.id}/meetings/${input.meetingId}` };
  },
);

const revokeInput = z.object({ personId: z.string(), meetingId: z.guid(), invitationId: z.guid() });

/** Ends one invitee's personal link at once; the page it opened then says only that the link does not work. */
export const revokeLinkAction = validatedAction(
  'revokeLink',
  revokeInput,
  async function revokeLinkAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId, 'book');
    const { emailsWithdrawn } = await turnOffLink({ db, actor: await actorOf(user) }, { person, ...input });
    revalidatePath(`/people/${person.id}/meetings/${input.meetingId}`);
    const emails =
      emailsWithdrawn === 1
        ? ', and the email with it that was still waiting to go is withdrawn'
        : emailsWithdrawn > 1
          ? ', and the emails with it that were still waiting to go are withdrawn'
          : '';
    return { message: `The link is turned off${emails}.` };
  },
);
