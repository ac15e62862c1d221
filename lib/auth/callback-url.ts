/** Any origin of our own would do: the value is only ever resolved against it and compared. */
const ORIGIN = 'http://app.invalid';

/**
 * Control characters and backslashes: browsers drop tabs and newlines from a URL and read `\`
 * as `/`, so `/\t/evil.example` becomes `//evil.example`; and Node refuses a newline in the
 * Location header, which turned the redirect into a 500.
 */
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/** Where signing in would loop back to itself, or land on an endpoint rather than a page. */
function refused(pathname: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return path === '/sign-in' || path.startsWith('/sign-in/') || path === '/api' || path.startsWith('/api/');
}

/**
 * Only paths inside the app may be returned to after sign-in: never another site. The answer
 * is the normalised path, query and fragment, safe in a Location header and in the browser.
 */
export function safeCallbackUrl(value: unknown, fallback = '/today'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2048 || UNSAFE.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN || refused(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
