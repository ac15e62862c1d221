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
  /** The first few distinct error messages, with how often each happened. */
  errorSamples: { message: string; count: number }[];
};

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

async function once(request: LoadRequest, check: LoadOptions['check']): Promise<string | undefined> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
    });
    const body = await response.text();
    if (response.status < 200 || response.status >= 300) {
      const where = response.headers.get('location');
      return `HTTP ${response.status}${where ? ` → ${where}` : ''}`;
    }
    return check(body);
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorCounts = new Map<string, number>();
  let errors = 0;
  let sent = 0;
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const measureUntil = measureFrom + options.durationMs;

  const worker = async () => {
    while (performance.now() < measureUntil) {
      const request = options.request(sent++);
      const began = performance.now();
      const error = await once(request, options.check);
      const ended = performance.now();
      // Only requests that start inside the measured window count.
      if (began < measureFrom) continue;
      latencies.push(ended - began);
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
    errorSamples: [...errorCounts.entries()].slice(0, 5).map(([message, count]) => ({ message, count })),
  };
}
