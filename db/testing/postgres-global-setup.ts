import type { TestProject } from 'vitest/node';
import { startCluster, type Cluster } from '../../scripts/postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/**
 * Integration tests run on a real PostgreSQL: DATABASE_URL when it is set (each test file
 * gets its own throwaway database in it), otherwise a cluster started from the system's binaries.
 */
export default async function setup(project: TestProject) {
  let cluster: Cluster | undefined;
  const url = process.env.DATABASE_URL ?? (cluster = await startCluster()).url;
  project.provide('postgresAdminUrl', url);
  return () => cluster?.stop();
}
