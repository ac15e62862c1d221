import { TextField } from '@/components/ui/fields';
import type { FormState } from '@/lib/actions/form-state';

/** Where the meeting is: the video link for a video call, the address or place for a visit, nothing for a phone call. */
export function PlaceField({
  location,
  state,
  detail,
  videoUrl = '',
}: {
  location: string;
  state: FormState;
  detail: string;
  videoUrl?: string;
}) {
  if (location === 'video')
    return (
      <TextField
        name="videoUrl"
        label="Video link"
        type="url"
        state={state}
        stored={videoUrl}
        required
        hint="Sent to those invited; starts with https://"
      />
    );
  if (location === 'phone') return null;
  return (
    <TextField
      name="locationDetail"
      label={location === 'home' ? 'Address' : 'Place'}
      state={state}
      stored={detail}
      required={location !== 'home'}
    />
  );
}
