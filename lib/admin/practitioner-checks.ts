import type { Db } from '@/db/client';
import { findPractitioner } from '@/db/queries/practitioners';
import { AppError } from '@/lib/errors/app-error';

/** A refusal shown beside one field of the administration forms. */
export function fieldError(field: string, message: string, code: 'conflict' | 'invalid_input' = 'invalid_input') {
  return new AppError(code, message, { fieldErrors: { [field]: [message] } });
}

export const emailTakenError = () =>
  fieldError(
    'email',
    'Someone already has an account with this email address. Check it, or find them in the list.',
    'conflict',
  );

export async function practitionerOrNotFound(db: Db, userId: string) {
  const practitioner = await findPractitioner(db, userId);
  if (!practitioner) throw new AppError('not_found');
  return practitioner;
}
