import { z } from 'zod';
import { getDb } from '@/db/connection';
import { continuitySettings } from '@/db/queries/continuity';
import { auditView } from '@/lib/audit/audit-view';
import { can } from '@/lib/auth/permissions';
import { currentUser } from '@/lib/auth/session';
import { meetingsCsv, peopleCsv } from '@/lib/continuity/export';
import { teamExport } from '@/lib/continuity/team-export';
import { todayIn } from '@/lib/time/zoned';

const files = { 'people.csv': peopleCsv, 'meetings.csv': meetingsCsv } as const;

const notFound = () => new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });

/**
 * The team's continuity figures as CSV, per person or per meeting, for audit and research:
 * team pseudonyms unless `?names=1`. Team members and administrators only; every export is
 * audited with what it held.
 */
export async function GET(request: Request, { params }: RouteContext<'/continuity/[teamId]/export/[file]'>) {
  const user = await currentUser();
  const { teamId, file } = await params;
  if (!z.guid().safeParse(teamId).success || !(file in files) || !can(user, 'read', { kind: 'team', teamId }))
    return notFound();
  const db = await getDb();
  const settings = await continuitySettings(db, teamId);
  if (!settings) return notFound();
  const names = new URL(request.url).searchParams.get('names') === '1';
  const now = new Date();
  const people = await teamExport(db, teamId, { names, thresholds: settings, now, today: todayIn(settings.timeZone) });
  await auditView(db, user!.id, {
    teamId,
    action: 'export',
    entity: 'team',
    entityId: teamId,
    detail: { file, names, people: people.length },
  });
  const body = files[file as keyof typeof files](people);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="continuity-${file}"`,
      'cache-control': 'no-store',
    },
  });
}
