import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { WelcomeForm } from '@/components/auth/welcome-form';
import { getDb } from '@/db/connection';
import { findUsableInvite } from '@/db/queries/invites';
import { hashInviteToken, LINK_NO_LONGER_WORKS } from '@/lib/admin/invite-token';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { setPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Choose your password', referrer: 'no-referrer', robots: { index: false, follow: false } };

/** Public: reached by a one-time link; the token is the only credential. */
export default async function WelcomePage({ params }: PageProps<'/welcome/[token]'>) {
  await connection();
  const { token } = await params;
  const invite = token.length <= 200 ? await findUsableInvite(await getDb(), hashInviteToken(token)) : undefined;
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        {invite ? (
          <>
            <h1>Welcome, {invite.name.split(' ')[0]}</h1>
            <p className="lead">
              Choose a password for Network meetings. You will sign in with <strong className="email">{invite.email}</strong>.
            </p>
            <WelcomeForm action={setPasswordAction} token={token} email={invite.email} minLength={MIN_PASSWORD_LENGTH} />
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
