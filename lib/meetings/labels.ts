import type { discipline, locationKind, meetingKind } from '@/db/schema/enums';

type MeetingKind = (typeof meetingKind.enumValues)[number];
type LocationKind = (typeof locationKind.enumValues)[number];
type Discipline = (typeof discipline.enumValues)[number];

export const meetingKindLabel: Record<MeetingKind, string> = {
  first: 'First meeting',
  crisis: 'Crisis meeting',
  network: 'Network meeting',
  review: 'Review meeting',
};

export const locationKindLabel: Record<LocationKind, string> = {
  home: 'Home visit',
  community: 'In the community',
  clinic: 'At the clinic',
  video: 'Video call',
  phone: 'Phone call',
};

export const disciplineLabel: Record<Discipline, string> = {
  psychiatrist: 'psychiatrist',
  nurse: 'nurse',
  psychologist: 'psychologist',
  social_worker: 'social worker',
  peer_support_worker: 'peer support worker',
  occupational_therapist: 'occupational therapist',
  other: 'practitioner',
};

/** "Home visit · 12 Elm Road", or just the kind when there is no detail. */
export function placeDescription(kind: LocationKind, detail: string | null): string {
  return detail ? `${locationKindLabel[kind]} · ${detail}` : locationKindLabel[kind];
}

/** The name a person goes by, with the full name where it differs. */
export function personDisplayName(p: { givenName: string; familyName: string; preferredName: string | null }): string {
  const first = p.preferredName?.trim() || p.givenName;
  return `${first} ${p.familyName}`;
}
