import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests (the smtp-server package) on a random local port: it keeps
 * every message it accepts, refuses addresses at @refused.example with 550, and can be stopped
 * and started again on the same port to play a mail server that goes down.
 */
export type ReceivedMail = { envelopeTo: string[]; raw: string; mail: ParsedMail };

export type SmtpSink = {
  readonly port: number;
  readonly url: string;
  readonly received: ReceivedMail[];
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  const start = async () => {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.toLowerCase().endsWith('@refused.example')) {
          return callback(Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, mail: parseMail(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      s.server.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.server.address() as AddressInfo).port;
    server = s;
  };
  await start();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    start,
    stop: async () => {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}

export type MailPart = { contentType: string; headers: Record<string, string>; body: string };
export type ParsedMail = { headers: Record<string, string>; parts: MailPart[] };

/** Headers as one line each, names in lower case, encoded words decoded. */
function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeWords(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g,
    (_m, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable': {
      const bytes = body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    default:
      return body;
  }
}

/** Enough of MIME to read what nodemailer writes: nested multiparts, base64 and quoted-printable leaves. */
export function parseMail(raw: string): ParsedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
  return { headers, parts: leaves(headers, split < 0 ? '' : raw.slice(split + 4)) };
}

function leaves(headers: Record<string, string>, body: string): MailPart[] {
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!/^multipart\//i.test(contentType) || !boundary) {
    return [{ contentType, headers, body: decodeBody(body, headers['content-transfer-encoding']) }];
  }
  const sections = body.split(`--${boundary}`).slice(1);
  const parts: MailPart[] = [];
  for (const section of sections) {
    if (section.startsWith('--')) break;
    const content = section.replace(/^\r\n/, '').replace(/\r\n$/, '');
    const split = content.indexOf('\r\n\r\n');
    parts.push(...leaves(parseHeaders(content.slice(0, split)), content.slice(split + 4)));
  }
  return parts;
}

/** The part whose content type starts with `type` ("text/plain", "text/calendar"). */
export function partOf(mail: ParsedMail, type: string): MailPart | undefined {
  return mail.parts.find((p) => p.contentType.toLowerCase().startsWith(type));
}
