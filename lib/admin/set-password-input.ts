import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';

/** Choosing a password from a one-time invitation link. */
export const setPasswordInput = z
  .object({
    token: z.string().min(1, 'This link is not complete. Open it again from the message you were sent.').max(200),
    password: z
      .string({ error: 'Choose a password.' })
      .min(1, { message: 'Choose a password.', abort: true })
      .min(
        MIN_PASSWORD_LENGTH,
        `Use at least ${MIN_PASSWORD_LENGTH} characters. A few words together are easy to remember.`,
      )
      .max(200, 'Use at most 200 characters.'),
    confirm: z.string({ error: 'Type the password again.' }).min(1, 'Type the password again.'),
  })
  .refine((value) => value.password === value.confirm, {
    path: ['confirm'],
    message: 'The two passwords are not the same. Type it again.',
  });
