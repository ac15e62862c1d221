import { env, type Env } from '@/lib/env';

/**
 * Where email goes: the SMTP server in SMTP_URL, sent from MAIL_FROM. Without SMTP_URL (the
 * embedded default) there is no mail server: messages wait in the outbox, and staff copy the
 * links from the outbox page into a text message by hand.
 */
export type MailConfig = { url: string; from: string };

export function mailConfig(e: Env = env()): MailConfig | undefined {
  if (!e.SMTP_URL || !e.MAIL_FROM) return undefined;
  return { url: e.SMTP_URL, from: e.MAIL_FROM };
}

export function isMailConfigured(e: Env = env()): boolean {
  return mailConfig(e) !== undefined;
}

/** The domain of the sender's address, for Message-IDs: "Team <meetings@trust.nhs.uk>" gives "trust.nhs.uk". */
export function senderDomain(from: string): string {
  const address = /<([^<>]+)>/.exec(from)?.[1] ?? from;
  return (
    address
      .slice(address.lastIndexOf('@') + 1)
      .trim()
      .toLowerCase() || 'localhost'
  );
}

/** The server part of SMTP_URL without the password, for logs and the outbox page. */
export function describeMailServer(config: MailConfig): string {
  const url = new URL(config.url);
  return `${url.protocol}//${url.host}`;
}
