import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';
import { type BackgroundLoop, startPollingLoop } from './start-polling-loop.js';

export type PathwayWorker = BackgroundLoop;

/**
 * Settles pathway awards in the background: takes the re-evaluation jobs that issuing, revoking and
 * bulk runs queue, until there are none, then polls. Any number of these share the work through leases.
 */
export function startPathwayWorker(options: {
  platform: Platform;
  logger?: Logger;
  pollMs?: number;
  workerId?: string;
}): PathwayWorker {
  const workerId = options.workerId ?? `${hostname()}/${process.pid}/pathways/${randomUUID().slice(0, 8)}`;
  return startPollingLoop({
    pollMs: options.pollMs ?? 1_000,
    step: async (signal) => {
      const { handled } = await options.platform.pathways.processJobs({ workerId, signal });
      if (handled > 0) options.logger?.debug({ workerId, jobs: handled }, 'pathway jobs processed');
      return handled;
    },
    onError: (error) =>
      options.logger?.error({ err: error, workerId }, 'pathway jobs failed; they will be retried'),
  });
}
