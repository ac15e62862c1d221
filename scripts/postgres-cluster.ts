import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster from the system's own binaries, for tests and benchmarks:
 * initdb into a temporary folder, start on a free loopback port, stop and delete afterwards.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export type Cluster = { url: string; port: number; dir: string; stop: () => void };

export function findPostgresBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL server binaries were not found. Install them (apt-get install -y postgresql), ' +
        'set PG_BIN to the folder holding initdb, or set DATABASE_URL to a server the tests may use.',
    );
  }
  return path.join(root, versions[0]!, 'bin');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function asPostgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

function run(bin: string, args: string[], user: ReturnType<typeof asPostgresUser>) {
  const command = user ? 'runuser' : bin;
  const fullArgs = user ? ['-u', 'postgres', '--', bin, ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`);
  }
}

export async function startCluster(options: { settings?: Record<string, string> } = {}): Promise<Cluster> {
  const bin = findPostgresBin();
  const user = asPostgresUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-pg-'));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const dataDir = path.join(dir, 'data');
  run(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C'],
    user,
  );
  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    // Throwaway data: durability is not needed, speed is.
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '200',
    ...options.settings,
  };
  const serverOptions = [`-p ${port}`, `-k ${dir}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(
    ' ',
  );
  run(
    path.join(bin, 'pg_ctl'),
    ['-D', dataDir, '-w', '-t', '60', '-l', path.join(dir, 'server.log'), '-o', serverOptions, 'start'],
    user,
  );
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], user);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
}
