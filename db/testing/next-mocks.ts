import type { Db } from '../client';

/**
 * What the integration tests put in place of Next's request-bound modules and of the app's one
 * database connection, so that each test file only says which it replaces, e.g.
 *
 *   vi.mock('next/navigation', () => import('@/db/testing/next-mocks').then((m) => m.navigation));
 *   vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(session)));
 *
 * (vi.mock's factory runs before the file's imports, hence the dynamic import.)
 */

/** `redirect` and `notFound` throw, as Next's do, with what a test can match on. */
export const navigation = {
  redirect: (url: string): never => {
    throw new Error(`redirect:${url}`);
  },
  notFound: (): never => {
    throw new Error('not-found');
  },
};

/** Revalidation has nothing to do outside a Next server. */
export const cache = { revalidatePath: () => {}, refresh: () => {} };

/** The request's headers, e.g. `{ 'x-forwarded-for': '203.0.113.7' }` for the audit's origin. */
export function headers(values: Record<string, string> = {}) {
  return { headers: async () => new Headers(values) };
}

/** The database a test opened, read when the code asks for it (the test sets it in beforeAll). */
export function connection<D = Db>(holder: { db?: D | undefined }) {
  return { getDb: async () => holder.db };
}
