// What this app adds to next-auth's session objects (lib/auth/options.ts).
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    /** The user's session version when they signed in. */
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** This session's random id, recorded as ended when it signs out. */
    sid?: string;
    /** The user's session version when the session was made. */
    ver?: number;
    /** When the session signed in (seconds since 1970): it ends 12 hours after, however used. */
    sin?: number;
  }
}
