import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';
import { type BackgroundLoop, startPollingLoop } from './start-polling-loop.js';

export type VerificationWorker = BackgroundLoop;

// Expired jobs are swept by the workers themselves, once in a while: no separate job is needed.
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Runs verification jobs in the background: claims items of any job until there are none, then polls; now
 * and then deletes jobs whose results expired. Any number of these, in any number of processes, share the
 * work through item leases; a crash loses nothing (its items return when their lease expires).
 */
export function startVerificationWorker(options: {
  readonly platform: Platform;
  readonly logger?: Logger;
  readonly pollMs?: number;
  readonly batchSize?: number;
  readonly workerId?: string;
  readonly now?: () => number;
}): VerificationWorker {
  const workerId = options.workerId ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const now = options.now ?? Date.now;
  let lastSweep = Number.NEGATIVE_INFINITY;
  return startPollingLoop({
    pollMs: options.pollMs ?? 500,
    step: async (signal) => {
      if (now() - lastSweep >= SWEEP_EVERY_MS) {
        lastSweep = now();
        const deleted = await options.platform.verification.deleteExpired();
        if (deleted > 0) options.logger?.info({ deleted }, 'expired verification jobs deleted');
      }
      const handled = await options.platform.verification.processItems({
        workerId,
        signal,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      });
      if (handled > 0) options.logger?.debug({ workerId, items: handled }, 'verification items processed');
      return handled;
    },
    onError: (error) =>
      options.logger?.error({ err: error, workerId }, 'verification batch failed; its items will be retried'),
  });
}
