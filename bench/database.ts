import { openPostgres } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { startCluster } from '../scripts/postgres-cluster';

/** PostgreSQL settings for the throwaway cluster: a modest server, tuned for the bulk load. */
const clusterSettings = {
  shared_buffers: '256MB',
  work_mem: '16MB',
  maintenance_work_mem: '512MB',
  effective_cache_size: '2GB',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
  wal_level: 'minimal',
  max_wal_senders: '0',
  // Which statements the app spends its database time on, per scenario (bench/query-stats.ts).
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track_planning': 'on',
};

export type BenchDatabase = { url: string; external: boolean; stop: () => void };

/** BENCH_DATABASE_URL when set (it must point at an empty database), else a throwaway cluster. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) return { url: external, external: true, stop: () => {} };
  const cluster = await startCluster({ settings: clusterSettings });
  return { url: cluster.url, external: false, stop: cluster.stop };
}

export async function applyMigrations(url: string): Promise<void> {
  const database = openPostgres(url, { max: 1 });
  try {
    await migrateDatabase(database, url);
  } finally {
    await database.close();
  }
}
