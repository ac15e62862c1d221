import { describeError, log } from '@/lib/log/logger';

/** Every kind of failure a person can meet, with its HTTP status. */
export const errorKinds = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  conflict: 409,
  slot_taken: 409,
  append_only: 409,
  rate_limited: 429,
  database_locked: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorKinds;

const defaultMessages: Record<ErrorCode, string> = {
  unauthenticated: 'Please sign in to continue.',
  forbidden: 'You do not have access to this.',
  not_found: 'We could not find that. It may have been removed, or the link may be wrong.',
  invalid_input: 'Some of the details need another look. The messages beside the fields say what to change.',
  conflict: 'That clashes with something already saved. Reload to see the latest, then try again.',
  slot_taken:
    'That time was just taken: one of the practitioners is now busy then. Your details are kept; choose another time.',
  append_only: 'Saved records cannot be changed or removed. Add a new version with the reason instead.',
  rate_limited: 'Too many attempts in a short time. Wait a minute, then try again.',
  database_locked: 'The embedded database is already in use by another copy of the app.',
  internal: 'Something went wrong on our side. Nothing you typed was lost; please try again in a moment.',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(
    code: ErrorCode,
    message?: string,
    options?: { cause?: unknown; fieldErrors?: Record<string, string[]> },
  ) {
    super(message ?? defaultMessages[code], { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorKinds[code];
    this.fieldErrors = options?.fieldErrors;
  }
}

/** The SQLSTATE of a database error, looking through the wrappers drizzle and drivers add. */
export function sqlState(error: unknown): { code: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current === 'object' && current !== null) {
      const candidate = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
      if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
        const constraint = candidate.constraint ?? candidate.constraint_name;
        return { code: candidate.code, constraint: typeof constraint === 'string' ? constraint : undefined };
      }
      current = candidate.cause;
    } else {
      break;
    }
  }
  return undefined;
}

/** Turns a database error into something a person can act on, or undefined when it is internal. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  const state = sqlState(error);
  if (!state) return undefined;
  switch (state.code) {
    case '23P01':
      if (state.constraint === 'absences_no_overlap') {
        return new AppError('conflict', 'This absence overlaps another absence of the same practitioner.', {
          cause: error,
        });
      }
      return new AppError('slot_taken', undefined, { cause: error });
    case '23505':
      if (state.constraint === 'record_signatures_one_signer')
        return new AppError(
          'conflict',
          'The record has just been signed by someone else: reload to read it as signed.',
          {
            cause: error,
          },
        );
      return new AppError('conflict', undefined, { cause: error });
    case 'AO001':
      return new AppError('append_only', undefined, { cause: error });
    default:
      return undefined;
  }
}

/** The one place errors become what a person sees; anything unexpected is logged, never shown raw. */
export function toAppError(error: unknown, context?: Record<string, unknown>): AppError {
  if (error instanceof AppError) return error;
  const mapped = fromDatabaseError(error);
  if (mapped) return mapped;
  log.error('internal error', { ...context, ...describeError(error) });
  return new AppError('internal', undefined, { cause: error });
}
