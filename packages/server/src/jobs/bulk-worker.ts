import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';
import { type BackgroundLoop, startPollingLoop } from './start-polling-loop.js';

export type BulkWorker = BackgroundLoop;

/**
 * Runs bulk issuance in the background: claims batches of rows from the database until there are none,
 * then polls. Any number of these, in any number of processes, share the work through row leases.
 */
export function startBulkWorker(options: {
  platform: Platform;
  logger?: Logger;
  pollMs?: number;
  batchSize?: number;
  workerId?: string;
  /** Only this job's rows (the CLI following its own upload). */
  jobId?: string;
}): BulkWorker {
  const workerId = options.workerId ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  return startPollingLoop({
    pollMs: options.pollMs ?? 500,
    step: async (signal) => {
      const handled = await options.platform.bulk.processRows({
        workerId,
        signal,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        ...(options.jobId === undefined ? {} : { jobId: options.jobId }),
      });
      if (handled > 0) options.logger?.debug({ workerId, rows: handled }, 'bulk rows processed');
      return handled;
    },
    // The rows stay leased to us and return to the pool when the lease expires: nothing is lost.
    onError: (error) =>
      options.logger?.error({ err: error, workerId }, 'bulk batch failed; its rows will be retried'),
  });
}
