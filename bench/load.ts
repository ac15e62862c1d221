import http from 'node:http';
import { gunzipSync } from 'node:zlib';

/**
 * A closed-loop load generator: N workers, each sending a request and awaiting the whole
 * response before the next. Every latency is kept, so the percentiles are exact.
 */
export type LoadRequest = { method: string; url: string; headers: Record<string, string>; body?: string };

export type LoadOptions = {
  connections: number;
  warmupMs: number;
  durationMs: number;
  request: (n: number) => LoadRequest;
  /** Undefined when the body is right, otherwise what is wrong with it. */
  check: (body: string) => string | undefined;
  /** Called once when the warm-up ends and measuring starts. */
  onMeasureStart?: () => void;
};

export type LoadResult = {
  /** Requests measured (started after the warm-up). */
  requests: number;
  /** Requests sent, warm-up included. */
  sent: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  /** Mean size of a measured response's body as sent (gzipped when the app compressed it) and decoded, in bytes. */
  bodyBytes: { sent: number; decoded: number };
  /** The first few distinct error messages, with how often each happened. */
  errorSamples: { message: string; count: number }[];
};

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * One request on a keep-alive connection of `agent`. node:http rather than fetch: the load
 * generator shares the machine's two cores with the app, and fetch (undici) spends about three
 * times the CPU per request, which capped even /api/health at ~200 requests/s. It asks for gzip,
 * as browsers do, and checks the decompressed body.
 */
type Outcome = { error: string | undefined; sent: number; decoded: number };

function once(agent: http.Agent, request: LoadRequest, check: LoadOptions['check']): Promise<Outcome> {
  return new Promise((settle) => {
    let sent = 0;
    let decoded = 0;
    const resolve = (error: string | undefined) => settle({ error, sent, decoded });
    const url = new URL(request.url);
    const headers: Record<string, string> = { 'accept-encoding': 'gzip', ...request.headers };
    if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: request.method, headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => resolve(`${error.name}: ${error.message}`));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            const where = response.headers.location;
            resolve(`HTTP ${status}${where ? ` → ${where}` : ''}`);
            return;
          }
          try {
            const raw = Buffer.concat(chunks);
            const bytes = response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
            sent = raw.length;
            decoded = bytes.length;
            resolve(check(bytes.toString('utf8')));
          } catch (error) {
            resolve(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
          }
        });
      },
    );
    req.on('error', (error) => resolve(`${error.name}: ${error.message}`));
    req.end(request.body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorCounts = new Map<string, number>();
  let errors = 0;
  let sent = 0;
  let bytesSent = 0;
  let bytesDecoded = 0;
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const measureUntil = measureFrom + options.durationMs;

  // One keep-alive connection per worker, as a browser or a load balancer keeps them.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const worker = async () => {
    while (performance.now() < measureUntil) {
      const request = options.request(sent++);
      const began = performance.now();
      const { error, sent: bytes, decoded } = await once(agent, request, options.check);
      const ended = performance.now();
      // Only requests that start inside the measured window count.
      if (began < measureFrom) continue;
      latencies.push(ended - began);
      bytesSent += bytes;
      bytesDecoded += decoded;
      if (error) {
        errors++;
        errorCounts.set(error, (errorCounts.get(error) ?? 0) + 1);
      }
    }
  };
  const measuring = setTimeout(() => options.onMeasureStart?.(), options.warmupMs);
  try {
    await Promise.all(Array.from({ length: options.connections }, worker));
  } finally {
    clearTimeout(measuring);
    agent.destroy();
  }

  const seconds = options.durationMs / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    sent,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? Number.NaN,
    errors,
    bodyBytes: {
      sent: bytesSent / Math.max(1, latencies.length),
      decoded: bytesDecoded / Math.max(1, latencies.length),
    },
    errorSamples: [...errorCounts.entries()].slice(0, 5).map(([message, count]) => ({ message, count })),
  };
}
