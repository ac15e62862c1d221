import type { HeldMeeting } from '@/lib/continuity/measures';
import { daysBetween } from '@/lib/continuity/measures';
import { tenth } from '@/lib/charts/tenth';
import { shortDate } from '@/lib/time/format';

type Row = { key: string; label: string; kind: 'person' | 'practitioner' | 'member'; marked?: string };

const W = 760;
const LABEL = 215;
const RIGHT = 16;
const TOP = 44;
const ROW = 22;
/** About as many characters as the label column holds at 12 px. */
const fit = (label: string) => (label.length > 32 ? `${label.slice(0, 31)}…` : label);

/**
 * The continuity ribbon, drawn on the server as SVG: time across from the referral; one row per
 * practitioner who has met the person (core team first, the peer worker's row marked), a dot
 * for each meeting they came to and a hollow dot where they were expected and did not come;
 * then the network's rows; long gaps shaded. The same facts are in the table below it.
 */
export function Ribbon({
  meetings,
  referralAt,
  now,
  timeZone,
  personName,
  practitioners,
  members,
  gapDays,
}: {
  meetings: readonly HeldMeeting[];
  referralAt: Date;
  now: Date;
  timeZone: string;
  personName: string;
  /** Core team first; `peer` marks a peer support worker's row. */
  practitioners: { id: string; name: string; peer: boolean; core: 'core' | 'former core' | null }[];
  /** As the person allows them to be named (first name or initials). */
  members: { id: string; label: string }[];
  gapDays: number;
}) {
  const start = referralAt.getTime();
  const end = Math.max(now.getTime(), meetings.at(-1)?.startsAt.getTime() ?? 0, start + 86_400_000);
  const x = (d: Date) => tenth(LABEL + ((d.getTime() - start) / (end - start)) * (W - LABEL - RIGHT));
  const rows: Row[] = [
    { key: 'person', label: personName, kind: 'person' },
    ...practitioners.map((p) => ({
      key: p.id,
      label: p.name,
      kind: 'practitioner' as const,
      marked: [p.core ?? '', p.peer ? 'peer worker' : ''].filter(Boolean).join(', '),
    })),
    ...members.map((m) => ({ key: m.id, label: m.label, kind: 'member' as const })),
  ];
  const H = TOP + rows.length * ROW + 12;
  const y = (i: number) => TOP + i * ROW + ROW / 2;
  const first = meetings[0];
  const firstHours = first ? Math.round((first.startsAt.getTime() - start) / 3_600_000) : null;
  const gaps = meetings
    .slice(1)
    .map((m, i) => ({ from: meetings[i]!, to: m, days: daysBetween(meetings[i]!.day, m.day) }))
    .filter((g) => g.days > gapDays);
  const mark = (m: HeldMeeting, row: Row): 'came' | 'missed' | null => {
    if (row.kind === 'person') return m.personCame ? 'came' : 'missed';
    if (row.kind === 'practitioner')
      return m.came.includes(row.key) ? 'came' : m.missed.includes(row.key) ? 'missed' : null;
    return m.membersCame.includes(row.key) ? 'came' : m.membersMissed.includes(row.key) ? 'missed' : null;
  };
  const summary = `${meetings.length} held meetings since the referral on ${shortDate(referralAt, timeZone)}${
    firstHours !== null ? `; the first ${firstHours} hours after it` : ''
  }.`;
  return (
    <svg
      className="ribbon"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby="ribbon-title ribbon-desc"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id="ribbon-title">Continuity ribbon</title>
      <desc id="ribbon-desc">{summary} The table below gives the same facts.</desc>
      {gaps.map((g) => (
        <rect
          key={g.to.id}
          className="ribbon-gap"
          x={x(g.from.startsAt)}
          y={TOP - 4}
          width={Math.max(1, tenth(x(g.to.startsAt) - x(g.from.startsAt)))}
          height={rows.length * ROW + 4}
        />
      ))}
      <line className="ribbon-axis" x1={LABEL} x2={W - RIGHT} y1={TOP - 6} y2={TOP - 6} />
      <line className="ribbon-marker" x1={x(referralAt)} x2={x(referralAt)} y1={12} y2={H - 8} />
      <text className="ribbon-note" x={x(referralAt) + 3} y={14}>
        Referral {shortDate(referralAt, timeZone)}
      </text>
      {first ? (
        <>
          <line className="ribbon-marker" x1={x(first.startsAt)} x2={x(first.startsAt)} y1={26} y2={H - 8} />
          <text className="ribbon-note" x={x(first.startsAt) + 3} y={30}>
            First meeting, {firstHours} h later
          </text>
        </>
      ) : null}
      <text className="ribbon-note" x={W - RIGHT} y={TOP - 10} textAnchor="end">
        {shortDate(new Date(end), timeZone)}
      </text>
      {rows.map((row, i) => (
        <g key={row.key} className={`ribbon-row ribbon-${row.kind}`}>
          {i > 0 && row.kind !== rows[i - 1]!.kind ? (
            <line className="ribbon-divider" x1={0} x2={W - RIGHT} y1={y(i) - ROW / 2} y2={y(i) - ROW / 2} />
          ) : null}
          <text x={0} y={y(i) + 4} className="ribbon-label">
            {fit(row.marked ? `${row.label} (${row.marked})` : row.label)}
          </text>
          <line className="ribbon-track" x1={LABEL} x2={W - RIGHT} y1={y(i)} y2={y(i)} />
          {meetings.map((m) => {
            const state = mark(m, row);
            return state ? (
              <circle
                key={m.id}
                className={state === 'came' ? 'ribbon-dot' : 'ribbon-dot ribbon-missed'}
                cx={x(m.startsAt)}
                cy={y(i)}
                r={5}
              />
            ) : null;
          })}
        </g>
      ))}
    </svg>
  );
}
