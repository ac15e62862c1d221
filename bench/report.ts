import type { BookingResult } from './booking';
import type { SlotSearchResult } from './slot-search';
import type { ContinuityResult } from './continuity';
import fs from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load';
import type { MemoryPeak } from './memory';
import type { QueryStat } from './query-stats';
import type { Scenario } from './scenarios';
import type { Step } from './trust-scale-data';

export const MEMORY_TARGET_MB = 512;

export type ScenarioResult = {
  scenario: Pick<Scenario, 'name' | 'connections' | 'target'>;
  result: LoadResult;
  pass: boolean;
  /**
   * CPU time of the app's process group per measured request (independent of contention), and
   * how busy the whole machine was (all cores; the bench's own load generator and PostgreSQL count).
   */
  cpu: { appMsPerRequest: number; postgresMsPerRequest: number; machineBusyPercent: number };
  /** The app's heaviest statements during the scenario, when pg_stat_statements is there. */
  queries: QueryStat[];
};

export type BenchReport = {
  at: string;
  machine: { cpus: number; node: string };
  phases: Step[];
  dataSteps: Step[];
  counts: Record<string, number>;
  practitioner: { email: string; upcoming: number; shownOnToday: number };
  scenarios: ScenarioResult[];
  slotSearch: SlotSearchResult;
  booking: BookingResult;
  continuity: ContinuityResult;
  invitationScripts: { scripts: number; gzippedKb: number; pass: boolean };
  memory: (MemoryPeak & { targetMb: number; pass: boolean }) | undefined;
};

export function meetsTarget(scenario: Pick<Scenario, 'target'>, result: LoadResult): boolean {
  if (!scenario.target) return result.errors === 0;
  const p50 = scenario.target.p50Ms === undefined || result.p50Ms <= scenario.target.p50Ms;
  return result.errors === 0 && p50 && result.p95Ms <= scenario.target.p95Ms;
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const target = (t: Scenario['target']) =>
  !t
    ? 'reference (no target)'
    : [t.p50Ms !== undefined ? `p50 ≤ ${t.p50Ms}` : '', `p95 ≤ ${t.p95Ms}`].filter(Boolean).join(', ');

export function markdownTable(results: ScenarioResult[]): string {
  const lines = [
    '| scenario | connections | requests | req/s | p50 ms | p95 ms | p99 ms | errors | target | pass |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const { scenario, result, pass } of results) {
    lines.push(
      `| ${scenario.name} | ${scenario.connections} | ${result.requests} | ${result.requestsPerSecond.toFixed(1)} | ${ms(result.p50Ms)} | ${ms(result.p95Ms)} | ${ms(result.p99Ms)} | ${result.errors} | ${target(scenario.target)} | ${!scenario.target ? '—' : pass ? 'PASS' : 'MISS'} |`,
    );
  }
  return lines.join('\n');
}

export function cpuTable(results: ScenarioResult[]): string {
  return [
    '| scenario | app CPU ms/request | PostgreSQL CPU ms/request | machine busy % |',
    '|---|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.scenario.name} | ${r.cpu.appMsPerRequest.toFixed(1)} | ${r.cpu.postgresMsPerRequest.toFixed(1)} | ${r.cpu.machineBusyPercent.toFixed(0)} |`,
    ),
  ].join('\n');
}

export function countsTable(counts: Record<string, number>): string {
  return [
    '| table | rows |',
    '|---|---:|',
    ...Object.entries(counts).map(([t, n]) => `| ${t} | ${n.toLocaleString('en-GB')} |`),
  ].join('\n');
}

export function memoryLine(memory: BenchReport['memory']): string {
  if (!memory) return 'Memory: not measured.';
  return (
    `Peak RSS: largest process ${memory.largestProcessMb.toFixed(0)} MB (${memory.largestProcessName}), ` +
    `whole process group ${memory.groupMb.toFixed(0)} MB; target ≤ ${memory.targetMb} MB: ${memory.pass ? 'PASS' : 'MISS'} ` +
    `(${memory.samples} samples)`
  );
}

export function writeJson(file: string, report: BenchReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
