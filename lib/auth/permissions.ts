import { AppError } from '@/lib/errors/app-error';

/**
 * The one permission module. Every page, action and route handler asks `can` before it reads
 * or changes anything; the answer depends only on who is asking and what the resource is.
 */
export type Actor = {
  id: string;
  role: 'admin' | 'practitioner';
  disabledAt: Date | null;
  memberships: { teamId: string; lead: boolean }[];
};

export type Resource =
  | { kind: 'team'; teamId: string }
  | { kind: 'person'; teamId: string }
  | { kind: 'meeting'; teamId: string }
  | { kind: 'user'; userId: string }
  | { kind: 'administration' };

export type Action = 'read' | 'create' | 'update' | 'book' | 'manage';

export function teamIdsOf(actor: Actor): string[] {
  return actor.memberships.map((m) => m.teamId);
}

export function can(actor: Actor | null | undefined, action: Action, resource: Resource): boolean {
  if (!actor || actor.disabledAt) return false;
  const isAdmin = actor.role === 'admin';
  switch (resource.kind) {
    case 'administration':
      return isAdmin;
    case 'user':
      // Everyone may read and update themselves; administrators manage everyone.
      return resource.userId === actor.id ? action !== 'manage' || isAdmin : isAdmin;
    case 'team':
      if (action === 'manage') return isAdmin || actor.memberships.some((m) => m.teamId === resource.teamId && m.lead);
      return isAdmin || actor.memberships.some((m) => m.teamId === resource.teamId);
    case 'person':
    case 'meeting':
      // Clinical records belong to the team that holds the caseload; administrators see them too.
      return isAdmin || actor.memberships.some((m) => m.teamId === resource.teamId);
  }
}

/**
 * For actions and route handlers: refuse with "not found", so a person outside the team
 * cannot even learn that the record exists.
 */
export function assertCan(actor: Actor | null | undefined, action: Action, resource: Resource): void {
  if (!can(actor, action, resource)) throw new AppError('not_found');
}

/** The teams whose records the actor may read: their own, or every team for an administrator. */
export type TeamScope = string[] | 'all';

export function readableTeams(actor: Actor): TeamScope {
  if (actor.disabledAt) return [];
  return actor.role === 'admin' ? 'all' : teamIdsOf(actor);
}
