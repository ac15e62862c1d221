import { pgEnum } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['admin', 'practitioner']);
export const discipline = pgEnum('discipline', [
  'psychiatrist',
  'nurse',
  'psychologist',
  'social_worker',
  'peer_support_worker',
  'occupational_therapist',
  'other',
]);
export const personStatus = pgEnum('person_status', ['active', 'discharged']);
/** What network members see about the other invitees on their invitation page. */
export const inviteeVisibility = pgEnum('invitee_visibility', ['names', 'hidden']);
export const relationship = pgEnum('relationship', [
  'parent',
  'partner',
  'sibling',
  'child',
  'friend',
  'neighbour',
  'gp',
  'social_worker',
  'teacher',
  'employer',
  'other',
]);
export const memberKind = pgEnum('member_kind', ['family', 'friend', 'professional', 'other']);
export const closeness = pgEnum('closeness', ['inner', 'middle', 'outer']);
export const contactChannel = pgEnum('contact_channel', ['email', 'sms', 'phone', 'post']);
export const coreRole = pgEnum('core_role', ['lead', 'co_worker', 'peer']);
export const absenceReason = pgEnum('absence_reason', ['leave', 'training', 'sickness', 'other']);
export const meetingKind = pgEnum('meeting_kind', ['first', 'crisis', 'network', 'review']);
export const locationKind = pgEnum('location_kind', ['home', 'community', 'clinic', 'video', 'phone']);
export const meetingStatus = pgEnum('meeting_status', ['scheduled', 'held', 'did_not_happen', 'cancelled']);
export const attendance = pgEnum('attendance', ['unknown', 'attended', 'absent']);
export const participantRole = pgEnum('participant_role', ['required', 'optional']);
export const invitationResponse = pgEnum('invitation_response', ['needs_action', 'accepted', 'tentative', 'declined']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sending', 'sent', 'failed']);
