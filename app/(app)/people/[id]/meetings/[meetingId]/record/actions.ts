'use server';

import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { deliverSoon } from '@/lib/mail/worker';
import { personForAction } from '@/lib/people/access';
import { amendRecord } from '@/lib/records/amend-record';
import { markEnteredInError } from '@/lib/records/mark-entered-in-error';
import { recordAttendance } from '@/lib/records/record-attendance';
import { recordFromForm } from '@/lib/records/record-form';
import {
  amendInput,
  attendanceInput,
  enteredInErrorInput,
  liftInput,
  recordFormInput,
  sharingInput,
  signInput,
  withholdInput,
} from '@/lib/records/record-input';
import { saveRecord } from '@/lib/records/save-record';
import { chooseSharing, liftWithholding, withholdRecord } from '@/lib/records/share-record';
import { signRecord } from '@/lib/records/sign-record';
import { timeOfDay } from '@/lib/time/format';
import { actorOf } from '@/lib/audit/origin';

function refresh(personId: string, meetingId: string) {
  revalidatePath(`/people/${personId}`, 'layout');
  revalidatePath(`/people/${personId}/meetings/${meetingId}`, 'layout');
  revalidatePath('/today');
}

export const recordAttendanceAction = validatedAction(
  'recordAttendance',
  attendanceInput,
  async function recordAttendanceAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await recordAttendance({ db, actor: await actorOf(user) }, { ...input, person });
    refresh(person.id, input.meetingId);
    return { redirectTo: `/people/${person.id}/meetings/${input.meetingId}?attendance=1` };
  },
);

export const saveRecordAction = validatedAction(
  'saveRecord',
  recordFormInput,
  async function saveRecordAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    const { content, readBack } = await recordFromForm(db, input.meetingId, input);
    const saved = await saveRecord(
      { db, actor: await actorOf(user) },
      { person, meetingId: input.meetingId, basedOn: input.basedOn, content, readBack },
    );
    refresh(person.id, input.meetingId);
    return {
      message: `Saved at ${timeOfDay(saved.savedAt, user.timeZone)} (version ${saved.version}). Every save is kept.`,
      data: { version: String(saved.version) },
    };
  },
);

export const signRecordAction = validatedAction(
  'signRecord',
  signInput,
  async function signRecordAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await signRecord(
      { db, actor: await actorOf(user) },
      {
        person,
        meetingId: input.meetingId,
        kind: input.kind,
        email: user.email,
        password: input.password,
        version: input.version,
      },
    );
    deliverSoon();
    refresh(person.id, input.meetingId);
    return {
      redirectTo: `/people/${person.id}/meetings/${input.meetingId}/record?${input.kind === 'signed' ? 'signed' : 'cosigned'}=1`,
    };
  },
);

export const amendRecordAction = validatedAction(
  'amendRecord',
  amendInput,
  async function amendRecordAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    const { content, readBack } = await recordFromForm(db, input.meetingId, input);
    await amendRecord(
      { db, actor: await actorOf(user) },
      {
        person,
        meetingId: input.meetingId,
        basedOn: input.basedOn,
        content,
        readBack,
        reason: input.amendmentReason,
        email: user.email,
        password: input.password,
      },
    );
    deliverSoon();
    refresh(person.id, input.meetingId);
    return { redirectTo: `/people/${person.id}/meetings/${input.meetingId}/record?amended=1` };
  },
);

export const enteredInErrorAction = validatedAction(
  'markEnteredInError',
  enteredInErrorInput,
  async function markEnteredInErrorAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await markEnteredInError(
      { db, actor: await actorOf(user) },
      { person, meetingId: input.meetingId, reason: input.errorReason },
    );
    refresh(person.id, input.meetingId);
    return { redirectTo: `/people/${person.id}/meetings/${input.meetingId}/record?error=1` };
  },
);

export const chooseSharingAction = validatedAction(
  'chooseSharing',
  sharingInput,
  async function chooseSharingAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await chooseSharing(
      { db, actor: await actorOf(user) },
      { person, meetingId: input.meetingId, sections: input.sections },
    );
    refresh(person.id, input.meetingId);
    return {
      message: input.sections.length
        ? 'Saved: the person’s choice is recorded.'
        : 'Saved: nothing is shared with the network.',
    };
  },
);

export const withholdAction = validatedAction(
  'withholdRecord',
  withholdInput,
  async function withholdRecordAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await withholdRecord(
      { db, actor: await actorOf(user) },
      {
        person,
        meetingId: input.meetingId,
        section: input.section === 'all' ? null : input.section,
        reason: input.withholdReason,
        reviewOn: input.reviewOn,
      },
    );
    refresh(person.id, input.meetingId);
    return { message: 'Withheld, with the reason and the date to review it. This is on the team’s review.' };
  },
);

export const liftWithholdingAction = validatedAction(
  'liftWithholding',
  liftInput,
  async function liftWithholdingAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await liftWithholding(
      { db, actor: await actorOf(user) },
      { person, meetingId: input.meetingId, withholdingId: input.withholdingId },
    );
    refresh(person.id, input.meetingId);
    return { message: 'No longer withheld: the person can read it now.' };
  },
);
