import { describe, expect, it } from 'vitest';
import { can, type Actor } from './permissions';

const practitioner: Actor = {
  id: 'u1',
  role: 'practitioner',
  disabledAt: null,
  memberships: [{ teamId: 'A', lead: false }],
};
const lead: Actor = { id: 'u2', role: 'practitioner', disabledAt: null, memberships: [{ teamId: 'A', lead: true }] };
const admin: Actor = { id: 'u3', role: 'admin', disabledAt: null, memberships: [] };

describe('can', () => {
  it("lets a practitioner read and change their own teams' people and meetings, and no one else's", () => {
    for (const kind of ['person', 'meeting'] as const) {
      expect(can(practitioner, 'read', { kind, teamId: 'A' })).toBe(true);
      expect(can(practitioner, 'update', { kind, teamId: 'A' })).toBe(true);
      expect(can(practitioner, 'read', { kind, teamId: 'B' })).toBe(false);
      expect(can(practitioner, 'update', { kind, teamId: 'B' })).toBe(false);
    }
  });

  it('keeps administration to administrators and team management to leads', () => {
    expect(can(practitioner, 'manage', { kind: 'administration' })).toBe(false);
    expect(can(admin, 'manage', { kind: 'administration' })).toBe(true);
    expect(can(practitioner, 'manage', { kind: 'team', teamId: 'A' })).toBe(false);
    expect(can(lead, 'manage', { kind: 'team', teamId: 'A' })).toBe(true);
    expect(can(lead, 'manage', { kind: 'team', teamId: 'B' })).toBe(false);
  });

  it('lets people see themselves but only administrators manage users', () => {
    expect(can(practitioner, 'read', { kind: 'user', userId: 'u1' })).toBe(true);
    expect(can(practitioner, 'manage', { kind: 'user', userId: 'u1' })).toBe(false);
    expect(can(practitioner, 'read', { kind: 'user', userId: 'u2' })).toBe(false);
    expect(can(admin, 'manage', { kind: 'user', userId: 'u1' })).toBe(true);
  });

  it('refuses everything to the signed-out and the disabled', () => {
    const disabled = { ...admin, disabledAt: new Date() };
    expect(can(undefined, 'read', { kind: 'person', teamId: 'A' })).toBe(false);
    expect(can(disabled, 'manage', { kind: 'administration' })).toBe(false);
    expect(can({ ...practitioner, disabledAt: new Date() }, 'read', { kind: 'person', teamId: 'A' })).toBe(false);
  });
});
