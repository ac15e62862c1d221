import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDue, enqueue, type NewOutboxMessage } from '@/db/queries/outbox';
import { outbox } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { deliverDue } from './deliver';
import { partOf, startSmtpSink, type SmtpSink } from './testing/smtp-sink';
import { createMailTransport } from './transport';
import { deliverSoon, startMailWorker } from './worker';

const MINUTE = 60_000;
const FROM = 'Riverside team <meetings@example.org>';

const ics = (method: 'REQUEST' | 'CANCEL', sequence: number) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Network meetings//EN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    'UID:meeting-0b5e@network-meetings',
    `SEQUENCE:${sequence}`,
    'DTSTAMP:20261124T090000Z',
    'DTSTART:20261201T100000Z',
    'DTEND:20261201T110000Z',
    'SUMMARY:Meeting with the team',
    'ATTENDEE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT:mailto:anne@example.net',
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

let counter = 0;
function message(overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  const n = counter++;
  return {
    dedupeKey: `delivery-test:${n}`,
    toAddress: `member${n}@example.net`,
    subject: `You are invited (${n})`,
    bodyText: `Please tell us whether you can come:\nhttp://localhost:3000/invite/token-${n}\n`,
    ...overrides,
  };
}

describe.each(engines)('email delivery through a real SMTP server, on %s', (engine) => {
  let database: TestDatabase;
  let sink: SmtpSink;
  const t0 = new Date('2026-11-24T09:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
  const transport = () => createMailTransport({ url: sink.url, from: FROM });
  /** How many times the server received each message, by Message-ID, for the given recipients. */
  const receipts = (addresses: string[]) => {
    const counts = new Map<string, number>();
    for (const r of sink.received.filter((m) => addresses.includes(m.envelopeTo[0]!))) {
      const id = r.mail.headers['message-id']!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  const rowsFor = (ids: number[]) =>
    database.db.select().from(outbox).where(inArray(outbox.id, ids)).orderBy(outbox.id);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
    await database?.close();
  });

  it('delivers each message exactly once, keeps messages through an outage, and sends them when the server is back', async () => {
    const { db } = database;
    const first = [
      message({ sendAfter: t0 }),
      message({ sendAfter: t0 }),
      message({ sendAfter: t0, icsAttachment: ics('REQUEST', 0) }),
    ];
    const firstIds = [];
    for (const m of first) firstIds.push((await enqueue(db, m)).id);
    expect(await deliverDue(db, transport(), t0)).toEqual({ sent: 3, retrying: 0, failed: 0, released: 0 });
    expect([...receipts(first.map((m) => m.toAddress)).values()]).toEqual([1, 1, 1]);
    expect((await rowsFor(firstIds)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    // Nothing is due any more.
    expect(await deliverDue(db, transport(), at(60))).toEqual({ sent: 0, retrying: 0, failed: 0, released: 0 });

    // The mail server goes down: new messages wait, with the reason and the time of the next try.
    const port = sink.port;
    await sink.stop();
    const second = [message({ sendAfter: at(60) }), message({ sendAfter: at(60) }), message({ sendAfter: at(60) })];
    const secondIds = [];
    for (const m of second) secondIds.push((await enqueue(db, m)).id);
    expect(await deliverDue(db, transport(), at(61))).toEqual({ sent: 0, retrying: 3, failed: 0, released: 0 });
    for (const row of await rowsFor(secondIds)) {
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lockedBy: null });
      expect(row.lastError).toMatch(/^Could not reach the mail server: .*ECONNREFUSED/);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(at(62).getTime());
      expect(row.nextAttemptAt.getTime()).toBeLessThan(at(62.5).getTime());
    }

    // Back on the same port: nothing is tried before it is due, then each goes once.
    await sink.start();
    expect(sink.port).toBe(port);
    expect(await deliverDue(db, transport(), at(61.5))).toEqual({ sent: 0, retrying: 0, failed: 0, released: 0 });
    expect(await deliverDue(db, transport(), at(63))).toEqual({ sent: 3, retrying: 0, failed: 0, released: 0 });
    const all = [...first, ...second].map((m) => m.toAddress);
    const counts = receipts(all);
    expect(counts.size).toBe(6);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect((await rowsFor(secondIds)).map((r) => [r.status, r.lastError])).toEqual([
      ['sent', null],
      ['sent', null],
      ['sent', null],
    ]);
  });

  it('sends the calendar file intact as text/calendar with its method, beside the text with the link', async () => {
    const { db } = database;
    const invite = message({
      sendAfter: t0,
      icsAttachment: ics('REQUEST', 2),
      subject: 'Meeting with the team — you’re invited',
    });
    const cancel = message({
      sendAfter: t0,
      icsAttachment: ics('CANCEL', 3),
      subject: 'Meeting cancelled',
      bodyHtml: '<p>The meeting is cancelled.</p>',
    });
    await enqueue(db, invite);
    await enqueue(db, cancel);
    expect((await deliverDue(db, transport(), t0)).sent).toBe(2);

    const [gotInvite] = sink.received.filter((m) => m.envelopeTo[0] === invite.toAddress);
    expect(gotInvite!.mail.headers.subject).toBe('Meeting with the team — you’re invited');
    expect(gotInvite!.mail.headers.from).toBe(FROM);
    expect(gotInvite!.mail.headers['message-id']).toMatch(/^<outbox-\d+\.[0-9a-z]+@localhost>$/);
    const calendar = partOf(gotInvite!.mail, 'text/calendar');
    expect(calendar?.contentType).toMatch(/^text\/calendar; charset=utf-8; method=REQUEST/);
    expect(calendar?.headers['content-disposition']).toMatch(/^attachment; filename=invitation\.ics/);
    expect(calendar?.body).toBe(ics('REQUEST', 2));
    // Mail has CRLF line ends; the words and the link are as written.
    expect(partOf(gotInvite!.mail, 'text/plain')?.body.replace(/\r\n/g, '\n')).toBe(invite.bodyText);

    const [gotCancel] = sink.received.filter((m) => m.envelopeTo[0] === cancel.toAddress);
    expect(partOf(gotCancel!.mail, 'text/calendar')?.contentType).toMatch(/method=CANCEL/);
    expect(partOf(gotCancel!.mail, 'text/calendar')?.body).toBe(ics('CANCEL', 3));
    expect(partOf(gotCancel!.mail, 'text/html')?.body).toBe('<p>The meeting is cancelled.</p>');
  });

  it('gives up at once on an address the server refuses, showing its answer, and still sends the others', async () => {
    const { db } = database;
    const refused = await enqueue(db, message({ sendAfter: t0, toAddress: 'nobody@refused.example' }));
    const fine = message({ sendAfter: t0 });
    const ok = await enqueue(db, fine);
    expect(await deliverDue(db, transport(), t0)).toEqual({ sent: 1, retrying: 0, failed: 1, released: 0 });
    const [refusedRow, okRow] = await rowsFor([refused.id, ok.id]);
    expect(refusedRow).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refusedRow!.lastError).toMatch(/^The mail server refused this address: 550 .*No such mailbox here/);
    expect(okRow!.status).toBe('sent');
    expect(receipts([fine.toAddress]).size).toBe(1);
  });

  it('sends each message once when two app instances deliver at the same moment', async () => {
    const { db } = database;
    const batch = Array.from({ length: 20 }, () => message({ sendAfter: t0 }));
    for (const m of batch) await enqueue(db, m);
    const [a, b] = await Promise.all([
      deliverDue(db, transport(), t0, { workerId: 'instance-a', batchSize: 3 }),
      deliverDue(db, transport(), t0, { workerId: 'instance-b', batchSize: 3 }),
    ]);
    expect(a.sent + b.sent).toBe(20);
    const counts = receipts(batch.map((m) => m.toAddress));
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it("sends a crashed instance's claimed message once its lease has run out, and only then", async () => {
    const { db } = database;
    const orphan = message({ sendAfter: t0 });
    const { id } = await enqueue(db, orphan);
    expect(await claimDue(db, { limit: 10, leaseMs: 15 * MINUTE, workerId: 'crashed', now: t0 })).toHaveLength(1);
    expect((await deliverDue(db, transport(), at(5))).sent).toBe(0);
    expect((await deliverDue(db, transport(), at(16))).sent).toBe(1);
    expect(receipts([orphan.toAddress]).size).toBe(1);
    expect((await db.select().from(outbox).where(eq(outbox.id, id)))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('hands back what it cannot send before its lease runs out, without counting an attempt', async () => {
    const { db } = database;
    const batch = [message({ sendAfter: t0 }), message({ sendAfter: t0 })];
    const ids = [];
    for (const m of batch) ids.push((await enqueue(db, m)).id);
    // A lease shorter than one send's worst case: nothing is started under it.
    expect(await deliverDue(db, transport(), t0, { leaseMs: 30_000 })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
      released: 2,
    });
    expect((await rowsFor(ids)).map((r) => [r.status, r.attempts, r.lockedBy])).toEqual([
      ['pending', 0, null],
      ['pending', 0, null],
    ]);
    expect((await deliverDue(db, transport(), t0)).sent).toBe(2);
  });

  it("runs as each app process's background worker, nudged right after a message is enqueued", async () => {
    const { db } = database;
    expect(startMailWorker(async () => db, null)).toBeUndefined();
    const worker = startMailWorker(async () => db, { url: sink.url, from: FROM }, 60 * MINUTE);
    expect(worker).toBeDefined();
    // Started once per process: a second start returns the same worker.
    expect(startMailWorker(async () => db, { url: sink.url, from: FROM })).toBe(worker);
    try {
      const prompt = message();
      await enqueue(db, prompt);
      deliverSoon();
      await expect.poll(() => receipts([prompt.toAddress]).size, { timeout: 10_000 }).toBe(1);
      expect(sink.received.find((m) => m.envelopeTo[0] === prompt.toAddress)!.mail.headers['message-id']).toMatch(
        /@example\.org>$/,
      );
    } finally {
      await worker!.stop();
    }
  });
});
