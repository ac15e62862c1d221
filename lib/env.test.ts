import { describe, expect, it } from 'vitest';
import { authSecret, readEnv, shouldSeedDemoData } from './env';

describe('the environment', () => {
  it('refuses to start in production without a secret, saying what to set', () => {
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(/NEXTAUTH_SECRET.*at least 32 characters/);
    expect(() => readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'short' })).toThrow(/NEXTAUTH_SECRET/);
    expect(
      readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(40), NEXTAUTH_URL: 'https://m.example.org' })
        .NEXTAUTH_SECRET,
    ).toHaveLength(40);
  });

  it('refuses to start in production without its public address, or with the demo accounts', () => {
    const secret = 'x'.repeat(40);
    expect(() => readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret })).toThrow(
      /NEXTAUTH_URL: set NEXTAUTH_URL to the public address/,
    );
    expect(() =>
      readEnv({
        NODE_ENV: 'production',
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: 'https://meetings.example.org',
        DEMO_DATA: 'on',
      }),
    ).toThrow(/DEMO_DATA=on is refused in production/);
    expect(
      readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, NEXTAUTH_URL: 'https://meetings.example.org' })
        .NEXTAUTH_URL,
    ).toBe('https://meetings.example.org');
  });

  it('has a built-in secret in development only', () => {
    expect(authSecret(readEnv({ NODE_ENV: 'development' }))).toMatch(/^development-only/);
    expect(() => authSecret(readEnv({ NODE_ENV: 'test' }))).toThrow(/set NEXTAUTH_SECRET/);
    expect(authSecret(readEnv({ NODE_ENV: 'test', NEXTAUTH_SECRET: 'a-secret-for-the-tests' }))).toBe(
      'a-secret-for-the-tests',
    );
  });

  it('uses the embedded database unless DATABASE_URL is set, and checks the URL', () => {
    expect(readEnv({}).DATABASE_URL).toBeUndefined();
    expect(readEnv({}).PGLITE_DIR).toBe('./.data/pglite');
    expect(readEnv({ DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe('postgres://u@h/db');
    expect(() => readEnv({ DATABASE_URL: 'mysql://u@h/db' })).toThrow(/DATABASE_URL/);
  });

  it('migrates as a separate owner only when DATABASE_MIGRATION_URL is set, and then needs the app role too', () => {
    expect(readEnv({ DATABASE_URL: 'postgres://app@h/db' }).DATABASE_MIGRATION_URL).toBeUndefined();
    const split = readEnv({ DATABASE_URL: 'postgres://app@h/db', DATABASE_MIGRATION_URL: 'postgresql://owner@h/db' });
    expect(split.DATABASE_MIGRATION_URL).toBe('postgresql://owner@h/db');
    expect(split.DATABASE_URL).toBe('postgres://app@h/db');
    expect(() => readEnv({ DATABASE_MIGRATION_URL: 'postgres://owner@h/db' })).toThrow(
      /DATABASE_URL: set DATABASE_URL to the app's own PostgreSQL role/,
    );
    expect(() => readEnv({ DATABASE_URL: 'postgres://app@h/db', DATABASE_MIGRATION_URL: 'mysql://o@h/db' })).toThrow(
      /DATABASE_MIGRATION_URL: must start with postgres/,
    );
  });

  it('fills an empty database with demo data in development only, unless told otherwise', () => {
    expect(shouldSeedDemoData(readEnv({ NODE_ENV: 'development' }))).toBe(true);
    expect(
      shouldSeedDemoData(
        readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(40), NEXTAUTH_URL: 'https://m.example.org' }),
      ),
    ).toBe(false);
    expect(shouldSeedDemoData(readEnv({ NODE_ENV: 'test', DEMO_DATA: 'on' }))).toBe(true);
    expect(shouldSeedDemoData(readEnv({ NODE_ENV: 'development', DEMO_DATA: 'off' }))).toBe(false);
  });
});
