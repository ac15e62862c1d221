import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { WelcomeForm } from '@/components/auth/welcome-form';
import { getDb } from '@/db/connection';
import { LINK_NO_LONGER_WORKS } from '@/lib/admin/welcome-token';
import { openWelcomeLink, TOO_MANY_DEAD_WELCOME_LINKS } from '@/lib/admin/welcome-link';
import { requestOrigin } from '@/lib/audit/origin';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { setPasswordAction } from './actions';

export const metadata: Metadata = {
  title: 'Choose your password',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

/** Public: reached by a one-time link; the token is the only credential. */
export default async function WelcomePage({ params }: PageProps<'/welcome/[token]'>) {
  await connection();
  const { token } = await params;
  const link = await openWelcomeLink(await getDb(), token, await requestOrigin());
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        {link.status === 'usable' ? (
          <>
            <h1>Welcome, {link.account.name.split(' ')[0]}</h1>
            <p className="lead">
              Choose a password for Network meetings. You will sign in with{' '}
              <strong className="email">{link.account.email}</strong>.
            </p>
            <WelcomeForm
              action={setPasswordAction}
              token={token}
              email={link.account.email}
              minLength={MIN_PASSWORD_LENGTH}
            />
          </>
        ) : link.status === 'too-many' ? (
          <>
            <h1>Please wait a few minutes</h1>
            <p>{TOO_MANY_DEAD_WELCOME_LINKS}</p>
          </>
        ) : (
          <>
            <h1>This link no longer works</h1>
            <p>{LINK_NO_LONGER_WORKS}</p>
            <p>
              If you have already chosen a password, <Link href="/sign-in">sign in</Link>.
            </p>
          </>
        )}
      </div>
    </main>
  );
}
