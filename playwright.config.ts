import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
/** Set by `npm test` (scripts/test-all.ts): a database on the throwaway PostgreSQL cluster. */
const postgresUrl = process.env.E2E_DATABASE_URL;
export const postgresPorts = [port + 1, port + 2];
/** The servers' secret: tests that make their own personal links sign them with it (lib/invitations/token.ts). */
export const e2eSecret = 'e2e-only-secret-0123456789-abcdefghijklmnop';
const serverEnv = {
  // A production build never makes demo data itself: each database is seeded first (npm run seed:demo).
  DEMO_DATA: 'off',
  NEXTAUTH_SECRET: e2eSecret,
  NEXT_TELEMETRY_DISABLED: '1',
  LOG_LEVEL: 'warn',
};
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * End-to-end tests against the built app (`next build` first), on a fresh embedded database
 * filled with demo data, in the system's Chromium.
 */
export default defineConfig({
  testDir: './e2e',
  forbidOnly: true,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_JSON ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, grep: /@phone/ },
  ],
  webServer: [
    {
      command: `rm -rf .data/e2e && npm run -s seed:demo && npm start -- -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      // One trusted proxy, so e2e/client-address.spec.ts can speak as a proxy of ours; the browser,
      // which adds no X-Forwarded-For, is still its connection's address.
      env: { ...serverEnv, PGLITE_DIR: '.data/e2e/pglite', NEXTAUTH_URL: baseURL, TRUSTED_PROXIES: '1' },
    },
    // Two more instances on one PostgreSQL database, as in production behind a load balancer.
    ...(postgresUrl
      ? postgresPorts.map((p) => ({
          command: `npm run -s seed:demo && npm start -- -p ${p} -H 127.0.0.1`,
          url: `http://127.0.0.1:${p}/api/health`,
          reuseExistingServer: false,
          timeout: 120_000,
          stdout: 'pipe' as const,
          env: { ...serverEnv, DATABASE_URL: postgresUrl, NEXTAUTH_URL: `http://127.0.0.1:${p}` },
        }))
      : []),
  ],
});
