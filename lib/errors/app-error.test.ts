import { describe, expect, it, vi } from 'vitest';
import { AppError, sqlState, toAppError } from './app-error';

const pgError = (code: string, constraint?: string) =>
  Object.assign(new Error('raw database text'), { code, constraint });
const wrapped = (cause: unknown) => new Error('Failed query: insert into ...', { cause });

describe('errors', () => {
  it('finds the SQLSTATE through the wrappers drizzle adds', () => {
    expect(sqlState(wrapped(pgError('23P01', 'meeting_practitioners_no_double_booking')))).toEqual({
      code: '23P01',
      constraint: 'meeting_practitioners_no_double_booking',
    });
    expect(sqlState(new Error('plain'))).toBeUndefined();
    expect(sqlState(Object.assign(new Error('node'), { code: 'ECONNREFUSED' }))).toBeUndefined();
  });

  it('turns a double booking into a message a person can act on', () => {
    const error = toAppError(wrapped(pgError('23P01', 'meeting_practitioners_no_double_booking')));
    expect(error.code).toBe('slot_taken');
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/just taken.*choose another time/);
    expect(toAppError(wrapped(pgError('23P01', 'absences_no_overlap'))).message).toMatch(/overlaps another absence/);
    expect(toAppError(pgError('AO001')).code).toBe('append_only');
  });

  it('logs internal errors and never shows their text', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = toAppError(new Error('connection to 10.0.0.5 failed: password authentication'));
    expect(error.code).toBe('internal');
    expect(error.status).toBe(500);
    expect(error.message).not.toContain('10.0.0.5');
    expect(spy).toHaveBeenCalledWith(expect.stringContaining('10.0.0.5'));
    spy.mockRestore();
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('not_found');
    expect(toAppError(original)).toBe(original);
  });
});
