import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { openPglite, openPostgres } from '../db/client';
import { migrateAsConfigured } from '../db/migrate';
import { createUser } from '../db/queries/users';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../lib/auth/password';
import { env } from '../lib/env';
import { sqlState } from '../lib/errors/app-error';

/**
 * Creates an administrator, for the first sign-in of a new installation (production has no
 * default accounts). Usage: npm run create-admin -- --email you@trust.nhs.uk --name "Your Name"
 * The password is asked for, or read from ADMIN_PASSWORD for scripted installs.
 */
const input = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('give a valid email address with --email')),
  name: z.string().trim().min(1, 'give a name with --name'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `the password needs at least ${MIN_PASSWORD_LENGTH} characters`),
});

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  } finally {
    rl.close();
  }
}

async function main() {
  // An administrator is created on purpose; demo data never comes with it.
  process.env.DEMO_DATA ??= 'off';
  const parsed = input.safeParse({ email: flag('email'), name: flag('name'), password: await askPassword() });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${String(issue.path[0])}: ${issue.message}`);
    return 2;
  }
  // Opened as the app opens it (db/connection.ts, which only the server may import).
  const e = env();
  const database = e.DATABASE_URL ? openPostgres(e.DATABASE_URL, { max: 1 }) : await openPglite(e.PGLITE_DIR);
  try {
    await migrateAsConfigured(database, e);
    const user = await createUser(database.db, {
      email: parsed.data.email,
      name: parsed.data.name,
      passwordHash: await hashPassword(parsed.data.password),
      role: 'admin',
    });
    console.log(`Administrator ${user?.email} created. Sign in, then add teams and practitioners.`);
    return 0;
  } catch (error) {
    if (sqlState(error)?.code === '23505') {
      console.error(`An account with the email ${parsed.data.email} already exists.`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
