/**
 * What sign-in's `authorize` throws, which next-auth hands to the form as `result.error`, so
 * the form can tell these apart from a wrong email or password (next-auth's "CredentialsSignin").
 * Kept free of server imports: the form imports it too.
 */
export const SIGN_IN_ERRORS = {
  /** Too many failed attempts for this email or from this address: the password was not checked. */
  throttled: 'TooManySignInAttempts',
  /** Something failed on our side (logged); the person's details may be right. */
  unavailable: 'SignInUnavailable',
} as const;
