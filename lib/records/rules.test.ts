import { describe, expect, it } from 'vitest';
import {
  mayAmend,
  mayCoSign,
  mayEditDraft,
  mayMarkEnteredInError,
  maySign,
  readableSections,
  recordStatus,
  signedVersion,
  type VersionFacts,
} from './rules';

const alex = 'alex';
const sam = 'sam';
const draft = (version: number): VersionFacts => ({
  version,
  authorId: alex,
  amendmentReason: null,
  enteredInErrorReason: null,
  signatures: [],
});
const signed = (version: number, by = alex): VersionFacts => ({
  ...draft(version),
  signatures: [{ signerId: by, kind: 'signed' }],
});
const came = { came: true, meetingHeld: true, actorId: alex };

describe('who may write, sign, co-sign and amend a record', () => {
  it('lets a practitioner who came write and sign a draft of a held meeting', () => {
    expect(mayEditDraft(came, [])).toEqual({ ok: true });
    expect(mayEditDraft(came, [draft(1)])).toEqual({ ok: true });
    expect(maySign(came, [draft(1)])).toEqual({ ok: true });
  });

  it('refuses one who did not come, a meeting not held, and signing nothing', () => {
    expect(mayEditDraft({ ...came, came: false }, []).ok).toBe(false);
    expect(mayEditDraft({ ...came, meetingHeld: false }, []).ok).toBe(false);
    expect(maySign(came, []).ok).toBe(false);
  });

  it('never edits a signed record: it is amended instead', () => {
    const versions = [draft(1), signed(2)];
    expect(recordStatus(versions)).toBe('signed');
    expect(mayEditDraft(came, versions)).toMatchObject({ ok: false, why: expect.stringContaining('amendment') });
    expect(mayAmend(came, versions)).toEqual({ ok: true });
    expect(mayAmend(came, [draft(1)]).ok).toBe(false);
  });

  it('lets a second practitioner who came co-sign, once, and not the signer', () => {
    const versions = [signed(1)];
    expect(mayCoSign({ ...came, actorId: sam }, versions)).toEqual({ ok: true });
    expect(mayCoSign(came, versions).ok).toBe(false);
    expect(mayCoSign({ ...came, actorId: sam, came: false }, versions).ok).toBe(false);
    expect(mayCoSign({ ...came, actorId: sam }, [draft(1)]).ok).toBe(false);
    const coSigned = [
      { ...signed(1), signatures: [...signed(1).signatures, { signerId: sam, kind: 'co_signed' as const }] },
    ];
    expect(recordStatus(coSigned)).toBe('co_signed');
    expect(mayCoSign({ ...came, actorId: 'kim' }, coSigned).ok).toBe(false);
  });

  it('marks a record entered in error once, after which nothing changes and nobody reads it', () => {
    const versions = [signed(1), { ...draft(2), enteredInErrorReason: 'Wrong person' }];
    expect(mayMarkEnteredInError(came, [signed(1)])).toEqual({ ok: true });
    expect(recordStatus(versions)).toBe('entered_in_error');
    expect(mayMarkEnteredInError(came, versions).ok).toBe(false);
    expect(mayAmend(came, versions).ok).toBe(false);
    expect(signedVersion(versions)).toBeUndefined();
  });

  it('gives readers the newest signed version, an amendment over the original', () => {
    const amended = { ...signed(2), amendmentReason: 'One week, not two' };
    expect(signedVersion([signed(1), amended])?.version).toBe(2);
    expect(signedVersion([draft(1)])).toBeUndefined();
  });
});

describe('what each reader of a signed record sees', () => {
  const member = { kind: 'member' as const, came: true, maySeeSharedRecords: true, active: true, mayBeInvited: true };
  const record = { signed: true, shared: ['decisions', 'actions'] as const, withheld: [] as const };

  it('shows the person every section, and a member who came with consent only what is shared', () => {
    expect(readableSections({ kind: 'person' }, record)).toHaveLength(6);
    expect(readableSections(member, record)).toEqual(['decisions', 'actions']);
  });

  it('shows nothing to a member without consent, who did not come, or who left the network', () => {
    expect(readableSections({ ...member, maySeeSharedRecords: false }, record)).toEqual([]);
    expect(readableSections({ ...member, came: false }, record)).toEqual([]);
    expect(readableSections({ ...member, active: false }, record)).toEqual([]);
    expect(readableSections({ ...member, mayBeInvited: false }, record)).toEqual([]);
  });

  it('shows nothing before it is signed', () => {
    expect(readableSections({ kind: 'person' }, { ...record, signed: false })).toEqual([]);
  });

  it('hides exactly what is withheld, from everyone', () => {
    const withheld = { ...record, withheld: ['decisions'] as const };
    expect(readableSections({ kind: 'person' }, withheld)).not.toContain('decisions');
    expect(readableSections({ kind: 'person' }, withheld)).toHaveLength(5);
    expect(readableSections(member, withheld)).toEqual(['actions']);
    expect(readableSections({ kind: 'person' }, { ...record, withheld: [null] })).toEqual([]);
  });
});
