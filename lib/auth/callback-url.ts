/** Only paths inside the app may be returned to after sign-in: never another site. */
export function safeCallbackUrl(value: unknown, fallback = '/today'): string {
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/sign-in') || value.startsWith('/api/')) return fallback;
  return value;
}
