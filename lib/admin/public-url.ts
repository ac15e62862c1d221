import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * An absolute address for a path, to copy into an email or a message: the configured public
 * address (NEXTAUTH_URL) when set, otherwise the address this request came to.
 */
export async function publicUrl(path: string): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(path, configured).toString();
  const h = await headers();
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host') || 'localhost:3000';
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || (local ? 'http' : 'https');
  return `${proto}://${host}${path}`;
}
