import type { AccountStatus } from '@/db/queries/practitioners';

const labels: Record<AccountStatus, string> = {
  active: 'Active',
  invited: 'Invited, no password yet',
  disabled: 'Access turned off',
};

export function StatusTag({ status }: { status: AccountStatus }) {
  return <span className={`tag tag-${status}`}>{labels[status]}</span>;
}
