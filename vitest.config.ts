import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // db/connection.ts is marked server-only; tests import server code on purpose.
  'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
};
/** Only `npm run dev` has a built-in secret; the tests bring their own. */
const env = { NEXTAUTH_SECRET: 'vitest-only-secret-0123456789-abcdefghijklmnop' };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          environment: 'node',
          env,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['db/**/*.test.ts', 'lib/**/*.integration.test.ts'],
          environment: 'node',
          env,
          globalSetup: ['./db/testing/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: one file at a time keeps PostgreSQL and PGlite from starving each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
