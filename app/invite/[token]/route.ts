import { getDb } from '@/db/connection';
import { toAppError } from '@/lib/errors/app-error';
import { answerInvitation, html, openInvitation, renderInvitation } from '@/lib/invitations/public';

/** The invitation page: plain HTML with no JavaScript, so it opens at once on any phone. */
export async function GET(request: Request, { params }: RouteContext<'/invite/[token]'>) {
  const { token } = await params;
  try {
    const db = await getDb();
    const opened = await openInvitation(db, request, token);
    if (!opened.ok) return opened.response;
    const saved = new URL(request.url).searchParams.get('saved') === '1';
    return html(await renderInvitation(db, opened.invitation, `/invite/${token}`, { saved }));
  } catch (error) {
    toAppError(error, { route: 'invite' });
    return html(
      '<!doctype html><title>Sorry</title><p>Something went wrong on our side. Please try again in a moment.</p>',
      500,
    );
  }
}

export async function POST(request: Request, { params }: RouteContext<'/invite/[token]'>) {
  const { token } = await params;
  return answerInvitation(await getDb(), request, token, `/invite/${token}`);
}
