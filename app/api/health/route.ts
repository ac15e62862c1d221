import { getDatabase } from '@/db/connection';
import { ping } from '@/db/client';
import { toAppError } from '@/lib/errors/app-error';

export const dynamic = 'force-dynamic';

/** For load balancers: 200 when the database answers. Reveals nothing else. */
export async function GET() {
  try {
    const database = await getDatabase();
    await ping(database.db);
    return Response.json({ status: 'ok', engine: database.engine });
  } catch (error) {
    const appError = toAppError(error, { route: '/api/health' });
    return Response.json({ status: 'unavailable' }, { status: appError.code === 'internal' ? 503 : appError.status });
  }
}
