/**
 * The core team is the practitioners who stay with a person from crisis to discharge.
 * An assignment is current on a day when it has started and not yet ended (dates inclusive).
 */
export type Assignment = {
  userId: string;
  role: 'lead' | 'co_worker' | 'peer';
  startsOn: string;
  endsOn: string | null;
  discipline: string;
  /** Their access was turned off: they cannot come to meetings, so they no longer count. */
  accessOff?: boolean;
};

export function isCurrent(a: Pick<Assignment, 'startsOn' | 'endsOn'>, today: string): boolean {
  return a.startsOn <= today && (a.endsOn === null || a.endsOn >= today);
}

export function currentCoreTeam<T extends Assignment>(assignments: T[], today: string): T[] {
  return assignments.filter((a) => isCurrent(a, today));
}

export type CoreTeamWarning = 'fewer_than_two' | 'no_peer_worker' | 'access_off';

/** POD asks for two or more practitioners, usually including a peer support worker. */
export function coreTeamWarnings(current: Assignment[]): CoreTeamWarning[] {
  const warnings: CoreTeamWarning[] = [];
  const serving = current.filter((a) => !a.accessOff);
  if (new Set(serving.map((a) => a.userId)).size < 2) warnings.push('fewer_than_two');
  if (!serving.some((a) => a.discipline === 'peer_support_worker')) warnings.push('no_peer_worker');
  if (serving.length < current.length) warnings.push('access_off');
  return warnings;
}

export const coreTeamWarningText: Record<CoreTeamWarning, string> = {
  fewer_than_two: 'The core team has fewer than two practitioners. Open Dialogue meetings need at least two.',
  no_peer_worker: 'The core team has no peer support worker.',
  access_off:
    'Someone in the core team can no longer sign in (their access is turned off), so they are not counted. End their place and choose who takes it.',
};
