/**
 * Interval algebra on sorted lists of half-open intervals [start, end) in epoch milliseconds.
 * Every operation is a linear merge: no per-minute grids. Inputs to the binary operations must
 * be normalised (sorted, non-overlapping, non-empty); outputs always are.
 */
export type Interval = { start: number; end: number };

/** Sorts and merges touching or overlapping intervals; drops empty ones. */
export function normalise(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

export function union(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  // Both sorted: merge by start, then coalesce in one pass.
  const merged: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!;
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ start: next.start, end: next.end });
  }
  return merged;
}

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (start < end) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** a minus b. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const interval of a) {
    let start = interval.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < interval.end) {
      if (b[k]!.start > start) out.push({ start, end: b[k]!.start });
      start = Math.max(start, b[k]!.end);
      if (start >= interval.end) break;
      k++;
    }
    if (start < interval.end) out.push({ start, end: interval.end });
  }
  return out;
}

/** Shrinks each interval by `before` at its start and `after` at its end (for travel time). */
export function erode(intervals: readonly Interval[], before: number, after = before): Interval[] {
  const out: Interval[] = [];
  for (const i of intervals)
    if (i.end - after > i.start + before) out.push({ start: i.start + before, end: i.end - after });
  return out;
}

export function clip(intervals: readonly Interval[], window: Interval): Interval[] {
  return intersect(intervals, [window]);
}

export function totalLength(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
