import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { authSecret } from '@/lib/env';

/**
 * Sends the signed-out to the sign-in page. Never the security boundary: every page, action
 * and route handler checks who is asking itself.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: authSecret() });
  if (token) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except sign-in, the public invitation pages, next-auth, health and static files.
  matcher: ['/((?!sign-in|welcome|invite|api/auth|api/health|_next/|favicon.ico|robots.txt).*)'],
};
