import { z } from 'zod';
import type { Db } from '@/db/client';
import { invitationByTokenHash, othersComing, recordResponse, type InvitationView } from '@/db/queries/invitations';
import { clientAddressOf } from '@/lib/audit/origin';
import { toAppError } from '@/lib/errors/app-error';
import { countHit, limits, openSecretLink } from '@/lib/security/rate-limits';
import { invitationPage, linkNotWorkingPage, tooManyTriesPage } from './page';
import { hashToken, looksLikeToken } from './token';
import { seesOthersByName } from './visibility';

/**
 * The public invitation, reached only by its link. Rate limits (lib/security/rate-limits.ts):
 * links that do not work per client address, and requests per link.
 */

const headers = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'private, no-store',
  // The token is in the address: never send it on to another site.
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

export function html(body: string, status = 200): Response {
  return new Response(body, { status, headers });
}

export type Opened = { ok: true; invitation: InvitationView } | { ok: false; response: Response };

/** Finds the invitation for a link, or the kind page that reveals nothing; counts against the limits. */
export async function openInvitation(db: Db, request: Request, token: string, now = new Date()): Promise<Opened> {
  // Revoked and expired links do not work either, and count as misses like made-up ones.
  const lookup = looksLikeToken(token)
    ? invitationByTokenHash(db, hashToken(token)).then((i) => (i && !i.revokedAt && i.expiresAt > now ? i : undefined))
    : Promise.resolve(undefined);
  const opened = await openSecretLink(db, limits.invitationMisses(clientAddressOf(request.headers)), lookup, now);
  if (opened.status === 'too-many') return { ok: false, response: html(tooManyTriesPage(), 429) };
  if (opened.status === 'dead') return { ok: false, response: html(linkNotWorkingPage(), 404) };
  const invitation = opened.found;
  if (!(await countHit(db, limits.invitationRequests(invitation.id), now)).allowed)
    return { ok: false, response: html(tooManyTriesPage(), 429) };
  return { ok: true, invitation };
}

export async function renderInvitation(
  db: Db,
  invitation: InvitationView,
  path: string,
  options: { saved?: boolean; error?: Parameters<typeof invitationPage>[0]['error'] } = {},
  now = new Date(),
): Promise<string> {
  const others = await othersComing(db, invitation, seesOthersByName(invitation));
  return invitationPage({ invitation, others, now, path, ...options });
}

export const answerInput = z.object({
  response: z.enum(['accepted', 'tentative', 'declined'], { error: 'Choose one of the three answers' }),
  message: z
    .string()
    .trim()
    .max(500, 'Please keep the message under 500 characters')
    .transform((v) => (v === '' ? null : v)),
});

/** Handles an answer sent by the form; works without JavaScript (a plain POST, then a redirect). */
export async function answerInvitation(db: Db, request: Request, token: string, path: string): Promise<Response> {
  try {
    const opened = await openInvitation(db, request, token);
    if (!opened.ok) return opened.response;
    const form = await request.formData();
    const typed = String(form.get('message') ?? '');
    const parsed = answerInput.safeParse({ response: form.get('response') ?? undefined, message: typed });
    if (!parsed.success) {
      const fields = z.flattenError(parsed.error).fieldErrors;
      return html(
        await renderInvitation(db, opened.invitation, path, {
          error: { fields: { response: fields.response?.[0], message: fields.message?.[0] }, typed },
        }),
        422,
      );
    }
    if (!(await recordResponse(db, opened.invitation.id, parsed.data.response, parsed.data.message))) {
      const fresh = (await invitationByTokenHash(db, hashToken(token))) ?? opened.invitation;
      return html(
        await renderInvitation(db, fresh, path, {
          error: {
            message: 'Answers are closed: the meeting has started, or it has changed. The page shows it as it is now.',
            typed,
          },
        }),
        409,
      );
    }
    return new Response(null, { status: 303, headers: { ...headers, Location: `${path}?saved=1` } });
  } catch (error) {
    toAppError(error, { route: 'invite' });
    return html(
      '<!doctype html><title>Sorry</title><p>Something went wrong on our side. Please try again in a moment.</p>',
      500,
    );
  }
}
