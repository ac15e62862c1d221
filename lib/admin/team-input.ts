import { z } from 'zod';
import { idInput, requiredText, timeZoneInput, wholeNumber } from './input-fields';

/** A team's name and the settings that scheduling, reminders, the personal links and the continuity flags use. */
export const teamInput = z.object({
  name: requiredText('Enter the team’s name.'),
  timeZone: timeZoneInput,
  travelBufferMinutes: wholeNumber('travel time in minutes', 0, 240),
  reminderHours: wholeNumber('reminder time in hours', 0, 168),
  minimumNoticeHours: wholeNumber('minimum notice in hours', 0, 168),
  recordLinkDays: wholeNumber('reading period in days', 1, 730),
  firstMeetingHours: wholeNumber('hours to the first meeting', 1, 720),
  meetingGapDays: wholeNumber('days without a meeting', 1, 365),
  signWithinDays: wholeNumber('days to sign a record', 1, 90),
});

export type TeamInput = z.output<typeof teamInput>;

export const teamUpdateInput = teamInput.extend({ teamId: idInput });
