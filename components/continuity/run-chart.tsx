import { monthLabel, type MonthPoint } from '@/lib/continuity/trends';
import { median } from '@/lib/continuity/measures';

const W = 360;
const H = 150;
const L = 40;
const R = 10;
const T = 12;
const B = 28;

/**
 * A small run chart drawn on the server: one point a month, the spread (quartiles) as a band
 * where the figure is a median, and the dashed centre line at the median of the months shown.
 * The table below it holds the same figures with what each rests on.
 */
export function RunChart({
  id,
  title,
  points,
  kind,
  unit,
}: {
  id: string;
  title: string;
  points: readonly MonthPoint[];
  /** A share (drawn 0–100 %) or a number of days. */
  kind: 'share' | 'days' | 'index';
  /** What `n` counts, for the table: "people", "gaps", "meetings". */
  unit: string;
}) {
  const values = points.flatMap((p) => [p.value, p.high]).filter((v): v is number => v !== null);
  const top = kind === 'share' || kind === 'index' ? 1 : Math.max(7, ...values) * 1.1;
  const x = (i: number) => L + (points.length <= 1 ? 0 : (i / (points.length - 1)) * (W - L - R));
  const y = (v: number) => T + (1 - v / top) * (H - T - B);
  const show = (v: number | null) =>
    v === null
      ? '—'
      : kind === 'share'
        ? `${Math.round(v * 100)}%`
        : kind === 'index'
          ? v.toFixed(2)
          : `${v.toFixed(1)}`;
  const centre = median(points.map((p) => p.value).filter((v): v is number => v !== null));
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
    } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const banded = points.map((p, i) => ({ p, i })).filter(({ p }) => p.low !== null && p.high !== null);
  const band =
    banded.length > 1
      ? `${banded.map(({ p, i }) => `${x(i).toFixed(1)},${y(p.high!).toFixed(1)}`).join(' ')} ${[...banded]
          .reverse()
          .map(({ p, i }) => `${x(i).toFixed(1)},${y(p.low!).toFixed(1)}`)
          .join(' ')}`
      : null;
  const last = [...points].reverse().find((p) => p.value !== null);
  return (
    <figure className="run-chart-figure">
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong>
      </figcaption>
      <svg className="run-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-caption ${id}-desc`}>
        <desc id={`${id}-desc`}>
          {last ? `Latest: ${show(last.value)} in ${monthLabel(last.month)} (${last.n} ${unit}).` : 'No figures yet.'}{' '}
          The table below gives every month.
        </desc>
        {band ? <polygon className="band" points={band} /> : null}
        <line className="axis" x1={L} x2={W - R} y1={H - B} y2={H - B} />
        <line className="axis" x1={L} x2={L} y1={T} y2={H - B} />
        <text x={L - 4} y={y(top) + 4} textAnchor="end">
          {show(kind === 'days' ? Math.round(top) : top)}
        </text>
        <text x={L - 4} y={H - B + 4} textAnchor="end">
          {show(0)}
        </text>
        {centre !== null ? (
          <line className="axis" strokeDasharray="4 3" x1={L} x2={W - R} y1={y(centre)} y2={y(centre)} />
        ) : null}
        {segments.map((d) => (
          <path key={d} className="line" d={d} />
        ))}
        {points.map((p, i) =>
          p.value === null ? null : <circle key={p.month} className="point" cx={x(i)} cy={y(p.value)} r={2.5} />,
        )}
        {points.map((p, i) =>
          i % 3 === points.length % 3 ? (
            <text key={p.month} x={x(i)} y={H - 8} textAnchor="middle">
              {monthLabel(p.month)}
            </text>
          ) : null,
        )}
      </svg>
      <details>
        <summary>{title}: every month</summary>
        <div className="table-wrap" role="region" aria-label={`${title}, every month`} tabIndex={0}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Figure</th>
                {banded.length > 0 ? <th scope="col">Middle half</th> : null}
                <th scope="col">Rests on</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.month}>
                  <td>{monthLabel(p.month)}</td>
                  <td>{show(p.value)}</td>
                  {banded.length > 0 ? (
                    <td>{p.low === null || p.high === null ? '—' : `${show(p.low)} to ${show(p.high)}`}</td>
                  ) : null}
                  <td>
                    {p.n} {unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
