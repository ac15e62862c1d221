import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/connection';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { currentUser } from '@/lib/auth/session';
import { AppError, toAppError } from '@/lib/errors/app-error';
import type { FormLink, FormState } from './form-state';

export type ActionContext = { user: SessionUser; db: Db };
/**
 * What an action's body may return: a redirect on success, a message (with links it points to),
 * data to show once (such as a one-time link), or nothing.
 */
export type ActionOutcome = {
  redirectTo?: string;
  message?: string;
  links?: FormLink[];
  data?: Record<string, string>;
} | void;

/**
 * Every action is named where it is made (`validatedAction('bookMeeting', schema, …)`): the name
 * is what the log says failed. (A function's own name would not do: the production build's
 * minifier drops it.) An empty one stops the module loading, so no test passes.
 */
function requireName(name: string): void {
  if (!name.trim())
    throw new Error(
      "Name every form action, e.g. validatedAction('bookMeeting', schema, run): the log names failures by it.",
    );
}

/** What goes back to the page to refill the form: everything typed except passwords. */
function refill(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key) && key !== 'confirm'));
}

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
  name: string,
  schema: S,
  run: (input: z.output<S>, context: ActionContext, formData: FormData) => Promise<ActionOutcome>,
) {
  requireName(name);
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = valuesOf(formData);
    const user = await currentUser();
    if (!user)
      return {
        status: 'error',
        code: 'unauthenticated',
        message: new AppError('unauthenticated').message,
        values: refill(values),
      };
    return validateAndRun(schema, values, name, (input, db) => run(input, { user, db }, formData));
  };
}

/**
 * The same wrapper for the few public forms reached by a secret link (choosing a password from
 * an invitation): no session to check, so the body must check the link itself.
 */
export function validatedPublicAction<S extends z.ZodType>(
  name: string,
  schema: S,
  run: (input: z.output<S>, context: { db: Db }, formData: FormData) => Promise<ActionOutcome>,
) {
  requireName(name);
  return async (_previous: FormState, formData: FormData): Promise<FormState> =>
    validateAndRun(schema, valuesOf(formData), name, (input, db) => run(input, { db }, formData));
}

/** Validate, run, and turn the outcome or the error into the form's next state. */
async function validateAndRun<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
  name: string,
  run: (input: z.output<S>, db: Db) => Promise<ActionOutcome>,
): Promise<FormState> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return {
      status: 'error',
      code: 'invalid_input',
      message: 'Some details need another look: see the messages beside the fields.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      values: refill(values),
    };
  }
  let outcome: ActionOutcome;
  try {
    outcome = await run(parsed.data, await getDb());
  } catch (error) {
    const appError = toAppError(error, { action: name });
    return {
      status: 'error',
      code: appError.code,
      message: appError.message,
      fieldErrors: appError.fieldErrors,
      values: refill(values),
    };
  }
  if (outcome?.redirectTo) redirect(outcome.redirectTo);
  return { status: 'success', message: outcome?.message, links: outcome?.links, data: outcome?.data };
}
