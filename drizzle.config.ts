import { defineConfig } from 'drizzle-kit';

// Used only to generate migrations (`npm run db:generate`); they are applied by db/migrate.ts
// on both engines, because drizzle-kit's own migrate command cannot load PGlite's extensions.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
