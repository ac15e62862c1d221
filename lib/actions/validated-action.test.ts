import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { idle } from './form-state';

vi.mock('@/lib/auth/session', () => ({ currentUser: async () => ({ id: 'u1', memberships: [] }) }));
vi.mock('@/db/connection', () => ({ getDb: async () => ({}) }));
vi.mock('next/navigation', () => ({ redirect: () => {} }));

const { validatedAction } = await import('./validated-action');

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

describe('the form-action wrapper', () => {
  it('refuses an action without a name, since the log names failures by it', () => {
    expect(() => validatedAction(' ', z.object({}), async () => {})).toThrow(/Name every form action/);
  });

  it('hands back the error code with the message, and the values as typed except passwords', async () => {
    const action = validatedAction('bookSomething', z.object({ start: z.string() }), async () => {
      throw new AppError('slot_taken');
    });
    const state = await action(idle, form({ start: '2026-03-03T10:00:00Z', password: 'secret' }));
    expect(state).toMatchObject({ status: 'error', code: 'slot_taken', values: { start: '2026-03-03T10:00:00Z' } });
    expect(state.values).not.toHaveProperty('password');
    const invalid = await action(idle, form({}));
    expect(invalid).toMatchObject({
      status: 'error',
      code: 'invalid_input',
      fieldErrors: { start: [expect.any(String)] },
    });
  });
});
