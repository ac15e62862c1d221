import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a page's server time goes: reads a V8 CPU profile of the app (`node --cpu-prof`), maps
 * each sampled frame of the built server chunks back to its source through the build's source
 * maps, and sums the time by layer (our code by floor, next-auth, drizzle, postgres.js, React's
 * HTML render and its RSC serialisation, Next itself, Node, the garbage collector).
 */

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type Frame = { layer: string; source: string; name: string };

export type ProfileSummary = {
  /** Milliseconds sampled while the process was not idle. */
  busyMs: number;
  /** Self time by layer, largest first. */
  layers: { layer: string; ms: number }[];
  /**
   * Each busy sample charged to the innermost frame of our own code on its stack (so a date-fns
   * call counts to the module of ours that made it), by source file; samples with none of our
   * code on the stack are charged to their own layer in brackets.
   */
  ourModules: { source: string; ms: number }[];
  /** The costliest functions by self time. */
  functions: { name: string; source: string; layer: string; ms: number }[];
};

const OUR_FLOORS = ['app/', 'components/', 'lib/', 'db/'];

/** The layer a source path belongs to. */
export function layerOf(source: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)' || functionName === '(root)') return 'V8 (program)';
  const s = source.replaceAll('\\', '/');
  const inModules = s.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const rest = s.slice(inModules + 'node_modules/'.length);
    if (/^next\/dist\/compiled\/react-server-dom/.test(rest)) return 'React: RSC serialisation (Flight)';
    if (/^next\/dist\/compiled\/react-dom/.test(rest) || /^react-dom\//.test(rest)) return 'React: HTML render';
    if (/^next\/dist\/compiled\/react\//.test(rest) || /^react\//.test(rest)) return 'React: core';
    if (/^next-auth\/|^jose\/|^openid-client\/|^@panva\//.test(rest) || /next\/dist\/compiled\/jose/.test(rest))
      return 'session (next-auth, jose)';
    if (/^drizzle-orm\//.test(rest)) return 'drizzle-orm';
    if (/^postgres\//.test(rest)) return 'postgres.js';
    if (/^date-fns\/|^@date-fns\//.test(rest)) return 'date-fns';
    if (/^zod\//.test(rest)) return 'zod';
    if (/^next\//.test(rest)) return 'Next.js';
    return `other package: ${rest.split('/')[0]!.startsWith('@') ? rest.split('/').slice(0, 2).join('/') : rest.split('/')[0]}`;
  }
  const floor = OUR_FLOORS.find((f) => s.startsWith(f) || s.includes(`/${f}`));
  if (floor) return `ours: ${floor.slice(0, -1)}/`;
  if (s.startsWith('node:') || s === '' || !s.includes('/')) return 'Node.js';
  if (s.includes('.next/server/')) return 'Next.js (unmapped chunk)';
  return 'other';
}

/** Maps generated positions to sources through a chunk's `.map`, read once per chunk. */
class SourceMaps {
  private maps = new Map<string, SourceMap | null>();
  constructor(private root: string) {}

  resolve(frame: CallFrame): { source: string; line?: number } {
    const file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
    if (!file.includes(`${path.sep}.next${path.sep}`)) return { source: this.relative(file) };
    let map = this.maps.get(file);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
      } catch {
        map = null;
      }
      this.maps.set(file, map);
    }
    if (!map) return { source: this.relative(file) };
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
      originalSource?: string;
      originalLine?: number;
    };
    if (!entry?.originalSource) return { source: this.relative(file) };
    return { source: this.relative(entry.originalSource), line: entry.originalLine };
  }

  private relative(source: string): string {
    let s = source;
    if (s.startsWith('file://')) s = fileURLToPath(s);
    // Turbopack writes `turbopack:///[project]/lib/x.ts`-style sources.
    s = s.replace(/^turbopack:\/\/\/(\[project\]\/)?/, '').replace(/^\[project\]\//, '');
    if (path.isAbsolute(s)) s = path.relative(this.root, s);
    return s.replaceAll('\\', '/');
  }
}

export function summariseProfile(file: string, root = process.cwd()): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const maps = new SourceMaps(root);
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const frames = new Map<number, Frame>();
  const frameOf = (id: number): Frame => {
    let frame = frames.get(id);
    if (!frame) {
      const callFrame = byId.get(id)!.callFrame;
      const { source, line } = maps.resolve(callFrame);
      frame = {
        layer: layerOf(source, callFrame.functionName),
        source: line === undefined ? source : `${source}:${line + 1}`,
        name: callFrame.functionName || '(anonymous)',
      };
      frames.set(id, frame);
    }
    return frame;
  };
  const ourFrameOf = new Map<number, string>();
  const innermostOurs = (id: number): string => {
    const known = ourFrameOf.get(id);
    if (known !== undefined) return known;
    const frame = frameOf(id);
    let result: string;
    if (frame.layer.startsWith('ours:')) result = frame.source.replace(/:\d+$/, '');
    else {
      const up = parent.get(id);
      result = up === undefined ? '' : innermostOurs(up);
    }
    ourFrameOf.set(id, result);
    return result;
  };

  const layers = new Map<string, number>();
  const modules = new Map<string, number>();
  const functions = new Map<string, { name: string; source: string; layer: string; ms: number }>();
  let busyMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = frameOf(id);
    if (frame.layer === 'idle') return;
    busyMs += ms;
    layers.set(frame.layer, (layers.get(frame.layer) ?? 0) + ms);
    const ours = innermostOurs(id) || `[${frame.layer}]`;
    modules.set(ours, (modules.get(ours) ?? 0) + ms);
    const key = `${frame.name} ${frame.source}`;
    const f = functions.get(key) ?? { name: frame.name, source: frame.source, layer: frame.layer, ms: 0 };
    f.ms += ms;
    functions.set(key, f);
  });
  const sorted = <T extends { ms: number }>(items: Iterable<T>) => [...items].sort((a, b) => b.ms - a.ms);
  return {
    busyMs,
    layers: sorted([...layers].map(([layer, ms]) => ({ layer, ms }))),
    ourModules: sorted([...modules].map(([source, ms]) => ({ source, ms }))),
    functions: sorted(functions.values()).slice(0, 25),
  };
}

/** The summary as Markdown, with each figure also per request. */
export function profileMarkdown(title: string, summary: ProfileSummary, requests: number): string {
  const per = (ms: number) => (ms / Math.max(1, requests)).toFixed(2);
  const pct = (ms: number) => ((100 * ms) / Math.max(1e-9, summary.busyMs)).toFixed(1);
  const lines = [
    `#### ${title}: ${requests} requests, ${summary.busyMs.toFixed(0)} ms busy on the main thread (${per(summary.busyMs)} ms/request)`,
    '',
    '| layer (self time) | ms/request | % |',
    '|---|---:|---:|',
    ...summary.layers.map((l) => `| ${l.layer} | ${per(l.ms)} | ${pct(l.ms)} |`),
    '',
    '| charged to our module (innermost of ours on the stack) | ms/request | % |',
    '|---|---:|---:|',
    ...summary.ourModules.slice(0, 20).map((m) => `| ${m.source} | ${per(m.ms)} | ${pct(m.ms)} |`),
    '',
    '| function (self time) | where | layer | ms/request |',
    '|---|---|---|---:|',
    ...summary.functions.map((f) => `| ${f.name} | ${f.source} | ${f.layer} | ${per(f.ms)} |`),
  ];
  return lines.join('\n');
}

/** The profile file a process group wrote with the most samples (the server, not npm or sh). */
export function largestProfile(dir: string): string | undefined {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  return files
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)
    .at(0);
}
