import { headers } from 'next/headers';

/** Where a request came from, for audit events: the client address behind any proxy. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || h.get('x-real-ip') || 'direct';
}
