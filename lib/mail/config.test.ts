import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';
import { describeMailServer, isMailConfigured, mailConfig, senderDomain } from './config';

describe('mail configuration', () => {
  it('has no mail server unless SMTP_URL is set: email waits in the outbox', () => {
    expect(mailConfig(readEnv({}))).toBeUndefined();
    expect(isMailConfigured(readEnv({}))).toBe(false);
    expect(isMailConfigured(readEnv({ MAIL_FROM: 'meetings@example.org' }))).toBe(false);
  });

  it('reads the server and the sender, and asks for a sender when a server is set', () => {
    const e = readEnv({
      SMTP_URL: 'smtp://mailer:s3cret@mail.example.org:587',
      MAIL_FROM: 'Riverside team <meetings@example.org>',
    });
    expect(mailConfig(e)).toEqual({
      url: 'smtp://mailer:s3cret@mail.example.org:587',
      from: 'Riverside team <meetings@example.org>',
    });
    expect(() => readEnv({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(/MAIL_FROM.*when SMTP_URL is set/);
    expect(() => readEnv({ SMTP_URL: 'https://mail.example.org', MAIL_FROM: 'a@example.org' })).toThrow(
      /SMTP_URL: must look like smtp:\/\//,
    );
    expect(() => readEnv({ SMTP_URL: 'smtp://mail.example.org', MAIL_FROM: 'the team' })).toThrow(
      /MAIL_FROM: must be an email address/,
    );
  });

  it('names the server without its password, and finds the sender domain for Message-IDs', () => {
    expect(describeMailServer({ url: 'smtps://mailer:s3cret@mail.example.org:465', from: 'a@example.org' })).toBe(
      'smtps://mail.example.org:465',
    );
    expect(senderDomain('Riverside team <Meetings@Trust.NHS.uk>')).toBe('trust.nhs.uk');
    expect(senderDomain('meetings@example.org')).toBe('example.org');
  });
});
