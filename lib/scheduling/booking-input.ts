import { z } from 'zod';
import { locationKind, meetingKind } from '@/db/schema/enums';
import { isCalendarDate } from '@/lib/time/zoned';

const idList = z
  .string()
  .default('')
  .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.guid()).max(12, 'Choose at most 12 practitioners'));

/** What the practitioner asks for: read from the address so a search can be shared and repeated. */
export const slotSearchInput = z.object({
  kind: z.enum(meetingKind.enumValues).catch('network'),
  duration: z.coerce.number().int().min(15).max(240).catch(60),
  location: z.enum(locationKind.enumValues).catch('home'),
  required: idList.catch([]),
  optional: idList.catch([]),
  from: z.string().refine(isCalendarDate).optional().catch(undefined),
  to: z.string().refine(isCalendarDate).optional().catch(undefined),
});

export type SlotSearch = z.output<typeof slotSearchInput>;

export const bookingInput = z
  .object({
    personId: z.string(),
    kind: z.enum(meetingKind.enumValues, { error: 'Choose the kind of meeting' }),
    duration: z.coerce.number({ error: 'Choose how long' }).int().min(15, 'At least 15 minutes').max(240, 'At most four hours'),
    location: z.enum(locationKind.enumValues, { error: 'Choose where' }),
    locationDetail: z.string().trim().max(300).default(''),
    videoUrl: z.string().trim().max(500).default(''),
    required: idList,
    optional: idList,
    start: z.string({ error: 'Choose one of the times' }).min(1, 'Choose one of the times').refine((v) => !Number.isNaN(Date.parse(v)), 'Choose one of the times'),
  })
  .superRefine((b, ctx) => {
    if (b.required.length === 0) ctx.addIssue({ code: 'custom', path: ['required'], message: 'Choose at least one practitioner who must be there' });
    if (b.location === 'video' && !/^https:\/\/\S+$/.test(b.videoUrl)) {
      ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'Add the video link, starting with https://' });
    }
    if ((b.location === 'community' || b.location === 'clinic') && b.locationDetail === '') {
      ctx.addIssue({ code: 'custom', path: ['locationDetail'], message: 'Say where, so everyone can find it' });
    }
    if (b.optional.some((id) => b.required.includes(id))) ctx.addIssue({ code: 'custom', path: ['optional'], message: 'Someone cannot be both required and optional' });
  });

export type BookingInput = z.output<typeof bookingInput>;
