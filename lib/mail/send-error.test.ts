import { describe, expect, it } from 'vitest';
import { describeSendError } from './send-error';

describe('send errors, as staff read them', () => {
  it('retries when the server cannot be reached or refuses the sign-in', () => {
    expect(
      describeSendError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' })),
    ).toEqual({
      text: 'Could not reach the mail server: connect ECONNREFUSED 127.0.0.1:2525',
      permanent: false,
    });
    const auth = describeSendError(
      Object.assign(new Error('Invalid login'), {
        code: 'EAUTH',
        responseCode: 535,
        response: '535 5.7.8 Authentication failed',
      }),
    );
    expect(auth).toEqual({
      text: 'The mail server refused the sign-in; check the user and password in SMTP_URL: 535 5.7.8 Authentication failed',
      permanent: false,
    });
  });

  it('gives up at once when the server refuses the address, but not when it asks to come back later', () => {
    expect(
      describeSendError(
        Object.assign(new Error('rejected'), {
          code: 'EENVELOPE',
          responseCode: 550,
          response: '550 5.1.1 No such mailbox',
        }),
      ),
    ).toEqual({
      text: 'The mail server refused this address: 550 5.1.1 No such mailbox',
      permanent: true,
    });
    expect(
      describeSendError(
        Object.assign(new Error('later'), {
          code: 'EENVELOPE',
          responseCode: 451,
          response: '451 4.7.1 Greylisted, try again',
        }),
      ).permanent,
    ).toBe(false);
    expect(describeSendError(Object.assign(new Error('Invalid recipient "anne@"'), { code: 'EENVELOPE' }))).toEqual({
      text: 'This address cannot be used: Invalid recipient "anne@"',
      permanent: true,
    });
  });

  it('keeps the text to one line of at most 500 characters, whatever was thrown', () => {
    const long = describeSendError(new Error(`line one\nline two ${'x'.repeat(1000)}`));
    expect(long.text).toMatch(/^Sending failed: line one line two x+…$/);
    expect(long.text).toHaveLength(500);
    expect(describeSendError('boom')).toEqual({ text: 'Sending failed: boom', permanent: false });
  });
});
