import type postgres from 'postgres';
import { visibleText, type BenchPractitioner } from './sign-in';

/**
 * What `npm run bench` measures. Each scenario runs on its own, closed-loop, for BENCH_SECONDS
 * after a warm-up. To add one (caseload, person page, slot search, invitation page, …) append
 * it here; `prepare` may query the bench database for ids the paths need, e.g.
 *
 *   let personIds: string[] = [];
 *   { name: 'Person page', method: 'GET', signedIn: true, connections: 16, target: { p95Ms: 150 },
 *     prepare: async ({ sql, practitioner }) => { personIds = (await sql`…`).map((r) => r.id) },
 *     path: (_, n) => `/people/${personIds[n % personIds.length]}`, check: (html) => … }
 */
export type BenchContext = {
  baseUrl: string;
  /** The bench database, for picking ids in `prepare`. */
  sql: postgres.Sql;
  /** The signed-in practitioner (the one with the most meetings in the next 14 days). */
  practitioner: BenchPractitioner;
  /** Cookie header value with the practitioner's session. */
  cookie: string;
};

export type Scenario = {
  name: string;
  method: 'GET' | 'POST';
  /** A fixed path, or one per request; n counts the scenario's requests from 0. */
  path: string | ((ctx: BenchContext, n: number) => string);
  /** For POST: the form or JSON to send, per request. */
  body?: (ctx: BenchContext, n: number) => { contentType: string; text: string };
  /** Sends the practitioner's session cookie (false for public pages such as invitations). */
  signedIn: boolean;
  connections: number;
  /** Latency targets from the issues; a miss is reported, it does not fail the run. */
  target: { p50Ms?: number; p95Ms: number };
  prepare?: (ctx: BenchContext) => Promise<void>;
  /** Undefined when the response body is right, otherwise what is wrong. */
  check: (body: string, ctx: BenchContext) => string | undefined;
};

export const scenarios: Scenario[] = [
  {
    name: 'Today page',
    method: 'GET',
    path: '/today',
    signedIn: true,
    connections: 16,
    target: { p95Ms: 100 },
    check: (html) => (/You have \d+ network meetings? in/.test(visibleText(html)) ? undefined : 'no upcoming meetings shown'),
  },
];
