/**
 * Lengths of time, named by their unit: JavaScript instants and intervals are in milliseconds
 * (`_MS`); the rate limits' windows and PostgreSQL intervals are in seconds (`_S`).
 */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const MINUTE_S = 60;
export const HOUR_S = 60 * MINUTE_S;
export const DAY_S = 24 * HOUR_S;
