import type { ReactNode } from 'react';
import { requireAllowed } from '@/lib/auth/session';

/** Administration is for administrators only; everyone else gets "not found". Each page checks too. */
export default async function AdministrationLayout({ children }: { children: ReactNode }) {
  await requireAllowed('manage', { kind: 'administration' });
  return <div className="admin">{children}</div>;
}
