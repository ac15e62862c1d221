import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from './client';
import { lockPathFor } from './pglite-lock';

/** PGlite has no lock of its own; ours refuses a second process instead of losing its writes. */
describe('the embedded database lock', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });
  const tempDataDir = () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nm-lock-')), 'pglite');
    dirs.push(dir);
    return dir;
  };
  const openInAnotherProcess = (dir: string) =>
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./db/client.ts').then(async (c) => { const d = await c.openPglite(${JSON.stringify(dir)}); await d.close(); console.log('opened'); })`,
      ],
      { cwd: process.cwd(), encoding: 'utf8', timeout: 60_000 },
    );

  it('refuses a second process with a message that says what to do', async () => {
    const dir = tempDataDir();
    const first = await openPglite(dir);
    try {
      const second = openInAnotherProcess(dir);
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain('already open in another process');
      expect(second.stderr).toContain('DATABASE_URL');
    } finally {
      await first.close();
    }
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    // Once the first has closed, another process may open it.
    const third = openInAnotherProcess(dir);
    expect(third.stdout).toContain('opened');
  });

  it('takes over a lock left by a process that has gone', async () => {
    const dir = tempDataDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(lockPathFor(dir), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    const database = await openPglite(dir);
    await database.close();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });
});
