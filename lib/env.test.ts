import { describe, expect, it } from 'vitest';
import { readEnv, shouldSeedDemoData } from './env';

describe('the environment', () => {
  it('refuses to start in production without a secret, saying what to set', () => {
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(/NEXTAUTH_SECRET.*at least 32 characters/);
    expect(() => readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'short' })).toThrow(/NEXTAUTH_SECRET/);
    expect(readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(40) }).NEXTAUTH_SECRET).toHaveLength(40);
  });

  it('uses the embedded database unless DATABASE_URL is set, and checks the URL', () => {
    expect(readEnv({}).DATABASE_URL).toBeUndefined();
    expect(readEnv({}).PGLITE_DIR).toBe('./.data/pglite');
    expect(readEnv({ DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe('postgres://u@h/db');
    expect(() => readEnv({ DATABASE_URL: 'mysql://u@h/db' })).toThrow(/DATABASE_URL/);
  });

  it('fills an empty database with demo data in development only, unless told otherwise', () => {
    expect(shouldSeedDemoData(readEnv({ NODE_ENV: 'development' }))).toBe(true);
    expect(shouldSeedDemoData(readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(40) }))).toBe(false);
    expect(
      shouldSeedDemoData(readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(40), DEMO_DATA: 'on' })),
    ).toBe(true);
    expect(shouldSeedDemoData(readEnv({ NODE_ENV: 'development', DEMO_DATA: 'off' }))).toBe(false);
  });
});
