import { findFreeSlots, type PractitionerCalendar, type SlotRequest } from '../lib/scheduling/free-slots';
import type { Interval } from '../lib/scheduling/intervals';
import { DAY_MS, MINUTE_MS } from '../lib/time/units';
import { percentile } from './load';

export const SLOT_ENGINE_TARGET_MEDIAN_MS = 2;

export type SlotEngineResult = {
  input: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  slots: number;
  targetMedianMs: number;
  pass: boolean;
};

/** A small seeded generator (mulberry32), so every run searches the same calendars. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The fixed input: 3 practitioners working Mon–Fri 09:00–17:00 Europe/London, 28 days from
 * Wednesday 21 October 2026 (the clocks go back on Sunday the 25th), each with 300 busy intervals
 * of 15 to 120 minutes starting on a quarter hour anywhere in the 28 days (so about half of each
 * one's time is taken, and the three share a few free hours a week); a 60-minute meeting on a
 * 60-minute grid, no travel, no optional practitioners, no preferences.
 */
export function slotEngineRequest(seed = 14): SlotRequest {
  const random = seeded(seed);
  const start = Date.UTC(2026, 9, 21);
  const window: Interval = { start, end: start + 28 * DAY_MS };
  const quarters = (28 * DAY_MS) / (15 * MINUTE_MS);
  const pattern = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));
  const practitioner = (i: number): PractitionerCalendar => {
    const busy: Interval[] = [];
    for (let k = 0; k < 300; k++) {
      const from = start + Math.floor(random() * quarters) * 15 * MINUTE_MS;
      const length = (1 + Math.floor(random() * 8)) * 15 * MINUTE_MS; // 15 to 120 minutes
      busy.push({ start: from, end: from + length });
    }
    busy.sort((a, b) => a.start - b.start);
    return {
      id: `practitioner-${i}`,
      name: `Practitioner ${i}`,
      zone: 'Europe/London',
      isPeer: i === 2,
      isCore: true,
      pattern,
      absences: [],
      busy,
    };
  };
  return {
    required: [practitioner(0), practitioner(1), practitioner(2)],
    window,
    durationMinutes: 60,
    travelMinutes: 0,
    earliestStart: window.start,
    stepMinutes: 60,
    limit: 16,
  };
}

/** The slot engine alone (lib/scheduling/free-slots.ts, no database), run back to back. */
export function measureSlotEngine(runs = 2000, warmup = 200): SlotEngineResult {
  const request = slotEngineRequest();
  const times: number[] = [];
  let slots = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const began = performance.now();
    const result = findFreeSlots(request);
    const took = performance.now() - began;
    if (i >= warmup) times.push(took);
    slots = result.slots.length;
  }
  times.sort((a, b) => a - b);
  const medianMs = percentile(times, 50);
  return {
    input:
      '3 practitioners, Mon–Fri 09:00–17:00 Europe/London, 28 days from 21 Oct 2026 (clocks go back on the 25th), ' +
      '300 busy intervals each, a 60-minute meeting on a 60-minute grid',
    runs,
    medianMs,
    p95Ms: percentile(times, 95),
    slots,
    targetMedianMs: SLOT_ENGINE_TARGET_MEDIAN_MS,
    pass: medianMs <= SLOT_ENGINE_TARGET_MEDIAN_MS,
  };
}
