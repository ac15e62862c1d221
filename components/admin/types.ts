import type { FormState } from '@/lib/actions/form-state';

/** A server action made by validatedAction, handed to a client form by its page. */
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
