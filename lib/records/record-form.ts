import type { Db } from '@/db/client';
import { meetingParticipants } from '@/db/queries/records';
import { AppError } from '@/lib/errors/app-error';
import { recordContentInput } from './content';
import { participantsOf } from './participants';

/**
 * The record's content as typed in its form, checked against who came to the meeting (a voice,
 * a decision or an action can only be of someone who was there). A problem is thrown as
 * `invalid_input` with a message per field, so the form shows it beside the field and keeps
 * what was typed.
 */
export async function recordFromForm(db: Db, meetingId: string, form: Record<string, unknown>) {
  const participants = participantsOf(await meetingParticipants(db, meetingId));
  const strings = Object.fromEntries(
    Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  const parsed = recordContentInput(participants).safeParse(strings);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    throw new AppError('invalid_input', 'Some details need another look: see the messages beside the fields.', {
      fieldErrors,
    });
  }
  return parsed.data;
}
