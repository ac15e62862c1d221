import type { IncomingMessage } from 'node:http';

export const MAX_TRUSTED_PROXIES: number;
export function trustedProxiesFrom(value: string | undefined): number;
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  peer: string | undefined,
  trustedProxies: number,
): string;
export function settleClientAddress(request: IncomingMessage, trustedProxies: number): void;
