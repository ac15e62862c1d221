import { z } from 'zod';
import type { Db } from '@/db/client';
import {
  invitationByTokenHash,
  recordResponse,
  type InvitationLookup,
  type OthersComing,
} from '@/db/queries/invitations';
import { recordSections, type RecordSection } from '@/db/schema/records';
import { recordAudit } from '@/db/queries/audit';
import { clientAddressOf } from '@/lib/audit/origin';
import { AppError, toAppError } from '@/lib/errors/app-error';
import { addStatement } from '@/lib/records/add-statement';
import { readerView } from '@/lib/records/reader-view';
import { countHit, limits, openSecretLink } from '@/lib/security/rate-limits';
import { invitationPage, isAfterStart, linkNotWorkingPage, tooManyTriesPage, type InvitationPageInput } from './page';
import { STATEMENT_MAX } from './record-page';
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

export type Opened = { ok: true; lookup: InvitationLookup } | { ok: false; response: Response };

/**
 * Finds the invitation for a link (with who else is coming: one statement), or the kind page
 * that reveals nothing; counts against the limits (one more).
 */
export async function openInvitation(db: Db, request: Request, token: string, now = new Date()): Promise<Opened> {
  // Revoked and expired links do not work either, and count as misses like made-up ones.
  const lookup = looksLikeToken(token)
    ? invitationByTokenHash(db, hashToken(token)).then((found) =>
        found && !found.invitation.revokedAt && found.invitation.expiresAt > now ? found : undefined,
      )
    : Promise.resolve(undefined);
  const opened = await openSecretLink(db, limits.invitationMisses(clientAddressOf(request.headers)), lookup, now);
  if (opened.status === 'too-many') return { ok: false, response: html(tooManyTriesPage(), 429) };
  if (opened.status === 'dead') return { ok: false, response: html(linkNotWorkingPage(), 404) };
  const found = opened.found;
  if (!(await countHit(db, limits.invitationRequests(found.invitation.id), now)).allowed)
    return { ok: false, response: html(tooManyTriesPage(), 429) };
  return { ok: true, lookup: found };
}

/** Who else is coming as this invitee may see it (seesOthersByName; the names were read only if so). */
function othersOf(lookup: InvitationLookup): OthersComing {
  const { invitation, staff, othersInvited, otherInvitees } = lookup;
  return seesOthersByName(invitation) && otherInvitees
    ? { namesShown: true, invitees: otherInvitees, staff }
    : { namesShown: false, othersInvited, staff };
}

/** After the meeting the page shows its notes, not who else is coming. */
const nobodyShown: OthersComing = { namesShown: false, othersInvited: false, staff: [] };

/**
 * The page for a working link: before the meeting, the invitation and its answers; once it has
 * started, when and where it was and what this reader may read of its notes (`readerView`).
 */
export async function renderInvitation(
  db: Db,
  lookup: InvitationLookup,
  path: string,
  options: Pick<InvitationPageInput, 'saved' | 'error' | 'noted' | 'statementError'> & { origin?: string | null } = {},
  now = new Date(),
): Promise<string> {
  const { origin, ...shown } = options;
  const invitation = lookup.invitation;
  if (isAfterStart(invitation, now)) {
    const record = await readerView(db, invitation.id);
    // Reading a record is audited like any other read of it, here by the holder of this link.
    if (record.state === 'record')
      await recordAudit(db, {
        actorId: null,
        teamId: invitation.teamId,
        action: 'read',
        entity: 'meeting_record',
        entityId: invitation.meetingId,
        origin: origin ?? null,
        detail: { invitationId: invitation.id, version: record.version },
      });
    return invitationPage({ invitation, others: nobodyShown, now, path, record, ...shown });
  }
  return invitationPage({ invitation, others: othersOf(lookup), now, path, ...shown });
}

const sorry = () =>
  html(
    '<!doctype html><title>Sorry</title><p>Something went wrong on our side. Please try again in a moment.</p>',
    500,
  );

/**
 * Every POST to an invitation page: "this isn't how I see it" beside a section of the notes
 * (`intent=statement`), otherwise an answer. Each handler opens the link itself, with its limits.
 */
export async function postInvitation(db: Db, request: Request, token: string, path: string): Promise<Response> {
  const form = await request.formData().catch(() => undefined);
  if (form?.get('intent') === 'statement') return addInvitationStatement(db, request, token, path, form);
  return answerInvitation(db, request, token, path, form);
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
export async function answerInvitation(
  db: Db,
  request: Request,
  token: string,
  path: string,
  sent?: FormData,
): Promise<Response> {
  try {
    const opened = await openInvitation(db, request, token);
    if (!opened.ok) return opened.response;
    const form = sent ?? (await request.formData());
    const typed = String(form.get('message') ?? '');
    const parsed = answerInput.safeParse({ response: form.get('response') ?? undefined, message: typed });
    if (!parsed.success) {
      const fields = z.flattenError(parsed.error).fieldErrors;
      return html(
        await renderInvitation(db, opened.lookup, path, {
          error: { fields: { response: fields.response?.[0], message: fields.message?.[0] }, typed },
        }),
        422,
      );
    }
    if (!(await recordResponse(db, opened.lookup.invitation.id, parsed.data.response, parsed.data.message))) {
      const fresh = (await invitationByTokenHash(db, hashToken(token))) ?? opened.lookup;
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
    return sorry();
  }
}

export const statementInput = z.object({
  section: z.enum(recordSections, { error: 'Choose the part of the notes your words are about' }),
  words: z
    .string()
    .trim()
    .min(1, 'Write how you see it, in your own words')
    .max(STATEMENT_MAX, `Please keep your words under ${STATEMENT_MAX.toLocaleString('en-GB')} characters`),
});

/**
 * "This isn't how I see it" beside a section of the notes, sent by its plain form: kept with the
 * record in the reader's words (`addStatement`: only on a section this link may read), then a
 * redirect to the page that thanks them. The notes never change.
 */
export async function addInvitationStatement(
  db: Db,
  request: Request,
  token: string,
  path: string,
  sent?: FormData,
): Promise<Response> {
  try {
    const opened = await openInvitation(db, request, token);
    if (!opened.ok) return opened.response;
    const { lookup } = opened;
    const { invitation } = lookup;
    const form = sent ?? (await request.formData());
    const typed = String(form.get('words') ?? '');
    const sectionSent = String(form.get('section') ?? '');
    const section = (recordSections as readonly string[]).includes(sectionSent)
      ? (sectionSent as RecordSection)
      : undefined;
    const parsed = statementInput.safeParse({ section: sectionSent, words: typed });
    if (!parsed.success) {
      const fields = z.flattenError(parsed.error).fieldErrors;
      const message = fields.section?.[0] ?? fields.words?.[0] ?? 'Please look at your words again.';
      return html(await renderInvitation(db, lookup, path, { statementError: { section, message, typed } }), 422);
    }
    try {
      await addStatement(db, {
        invitationId: invitation.id,
        teamId: invitation.teamId,
        section: parsed.data.section,
        words: parsed.data.words,
        origin: clientAddressOf(request.headers),
      });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
      return html(
        await renderInvitation(db, lookup, path, {
          statementError: {
            message:
              'Your words could not be added: that part of the notes is not open to you here now. The page shows what you can read.',
          },
        }),
        409,
      );
    }
    return new Response(null, { status: 303, headers: { ...headers, Location: `${path}?noted=1` } });
  } catch (error) {
    toAppError(error, { route: 'invite' });
    return sorry();
  }
}
