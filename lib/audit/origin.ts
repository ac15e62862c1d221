import { headers } from 'next/headers';
import type { Actor } from '@/lib/actions/context';

/**
 * The client's address for audit events and per-address rate limits. The app's server
 * (server.mjs) replaces X-Forwarded-For with the one address it worked out from the connection
 * and TRUSTED_PROXIES, so here it is the header's last entry (the one a proxy of ours would have
 * added, should the app ever be started another way); 'unknown' when there is none. Nothing else
 * a client can write (X-Real-IP, earlier entries) is read.
 */
export function clientAddressOf(requestHeaders: { get(name: string): string | null | undefined }): string {
  const forwarded = requestHeaders.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || 'unknown';
}

/** Where the current request came from, for audit events and rate limits in pages and actions. */
export async function requestOrigin(): Promise<string> {
  return clientAddressOf(await headers());
}

/** The actor of a verb called from a page or an action: the signed-in user, from where they are. */
export async function actorOf(user: { id: string }): Promise<Actor> {
  return { actorId: user.id, origin: await requestOrigin() };
}
