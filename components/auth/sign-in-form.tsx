'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { SIGN_IN_ERRORS, throttledWait, tooManySignInAttempts } from '@/lib/auth/sign-in-errors';

type Props = { callbackUrl: string };

type SignInError = { message: string; passwordInvalid?: boolean };

export function SignInForm({ callbackUrl }: Props) {
  const router = useRouter();
  const [error, setError] = useState<SignInError | null>(null);
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) {
      setError(
        !email ? { message: 'Enter your email address.' } : { message: 'Enter your password.', passwordInvalid: true },
      );
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', { email, password, redirect: false, callbackUrl });
      if (!result || result.error || !result.ok) {
        // The email stays typed in every case; the password is kept only when it may be right
        // and the failure was ours.
        if (result?.error === SIGN_IN_ERRORS.unavailable) {
          setError({
            message:
              'We could not sign you in just now because of a problem on our side. Please try again in a moment.',
          });
          return;
        }
        const wait = throttledWait(result?.error);
        setError(
          wait !== undefined
            ? { message: tooManySignInAttempts(wait) }
            : {
                message: 'That email and password do not match an account we know. Check them and try again.',
                passwordInvalid: true,
              },
        );
        if (passwordRef.current) {
          passwordRef.current.value = '';
          passwordRef.current.focus();
        }
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError({ message: 'We could not reach the server. Check your connection and try again.' });
    } finally {
      setPending(false);
    }
  }

  return (
    // method="post": submitted before the script loads, the password must never go into the address.
    <form
      method="post"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-describedby={error ? 'sign-in-error' : undefined}
    >
      {error ? (
        <div className="alert alert-error" role="alert" id="sign-in-error">
          {error.message}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="email">Email address</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          ref={passwordRef}
          aria-invalid={error?.passwordInvalid ? true : undefined}
        />
      </div>
      <button className="button" type="submit" disabled={pending} style={{ width: '100%' }}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
