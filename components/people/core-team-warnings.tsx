import { coreTeamWarningText, type CoreTeamWarning } from '@/lib/people/core-team';

/** What the core team lacks, said once in the same words wherever the team is shown. */
export function CoreTeamWarnings({ warnings }: { warnings: CoreTeamWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="alert alert-warning" role="note">
      <ul className="warning-list">
        {warnings.map((w) => (
          <li key={w}>{coreTeamWarningText[w]}</li>
        ))}
      </ul>
    </div>
  );
}
