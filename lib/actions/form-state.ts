import type { ErrorCode } from '@/lib/errors/app-error';

/**
 * What every form action returns: field errors to show beside the fields, a message for the
 * whole form, and the values as typed so nothing is lost when the form is shown again.
 */
export type FormState = {
  status: 'idle' | 'error' | 'success';
  /** The error module's code when it failed (invalid_input, slot_taken, …), for the page to act on. */
  code?: ErrorCode;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  /** What a successful action hands back to show once, such as a one-time link. */
  data?: Record<string, string>;
  /** Places the message points to, each shown as a link under it (e.g. the meetings to move). */
  links?: FormLink[];
};

export type FormLink = { href: string; text: string };

export const idle: FormState = { status: 'idle' };

/** The value to show in a field: what was just typed if the form came back, else the stored one. */
export function shown(state: FormState, name: string, stored: string | number | null | undefined): string {
  if (state.values && name in state.values) return state.values[name] ?? '';
  return stored === null || stored === undefined ? '' : String(stored);
}

/** Whether a checkbox shows ticked: as submitted if the form came back, else as stored. */
export function shownChecked(state: FormState, name: string, stored: boolean): boolean {
  if (state.values) return state.values[name] === 'on' || state.values[name] === 'true';
  return stored;
}

/** A server action made by validatedAction, handed to a client form by its page. */
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
