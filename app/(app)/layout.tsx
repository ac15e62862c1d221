import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { MainNav, type NavLink } from '@/components/shell/main-nav';
import { requireUser } from '@/lib/auth/session';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const links: NavLink[] = [
    { href: '/today', label: 'Today' },
    { href: '/people', label: 'People' },
    { href: '/calendar', label: 'Calendar' },
    { href: '/continuity', label: 'Continuity' },
    { href: '/outbox', label: 'Outbox' },
    ...(user.role === 'admin' ? [{ href: '/admin', label: 'Administration' }] : []),
  ];
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link className="brand" href="/today">
            Network <span>meetings</span>
          </Link>
          <MainNav links={links} />
          <div className="account">
            <Link className="who" href="/account" title="Your account">
              {user.name}
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="content">{children}</main>
    </>
  );
}
