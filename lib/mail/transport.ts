import nodemailer, { type SendMailOptions, type SentMessageInfo } from 'nodemailer';
import type { MailConfig } from './config';

/** What delivery needs of a transport: nodemailer's, or a test double with the same promise. */
export type MailTransport = { sendMail(mail: SendMailOptions): Promise<SentMessageInfo> };

/**
 * A nodemailer SMTP transport for the configured server, sending from MAIL_FROM. A new
 * connection per message keeps recovery simple when the server restarts; the timeouts bound
 * how long one message can take (about a minute), which the delivery lease is sized for.
 * Options in the URL's query (such as ?tls.rejectUnauthorized=false) take precedence.
 */
export function createMailTransport(config: MailConfig): MailTransport & { close(): void } {
  return nodemailer.createTransport(
    { url: config.url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000, dnsTimeout: 10_000 },
    { from: config.from },
  );
}
