import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';

export interface BulkWorker {
  /** Resolves when the loop has stopped (after the batch in progress). */
  stop(): Promise<void>;
}

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
  const pollMs = options.pollMs ?? 500;
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let handled = 0;
      try {
        handled = await options.platform.bulk.processRows({
          workerId,
          ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        });
        if (handled > 0) options.logger?.debug({ workerId, rows: handled }, 'bulk rows processed');
      } catch (error) {
        // The rows stay leased to us and return to the pool when the lease expires: nothing is lost.
        options.logger?.error({ err: error, workerId }, 'bulk batch failed; its rows will be retried');
      }
      if (handled === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
