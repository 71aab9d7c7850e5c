import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PlatformMetrics } from '../../domain/ports/platform-metrics.js';
import type { Backlog } from '../../domain/ports/storage.js';

/** A connection pool's use at this moment (node-postgres' `Pool` counts). */
export interface PoolUse {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

/** A worker pool's use at this moment: busy workers out of all, tasks waiting for one. */
export interface WorkerPoolUse {
  readonly busy: number;
  readonly size: number;
  readonly queued: number;
}

/** What the metrics read at scrape time, attached once the process has them. */
export interface ScrapeSources {
  readonly backlog?: () => Promise<readonly Backlog[]>;
  readonly databasePool?: () => PoolUse | null;
  readonly signingPool?: () => WorkerPoolUse | null;
}

/** The process's Prometheus metrics: the platform's counters, HTTP, queues, pools, and Node's own. */
export interface OperatorMetrics {
  readonly registry: Registry;
  /** Give this to the platform: it counts issuing, revocations, verifications and webhook deliveries. */
  readonly platform: PlatformMetrics;
  /** Times every request, labelled by its route's pattern (never the raw path: ids would explode it). */
  readonly httpMiddleware: MiddlewareHandler;
  attach(sources: ScrapeSources): void;
}

// Latency buckets around the 25 ms p99 the verifier aims for, up to bulk uploads' seconds.
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createOperatorMetrics(): OperatorMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let sources: ScrapeSources = {};

  const issued = new Counter({
    name: 'microcred_credentials_issued_total',
    help: 'Credentials issued by this process, by how (api, bulk, pathway).',
    labelNames: ['via'],
    registers: [registry],
  });
  const changed = new Counter({
    name: 'microcred_credential_status_changes_total',
    help: 'Revocations, suspensions and reinstatements made by this process.',
    labelNames: ['change'],
    registers: [registry],
  });
  const verifications = new Counter({
    name: 'microcred_verifications_total',
    help: 'Verifications by result, and the first check that failed (none when verified).',
    labelNames: ['result', 'failed_check'],
    registers: [registry],
  });
  const webhooks = new Counter({
    name: 'microcred_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome (delivered, retrying, failed: no retry left).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status: duration in seconds.',
    labelNames: ['route', 'method', 'status'],
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  // Both queue gauges read one backlog per scrape (the registry collects metrics concurrently).
  let backlog: { readonly at: number; readonly rows: Promise<readonly Backlog[]> } | null = null;
  const readBacklog = (): Promise<readonly Backlog[]> => {
    const now = Date.now();
    if (backlog === null || now - backlog.at > 1_000) {
      backlog = { at: now, rows: sources.backlog?.() ?? Promise.resolve([]) };
    }
    return backlog.rows;
  };
  new Gauge({
    name: 'microcred_queue_depth',
    help: 'Work waiting per queue (jobs per kind, bulk rows per state, mails, webhook deliveries, verification items).',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const rows = await readBacklog();
      this.reset();
      for (const queue of rows) this.set({ queue: queue.queue }, queue.depth);
    },
  });
  new Gauge({
    name: 'microcred_queue_oldest_seconds',
    help: 'How long the oldest waiting item of each queue has waited.',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const rows = await readBacklog();
      this.reset();
      for (const queue of rows) this.set({ queue: queue.queue }, queue.oldestSeconds);
    },
  });
  new Gauge({
    name: 'microcred_db_pool_connections',
    help: 'Database connections of this process by state (idle, busy), and requests waiting for one.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = sources.databasePool?.();
      this.reset();
      if (pool === null || pool === undefined) return;
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'busy' }, pool.total - pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });
  new Gauge({
    name: 'microcred_signing_pool_workers',
    help: 'Signing worker threads by state (busy, idle), and signing batches waiting for one.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = sources.signingPool?.();
      this.reset();
      if (pool === null || pool === undefined) return;
      this.set({ state: 'busy' }, pool.busy);
      this.set({ state: 'idle' }, pool.size - pool.busy);
      this.set({ state: 'queued' }, pool.queued);
    },
  });

  return {
    registry,
    platform: {
      credentialsIssued: (count, via) => issued.inc({ via }, count),
      credentialChanged: (change) => changed.inc({ change }),
      verified: ({ verified, failedCheck }) =>
        verifications.inc({
          result: verified ? 'verified' : 'not-verified',
          failed_check: failedCheck ?? 'none',
        }),
      webhookDelivered: (outcome) => webhooks.inc({ outcome }),
    },
    httpMiddleware: async (c, next) => {
      const started = performance.now();
      try {
        await next();
      } finally {
        // The pattern of the handler that answered; a path no route matched (only middleware ran) is one
        // label whatever was asked, so scanners cannot mint series.
        const answered = routePath(c);
        const route = answered === '*' || answered === '/*' || answered === '' ? 'unmatched' : answered;
        requests.observe(
          { route, method: c.req.method, status: String(c.res.status) },
          (performance.now() - started) / 1000,
        );
      }
    },
    attach(next) {
      sources = { ...sources, ...next };
    },
  };
}
