'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** Only pages that exist are listed: no placeholders. */
const links = [{ href: '/today', label: 'Today' }] as const;

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="nav">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={pathname === link.href || pathname.startsWith(`${link.href}/`) ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
