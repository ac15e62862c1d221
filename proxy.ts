import { NextResponse, type NextRequest } from 'next/server';
import { sessionToken } from '@/lib/auth/session-cookie';

/**
 * Sends the signed-out to the sign-in page. Never the security boundary: every page, action
 * and route handler checks the session itself, so here the cookie's presence is enough.
 */
export function proxy(request: NextRequest) {
  if (sessionToken(request.cookies)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except sign-in, the public invitation and welcome pages, next-auth, health,
  // calendar feeds (calendar apps cannot sign in; the secret in the address is checked) and static files.
  matcher: ['/((?!sign-in|invite|welcome|api/auth|api/health|api/calendar-feeds/|_next/|favicon.ico|robots.txt).*)'],
};
