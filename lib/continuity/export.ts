import { createHmac, hkdfSync } from 'node:crypto';
import { authSecret } from '@/lib/env';
import type { Flag } from './flags';
import { coreCame, strip, wholeCoreCame, type HeldMeeting, type Share } from './measures';

/** One CSV field: quoted when it holds a comma, quote or line break; formula starts defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A spreadsheet would run a cell starting with = + - @ as a formula.
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * A team-local pseudonym: the same person gets the same one in every export of their team, a
 * different one in another team's, and nobody can reverse it without the server secret.
 */
export function pseudonym(teamId: string, personId: string, secret = authSecret()): string {
  const key = Buffer.from(hkdfSync('sha256', secret, teamId, 'continuity-export', 32));
  return `P-${createHmac('sha256', key).update(personId).digest('hex').slice(0, 10).toUpperCase()}`;
}

const ratio = (s: Share) => (s.of === 0 ? null : Number((s.n / s.of).toFixed(3)));
const fixed = (n: number | null | undefined) => (n === null || n === undefined ? null : Number(n.toFixed(3)));

export type ExportPerson = {
  id: string;
  label: string;
  referralAt: Date;
  status: string;
  meetings: readonly HeldMeeting[];
  flags: readonly Flag[];
};

/** Per person, the header row naming what each column means. */
export const peopleHeader = [
  'Person (team pseudonym, or name if chosen)',
  'Referred (UTC, ISO 8601)',
  'Status',
  'Held meetings since referral',
  'Hours from referral to first held meeting',
  'Median days between meetings',
  'Longest days between meetings',
  'Share of meetings with at least one core practitioner',
  'Share of meetings with the whole core team',
  'Share of meetings with a peer support worker',
  'UPC: share of meetings the most regular practitioner came to (blank below 2 meetings)',
  'Bice-Boxerman COC, each practitioner at a meeting one contact (blank below 2 meetings)',
  'Pair UPC: share of meetings with the most common set of practitioners (blank below 2)',
  'SECON: share of consecutive meetings sharing a practitioner (blank below 2)',
  'Mean overlap of practitioners between consecutive meetings (blank below 2)',
  'Known team: share of meetings after the first where everyone from the team had met the person',
  'Mean network members per meeting',
  'Share of meetings the person came to',
  'Flags now (separated by spaces)',
];

export function peopleCsv(people: readonly ExportPerson[]): string {
  return csv([
    peopleHeader,
    ...people.map((p) => {
      const f = strip({ all: p.meetings, referralAt: p.referralAt });
      return [
        p.label,
        p.referralAt.toISOString(),
        p.status,
        f.meetings,
        fixed(f.referralToFirstHours),
        f.gaps.median,
        f.gaps.longest,
        ratio(f.core.any),
        ratio(f.core.whole),
        ratio(f.core.peer),
        fixed(f.indices?.upc),
        fixed(f.indices?.coc),
        fixed(f.indices?.pairUpc),
        fixed(f.indices?.secon),
        fixed(f.indices?.seconOverlap),
        ratio(f.knownTeam),
        fixed(f.membersPerMeeting),
        ratio(f.personCame),
        p.flags.join(' '),
      ];
    }),
  ]);
}

export const meetingsHeader = [
  'Person (team pseudonym, or name if chosen)',
  'Meeting starts (UTC, ISO 8601)',
  'Meeting date where the team is',
  'Practitioners who came',
  'Practitioners booked who did not come',
  'Core team on that day',
  'At least one core practitioner came (1 or 0)',
  'The whole core team came (1 or 0)',
  'Peer support workers who came',
  'Network members who came',
  'The person came (1 or 0)',
];

export function meetingsCsv(people: readonly ExportPerson[]): string {
  return csv([
    meetingsHeader,
    ...people.flatMap((p) =>
      p.meetings.map((m) => [
        p.label,
        m.startsAt.toISOString(),
        m.day,
        m.came.length,
        m.missed.length,
        m.coreTeam.length,
        coreCame(m) ? 1 : 0,
        wholeCoreCame(m) ? 1 : 0,
        m.peersCame.length,
        m.membersCame.length,
        m.personCame ? 1 : 0,
      ]),
    ),
  ]);
}
