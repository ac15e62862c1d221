import type { Share, Strip } from '@/lib/continuity/measures';

const share = (s: Share) => (s.of === 0 ? 'no meetings' : `${s.n} of ${s.of} (${Math.round((100 * s.n) / s.of)}%)`);
const two = (n: number) => n.toFixed(2);
const days = (n: number) => (n === 1 ? '1 day' : `${Number.isInteger(n) ? n : n.toFixed(1)} days`);

/**
 * The strip of numbers for one person and period (DESIGN.md §6). Every figure says what it
 * rests on; the indices are hidden below two meetings and marked below four.
 */
export function ContinuityStrip({
  figures,
  period,
  firstMeetingHours,
  hoursSinceReferral,
  actions,
}: {
  figures: Strip;
  period: string;
  firstMeetingHours: number;
  hoursSinceReferral: number;
  actions: { open: number; overdue: number };
}) {
  const f = figures;
  const first = f.referralToFirstHours;
  return (
    <dl className="strip" aria-label={`Continuity figures, ${period}`}>
      <div>
        <dt>Meetings held</dt>
        <dd>
          {f.meetings} <span className="muted">{period}</span>
        </dd>
      </div>
      <div>
        <dt>Referral to first meeting</dt>
        <dd>
          {first === null
            ? `Not yet: ${Math.floor(hoursSinceReferral)} hours since referral`
            : `${Math.round(first)} hours`}{' '}
          <span className="muted">
            (target {firstMeetingHours}
            {first !== null && first > firstMeetingHours ? ': later' : ''})
          </span>
        </dd>
      </div>
      <div>
        <dt>Days between meetings</dt>
        <dd>
          {f.gaps.count === 0 ? 'No gaps yet' : `median ${days(f.gaps.median!)}, longest ${days(f.gaps.longest!)}`}{' '}
          <span className="muted">({f.gaps.count} gaps)</span>
        </dd>
      </div>
      <div>
        <dt>Core team there</dt>
        <dd>
          any: {share(f.core.any)}; whole: {share(f.core.whole)}; peer worker: {share(f.core.peer)}
        </dd>
      </div>
      <div>
        <dt>Continuity indices</dt>
        <dd>
          {f.indices === null ? (
            <span className="muted">Shown from 2 meetings</span>
          ) : (
            <>
              UPC {two(f.indices.upc)} · COC {two(f.indices.coc)} · pair UPC {two(f.indices.pairUpc)} · SECON{' '}
              {two(f.indices.secon)} (overlap {two(f.indices.seconOverlap)}){' '}
              <span className="muted">
                ({f.meetings} meetings{f.few ? ': few meetings' : ''}; made for one clinician per visit, here every
                practitioner at a meeting counts)
              </span>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Known team</dt>
        <dd>
          {f.knownTeam.of === 0 ? 'No meetings after the first' : share(f.knownTeam)}{' '}
          <span className="muted">(meetings after the first where everyone had met the person)</span>
        </dd>
      </div>
      <div>
        <dt>Network members per meeting</dt>
        <dd>
          {f.membersPerMeeting === null ? 'no meetings' : f.membersPerMeeting.toFixed(1)}{' '}
          <span className="muted">(the person came to {share(f.personCame)})</span>
        </dd>
      </div>
      <div>
        <dt>Actions</dt>
        <dd>
          {actions.open} open, {actions.overdue} overdue
        </dd>
      </div>
    </dl>
  );
}
