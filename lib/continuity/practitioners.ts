import type { HeldMeeting } from './measures';

export type PractitionerFigures = {
  userId: string;
  /** Held meetings they came to. */
  came: number;
  /** Different people they met. */
  people: number;
  /** Meetings of people whose core team they were in on the day. */
  asCore: number;
  /** Of those, how many they came to. */
  asCoreCame: number;
};

/**
 * Each practitioner's own figures over a set of held meetings, for the team's leads: how many
 * meetings and people, and how often they came when they were in the person's core team.
 */
export function practitionerFigures(meetings: readonly (HeldMeeting & { personId: string })[]): PractitionerFigures[] {
  const by = new Map<string, { came: number; people: Set<string>; asCore: number; asCoreCame: number }>();
  const of = (id: string) => {
    let f = by.get(id);
    if (!f) by.set(id, (f = { came: 0, people: new Set(), asCore: 0, asCoreCame: 0 }));
    return f;
  };
  for (const m of meetings) {
    for (const id of m.came) {
      of(id).came++;
      of(id).people.add(m.personId);
    }
    for (const id of m.coreTeam) {
      of(id).asCore++;
      if (m.came.includes(id)) of(id).asCoreCame++;
    }
  }
  return [...by.entries()].map(([userId, f]) => ({
    userId,
    came: f.came,
    people: f.people.size,
    asCore: f.asCore,
    asCoreCame: f.asCoreCame,
  }));
}
