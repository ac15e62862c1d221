import type { absenceReason, discipline, userRole } from '@/db/schema/enums';

/** Names for the choices administrators make, in the order the forms offer them. */
export type Discipline = (typeof discipline.enumValues)[number];
export type Role = (typeof userRole.enumValues)[number];
export type AbsenceReason = (typeof absenceReason.enumValues)[number];

export const disciplineNames: Record<Discipline, string> = {
  psychiatrist: 'Psychiatrist',
  nurse: 'Nurse',
  psychologist: 'Psychologist',
  social_worker: 'Social worker',
  peer_support_worker: 'Peer support worker',
  occupational_therapist: 'Occupational therapist',
  other: 'Other',
};

export const roleNames: Record<Role, string> = {
  practitioner: 'Practitioner',
  admin: 'Administrator',
};

export const absenceReasonNames: Record<AbsenceReason, string> = {
  leave: 'Leave',
  training: 'Training',
  sickness: 'Sickness',
  other: 'Other',
};

function keysOf<K extends string>(names: Record<K, string>): [K, ...K[]] {
  return Object.keys(names) as [K, ...K[]];
}

export const disciplines = keysOf(disciplineNames);
export const roles = keysOf(roleNames);
export const absenceReasons = keysOf(absenceReasonNames);

export function optionsOf<K extends string>(names: Record<K, string>): { value: K; label: string }[] {
  return keysOf(names).map((value) => ({ value, label: names[value] }));
}
