/**
 * Who may ask for something, and the answers both access matrices share: the server actions and
 * route handlers (lib/security/access-matrix.integration.test.ts) and the pages in the browser
 * (e2e/access-matrix.spec.ts). One list of callers, so a kind of caller added to one matrix is
 * asked everywhere.
 */
export const callers = [
  'signed out',
  'another team',
  'the team',
  'team lead',
  'admin',
  'disabled',
  'link holder',
] as const;
export type Caller = (typeof callers)[number];

/** What every matrix can answer; each adds its own (forbidden, a domain's refusal, a redirect). */
export type CommonAnswer = 'sign in' | 'not found' | 'allowed';

/** The same answer for everyone, session or not (public pages, secret links). */
export function anyone<A extends string>(answer: A): Record<Caller, A> {
  return Object.fromEntries(callers.map((c) => [c, answer])) as Record<Caller, A>;
}

/** Anyone with a working session gets `answer`; no session, or a disabled user's, is asked to sign in. */
export function signedIn<A extends string>(answer: A): Record<Caller, A | 'sign in'> {
  return { ...anyone<A | 'sign in'>(answer), 'signed out': 'sign in', disabled: 'sign in', 'link holder': 'sign in' };
}

/** The team's records: its practitioners, its lead and administrators; another team's practitioner, not found. */
export const theTeam: Record<Caller, CommonAnswer> = { ...signedIn('allowed'), 'another team': 'not found' };

/** Administration: not found for everyone else. */
export const administrators: Record<Caller, CommonAnswer> = { ...signedIn('not found'), admin: 'allowed' };
