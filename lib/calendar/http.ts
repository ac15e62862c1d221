import { toAppError } from '@/lib/errors/app-error';
import { calendarContentType } from './ics';

/** Calendar files hold who meets when and where: never kept by shared caches. */
const privateHeaders = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/** A calendar file; with a file name, as a download rather than something to show. */
export function calendarResponse(body: string, download?: { fileName: string }): Response {
  const headers: Record<string, string> = { ...privateHeaders, 'Content-Type': calendarContentType() };
  if (download) headers['Content-Disposition'] = `attachment; filename="${download.fileName}"`;
  return new Response(body, { headers });
}

/** The same plain answer for "no such thing" and "not yours": nothing to learn from it. */
export function notFoundResponse(): Response {
  return new Response('Not found. The link may be wrong, or it has been turned off.\n', {
    status: 404,
    headers: { ...privateHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Too many requests: calendar apps retry after `retryAfter` seconds. */
export function tooManyRequestsResponse(retryAfter: number): Response {
  return new Response('Too many requests for this calendar. Your calendar app will try again later by itself.\n', {
    status: 429,
    headers: { ...privateHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(retryAfter) },
  });
}

/** Anything unexpected is logged; the answer says only that it failed. */
export function failureResponse(error: unknown, route: string): Response {
  const appError = toAppError(error, { route });
  return new Response(`${appError.message}\n`, {
    status: appError.status,
    headers: { ...privateHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
