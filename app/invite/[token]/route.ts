import { getDb } from '@/db/connection';
import { clientAddressOf } from '@/lib/audit/origin';
import { toAppError } from '@/lib/errors/app-error';
import { html, openInvitation, postInvitation, renderInvitation } from '@/lib/invitations/public';

/**
 * The invitation page: plain HTML with no JavaScript, so it opens at once on any phone. After
 * the meeting the same link opens the notes this reader may read, until the link expires.
 */
export async function GET(request: Request, { params }: RouteContext<'/invite/[token]'>) {
  const { token } = await params;
  try {
    const db = await getDb();
    const opened = await openInvitation(db, request, token);
    if (!opened.ok) return opened.response;
    const query = new URL(request.url).searchParams;
    const saved = query.get('saved') === '1';
    const noted = query.get('noted') === '1';
    return html(
      await renderInvitation(db, opened.lookup, `/invite/${token}`, {
        saved,
        noted,
        origin: clientAddressOf(request.headers),
      }),
    );
  } catch (error) {
    toAppError(error, { route: 'invite' });
    return html(
      '<!doctype html><title>Sorry</title><p>Something went wrong on our side. Please try again in a moment.</p>',
      500,
    );
  }
}

/** An answer before the meeting, or "this isn't how I see it" beside the notes after it (`intent=statement`). */
export async function POST(request: Request, { params }: RouteContext<'/invite/[token]'>) {
  const { token } = await params;
  return postInvitation(await getDb(), request, token, `/invite/${token}`);
}
