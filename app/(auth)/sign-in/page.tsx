import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { currentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        <h1>Sign in</h1>
        <p className="lead">Network meetings for your Open Dialogue team.</p>
        {params.signedOut === 'everywhere' ? (
          <p className="alert alert-success" role="status">
            You are signed out on every device. Sign in again here.
          </p>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
