import type {
  closeness,
  contactChannel,
  coreRole,
  inviteeVisibility,
  memberKind,
  relationship,
} from '@/db/schema/enums';

type Relationship = (typeof relationship.enumValues)[number];
type Kind = (typeof memberKind.enumValues)[number];
type Closeness = (typeof closeness.enumValues)[number];
type Channel = (typeof contactChannel.enumValues)[number];
type CoreRole = (typeof coreRole.enumValues)[number];
type InviteeVisibility = (typeof inviteeVisibility.enumValues)[number];

export const relationshipLabel: Record<Relationship, string> = {
  parent: 'Parent',
  partner: 'Partner',
  sibling: 'Brother or sister',
  child: 'Son or daughter',
  friend: 'Friend',
  neighbour: 'Neighbour',
  gp: 'GP',
  social_worker: 'Social worker',
  teacher: 'Teacher',
  employer: 'Employer',
  other: 'Other',
};

export const kindLabel: Record<Kind, string> = {
  family: 'Family',
  friend: 'Friend',
  professional: 'Professional',
  other: 'Other',
};
export const closenessLabel: Record<Closeness, string> = {
  inner: 'Inner circle',
  middle: 'Middle circle',
  outer: 'Outer circle',
};
export const channelLabel: Record<Channel, string> = {
  email: 'Email',
  sms: 'Text message',
  phone: 'Phone call',
  post: 'Post',
};
export const coreRoleLabel: Record<CoreRole, string> = { lead: 'Lead', co_worker: 'Co-worker', peer: 'Peer support' };
/** The choices on the person's edit page: what network members see about each other on their invitation. */
export const inviteeVisibilityLabel: Record<InviteeVisibility, string> = {
  names: 'Names: the first names of the others invited and how they know the person, like “Maria (parent)”',
  hidden: 'No names: only that the team is coming and that others are invited',
};
/** The same choice, as the person's page says it after “Network members invited to a meeting see:”. */
export const inviteeVisibilitySummary: Record<InviteeVisibility, string> = {
  names: 'first names and relationships of the others invited',
  hidden: 'no names, only that the team is coming and that others are invited',
};
export const weekdayLabel = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const options = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
