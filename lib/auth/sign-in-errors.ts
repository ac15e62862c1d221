/**
 * What sign-in's `authorize` throws, which next-auth hands to the form as `result.error`, so
 * the form can tell these apart from a wrong email or password (next-auth's "CredentialsSignin").
 * Kept free of server imports: the form imports it too.
 */
export const SIGN_IN_ERRORS = {
  /**
   * Too many failed attempts for this email or from this address: the password was not
   * checked. Sent as `TooManySignInAttempts:<seconds to wait>`.
   */
  throttled: 'TooManySignInAttempts',
  /** Something failed on our side (logged); the person's details may be right. */
  unavailable: 'SignInUnavailable',
} as const;

/** The seconds to wait in a throttled sign-in's error, or undefined when it is another error. */
export function throttledWait(error: string | null | undefined): number | undefined {
  const match = /^TooManySignInAttempts(?::(\d+))?$/.exec(error ?? '');
  return match ? Number(match[1] ?? 60) : undefined;
}

/** What the sign-in form says when an attempt must wait. */
export function tooManySignInAttempts(waitSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(waitSeconds));
  const wait = seconds <= 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many attempts to sign in. Please wait ${wait} and try again. Your account is not locked; if you have forgotten your password, ask your administrator for a new link.`;
}
