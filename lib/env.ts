import { z } from 'zod';

/**
 * The environment, validated once. A production start without a secret stops here with a
 * message that says what to set, instead of failing later on the first sign-in.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.string().startsWith('postgres', 'must start with postgres:// or postgresql://').optional(),
    /**
     * The schema owner's URL, for migrations only; DATABASE_URL is then the app's own role, which
     * owns nothing and may not change the audit (db/role-split.ts). Unset: one role does both.
     */
    DATABASE_MIGRATION_URL: z
      .string()
      .startsWith('postgres', 'must start with postgres:// or postgresql://')
      .optional(),
    PGLITE_DIR: z.string().min(1).default('./.data/pglite'),
    NEXTAUTH_SECRET: z.string().optional(),
    NEXTAUTH_URL: z.url().optional(),
    /** "auto" fills an empty database with demo data outside production. */
    DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
    LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
    /** The mail server, smtp://user:password@host:587 or smtps://…:465. Unset: email waits in the outbox. */
    SMTP_URL: z
      .url({
        protocol: /^smtps?$/,
        error: 'must look like smtp://user:password@host:587 or smtps://user:password@host:465',
      })
      .optional(),
    /** The sender of every email, e.g. "Riverside team <meetings@example.nhs.uk>". */
    MAIL_FROM: z
      .string()
      .regex(
        /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
        'must be an email address, optionally with a name: Team name <meetings@example.org>',
      )
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message:
          "set DATABASE_URL to the app's own PostgreSQL role when DATABASE_MIGRATION_URL (the schema owner's, for migrations only) is set",
      });
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message:
          'set MAIL_FROM to the address email comes from (for example: Riverside team <meetings@example.nhs.uk>) when SMTP_URL is set',
      });
    }
    if (env.NODE_ENV === 'production' && !env.NEXTAUTH_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_URL'],
        message:
          'set NEXTAUTH_URL to the public address of the app (for example: https://meetings.example.nhs.uk): personal links in emails start with it, and session cookies are marked Secure only behind https',
      });
    }
    if (env.NODE_ENV === 'production' && env.DEMO_DATA === 'on') {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_DATA'],
        message:
          'DEMO_DATA=on is refused in production: the demo accounts have a published password. For a test database, run npm run seed:demo against it before starting',
      });
    }
    if (env.NODE_ENV === 'production' && (!env.NEXTAUTH_SECRET || env.NEXTAUTH_SECRET.length < 32)) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_SECRET'],
        message:
          'set NEXTAUTH_SECRET to a random string of at least 32 characters (for example: openssl rand -base64 48)',
      });
    }
  });

export type Env = z.infer<typeof schema>;

/** A fixed secret for `npm run dev` only: anywhere else (production, tests) a secret must be set. */
const DEVELOPMENT_SECRET = 'development-only-secret-never-used-in-production-0000';

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`The app cannot start: its configuration is incomplete.\n${lines.join('\n')}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= readEnv();
  return cached;
}

export function authSecret(e: Env = env()): string {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.NODE_ENV === 'development') return DEVELOPMENT_SECRET;
  throw new Error(
    `The app cannot start: set NEXTAUTH_SECRET (NODE_ENV is ${e.NODE_ENV}; only development has a built-in one).`,
  );
}

export function shouldSeedDemoData(e: Env = env()): boolean {
  if (e.DEMO_DATA === 'on') return true;
  if (e.DEMO_DATA === 'off') return false;
  return e.NODE_ENV !== 'production';
}
