import { headers } from 'next/headers';

/**
 * The client address behind any proxy: the first x-forwarded-for entry, else x-real-ip, else
 * 'direct'. The one reader for audit events and per-address rate limits alike.
 */
export function clientAddressOf(requestHeaders: { get(name: string): string | null | undefined }): string {
  const forwarded = requestHeaders.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || requestHeaders.get('x-real-ip')?.trim() || 'direct';
}

/** Where the current request came from, for audit events and rate limits in pages and actions. */
export async function requestOrigin(): Promise<string> {
  return clientAddressOf(await headers());
}
