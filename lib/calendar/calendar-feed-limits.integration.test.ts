import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/calendar-feeds/[token]/route';
import type { Db } from '@/db/client';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeUser } from '@/db/testing/factories';
import { createCalendarFeed } from './create-feed';
import { feedPath, newFeedToken } from './feed-token';

/**
 * The public calendar feed's rate limits, through the route itself: feed addresses that do not
 * work, per client address (20 in 10 minutes), and fetches of one feed (120 an hour), which
 * calendar apps polling every few minutes from several devices never reach.
 */
const current = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(current)));
vi.mock('@/lib/admin/public-url', () => ({ publicUrl: async (path: string) => `https://meetings.test${path}` }));

const MINUTE = 60_000;

function fetchFeed(token: string, address: string) {
  const path = feedPath(token);
  const request = new Request(`https://meetings.test${path}`, { headers: { 'x-forwarded-for': address } });
  return GET(request, { params: Promise.resolve({ token: path.split('/').pop()! }) });
}

/** Sets the clock to the start of the next whole hour plus `offsetMinutes`, so a test stays in one window. */
function startOfNextHour(offsetMinutes = 0) {
  const hour = 60 * MINUTE;
  vi.setSystemTime(Math.ceil((Date.now() + 1) / hour) * hour + offsetMinutes * MINUTE);
}

describe.each(engines)('calendar feed rate limits on %s', (engine) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    db = database.db;
    current.db = db;
  });
  afterAll(async () => {
    await database?.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function feed() {
    const user = await makeUser(db);
    const { token } = await createCalendarFeed(
      { db, actor: { actorId: user.id, origin: 'test' } },
      { userId: user.id },
    );
    return token;
  }

  it('never refuses normal polling: three devices every 5 minutes for three hours', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    startOfNextHour(1);
    const token = await feed();
    const statuses = new Set<number>();
    for (let round = 0; round < 36; round++) {
      for (const device of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
        statuses.add((await fetchFeed(token, device)).status);
      vi.setSystemTime(Date.now() + 5 * MINUTE);
    }
    expect([...statuses]).toEqual([200]);
  });

  it('answers 429 with Retry-After after 120 fetches of one feed in an hour, and not for another feed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    startOfNextHour(10);
    const token = await feed();
    const other = await feed();
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) statuses.push((await fetchFeed(token, `203.0.113.${(i % 5) + 10}`)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);

    const refused = await fetchFeed(token, '203.0.113.99');
    expect(refused.status).toBe(429);
    // The window ends on the hour, 50 minutes from now.
    expect(refused.headers.get('Retry-After')).toBe(String(50 * 60));
    expect(refused.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await refused.text()).not.toContain('BEGIN:VCALENDAR');
    expect((await fetchFeed(other, '203.0.113.99')).status).toBe(200);

    // The next hour the feed works again.
    startOfNextHour(0);
    expect((await fetchFeed(token, '203.0.113.99')).status).toBe(200);
  });

  it('answers 429 with Retry-After after 20 feed addresses that do not work from one address', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    startOfNextHour(2);
    const token = await feed();
    const address = '198.51.100.50';
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await fetchFeed(newFeedToken(), address)).status);
    expect(statuses.every((s) => s === 404)).toBe(true);

    const refused = await fetchFeed(newFeedToken(), address);
    expect(refused.status).toBe(429);
    // Ten-minute windows: this one ends at ten past, 8 minutes from now.
    expect(refused.headers.get('Retry-After')).toBe(String(8 * 60));
    // A malformed address counts the same.
    const malformed = await GET(
      new Request('https://meetings.test/api/calendar-feeds/nonsense.ics', { headers: { 'x-forwarded-for': address } }),
      {
        params: Promise.resolve({ token: 'nonsense.ics' }),
      },
    );
    expect(malformed.status).toBe(429);

    // A feed that works is still served there (calendar services fetch many people's feeds
    // from a few addresses), and another address's misses are its own.
    expect((await fetchFeed(token, address)).status).toBe(200);
    expect((await fetchFeed(newFeedToken(), '198.51.100.51')).status).toBe(404);

    // After the window, misses from the address are answered 404 again.
    vi.setSystemTime(Date.now() + 10 * MINUTE);
    expect((await fetchFeed(newFeedToken(), address)).status).toBe(404);
  });
});
