import { openPostgres } from '../db/client';
import type { Db } from '../db/client';
import {
  activePeopleOfTeam,
  attendanceOf,
  bookedTo,
  coreAssignmentsOf,
  latestHeldMeetingsOfTeam,
  recordFlagsOfTeam,
} from '../db/queries/continuity';
import { hashPassword } from '../lib/auth/password';
import postgres from 'postgres';
import { applyMigrations } from './database';
import { startCluster } from '../scripts/postgres-cluster';
import { buildTrustScaleData } from './trust-scale-data';

const url = process.env.PROFILE_DATABASE_URL;
async function main() {
  let target = url;
  let stop = () => {};
  if (!target) {
    const cluster = await startCluster({
      settings: {
        shared_buffers: '256MB',
        work_mem: '16MB',
        maintenance_work_mem: '512MB',
        wal_level: 'minimal',
        max_wal_senders: '0',
      },
    });
    target = cluster.url;
    stop = cluster.stop;
    await applyMigrations(target);
    await buildTrustScaleData(target, await hashPassword('x'), () => {});
    console.log('data built at', target);
  }
  const database = openPostgres(target, { max: 1 });
  const db = database.db as unknown as Db;
  const raw = postgres(target, { max: 1 });
  const [{ team_id: teamId }] =
    (await raw`select team_id from people where status='active' group by team_id order by count(*) desc limit 1`) as unknown as [
      { team_id: string },
    ];
  await raw.end();
  const time = async (name: string, run: () => Promise<unknown>) => {
    for (let i = 0; i < 2; i++) await run();
    const t = performance.now();
    for (let i = 0; i < 5; i++) await run();
    console.log(name, ((performance.now() - t) / 5).toFixed(1), 'ms');
  };
  const now = new Date();
  await time('people', () => activePeopleOfTeam(db, teamId));
  const latest = await latestHeldMeetingsOfTeam(db, teamId, 4);
  await time('latest4', () => latestHeldMeetingsOfTeam(db, teamId, 4));
  await time('records', () =>
    recordFlagsOfTeam(db, teamId, {
      since: new Date(now.getTime() - 365 * 86400000),
      signedBefore: new Date(now.getTime() - 3 * 86400000),
      today: now.toISOString().slice(0, 10),
    }),
  );
  const ids = latest.meetings.map((m) => m.id);
  console.log('meetings', ids.length);
  await time('attendance', () => attendanceOf(db, ids));
  await time('booked', () => bookedTo(db, ids));
  const people = await activePeopleOfTeam(db, teamId);
  await time('assignments', () =>
    coreAssignmentsOf(
      db,
      people.map((p) => p.id),
    ),
  );
  await database.close();
  const { teamReview } = await import('../lib/continuity/team');
  const { defaultThresholds } = await import('../lib/continuity/flags');
  const d2 = openPostgres(target, { max: 4 });
  await time('teamReview pool 4', () =>
    teamReview(d2.db as unknown as Db, teamId, {
      thresholds: defaultThresholds,
      now,
      today: now.toISOString().slice(0, 10),
    }),
  );
  await d2.close();
  if (process.env.KEEP) {
    console.log('kept at', target);
    await new Promise(() => {});
  }
  stop();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
