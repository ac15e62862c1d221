import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/connection';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { currentUser } from '@/lib/auth/session';
import { AppError, toAppError } from '@/lib/errors/app-error';
import type { FormState } from './form-state';

export type ActionContext = { user: SessionUser; db: Db };
/** What an action's body may return: a redirect on success, a message, or nothing. */
export type ActionOutcome = { redirectTo?: string; message?: string } | void;

function valuesOf(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (typeof value === 'string') values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

/**
 * The one wrapper for every form action: authenticate, validate with the domain's zod schema,
 * run (which checks permission on the resource it loads), and return field errors with the
 * values as typed. Errors become messages a person can act on; internal ones are logged.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  run: (input: z.output<S>, context: ActionContext, formData: FormData) => Promise<ActionOutcome>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = valuesOf(formData);
    const user = await currentUser();
    if (!user) return { status: 'error', message: new AppError('unauthenticated').message, values };
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return {
        status: 'error',
        message: 'Some details need another look: see the messages beside the fields.',
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        values,
      };
    }
    let outcome: ActionOutcome;
    try {
      outcome = await run(parsed.data, { user, db: await getDb() }, formData);
    } catch (error) {
      const appError = toAppError(error, { action: run.name });
      return { status: 'error', message: appError.message, fieldErrors: appError.fieldErrors, values };
    }
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return { status: 'success', message: outcome?.message };
  };
}
