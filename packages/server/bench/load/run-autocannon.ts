import autocannon from 'autocannon';

/**
 * autocannon in a process of its own, so that the load generator never shares an event loop (or a core)
 * with the server it measures. Started once with `fork` (see `startLoadGenerator`): each `LoadOptions`
 * message is one run, answered with one `LoadResult` message.
 */
export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  /** How many requests in all (the run ends when they are answered). */
  readonly amount: number;
  /** Requests per second over all connections (0: as fast as the server answers). */
  readonly overallRate?: number;
  /** Each connection sends these in turn, again and again. */
  readonly requests: readonly LoadRequest[];
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly completed: number;
  readonly statusCounts: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly timeouts: number;
}

async function runOnce(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    amount: options.amount,
    ...(options.overallRate === undefined || options.overallRate === 0
      ? {}
      : { overallRate: options.overallRate }),
    requests: options.requests.map((request) => ({ ...request })),
    // A slow answer is a figure to report, not a failure to give up on.
    timeout: 30,
    // autocannon notices that the last answer came only at its next sample: at the default (1 s), a run
    // of a second or two would be timed to the whole second.
    sampleInt: 10,
  });
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  const completed = result.requests.total;
  const statusCounts = Object.fromEntries(
    Object.entries(
      (result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats,
    ).map(([status, stats]) => [status, stats.count]),
  );
  return {
    // Over the whole run, not autocannon's per-second samples: a run of a second or two has one sample.
    requestsPerSecond: completed / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    completed,
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

process.on('message', (options: LoadOptions) => {
  runOnce(options).then(
    (result) => process.send?.({ result }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
