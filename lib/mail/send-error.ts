/** What staff read when a message did not go, and whether trying again could help. */
export type SendFailure = { text: string; permanent: boolean };

type MailError = { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };

const MAX_LENGTH = 500;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_LENGTH ? `${oneLine.slice(0, MAX_LENGTH - 1)}…` : oneLine;
}

/**
 * Turns a nodemailer error into a sentence for the outbox page. Only a refused address or
 * message (a 5xx answer, or an address nodemailer cannot use) is permanent; a server that is
 * down, slow, or refuses the sign-in is retried, because fixing the server or SMTP_URL makes
 * those go through.
 */
export function describeSendError(error: unknown): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as MailError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const response = typeof e.response === 'string' ? e.response : undefined;
  const detail = response ?? (typeof e.message === 'string' ? e.message : 'no details');
  switch (code) {
    case 'ECONNECTION':
    case 'ETIMEDOUT':
    case 'ESOCKET':
    case 'EDNS':
    case 'ECONNREFUSED':
      return { text: clip(`Could not reach the mail server: ${detail}`), permanent: false };
    case 'EAUTH':
      return {
        text: clip(`The mail server refused the sign-in; check the user and password in SMTP_URL: ${detail}`),
        permanent: false,
      };
    case 'EENVELOPE':
      // No status: nodemailer itself found the address unusable, which no retry changes.
      if (status === undefined) return { text: clip(`This address cannot be used: ${detail}`), permanent: true };
      if (status >= 500) return { text: clip(`The mail server refused this address: ${detail}`), permanent: true };
      return { text: clip(`The mail server did not take the message yet: ${detail}`), permanent: false };
    case 'EMESSAGE':
      if (status !== undefined && status >= 500)
        return { text: clip(`The mail server refused the message: ${detail}`), permanent: true };
      return { text: clip(`The mail server did not take the message yet: ${detail}`), permanent: false };
    default:
      return { text: clip(`Sending failed: ${detail}`), permanent: false };
  }
}
