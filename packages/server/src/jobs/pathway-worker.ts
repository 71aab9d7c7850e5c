import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';

export interface PathwayWorker {
  /** Resolves when the loop has stopped (after the jobs in progress). */
  stop(): Promise<void>;
}

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
  const pollMs = options.pollMs ?? 1_000;
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let handled = 0;
      try {
        ({ handled } = await options.platform.pathways.processJobs({ workerId }));
        if (handled > 0) options.logger?.debug({ workerId, jobs: handled }, 'pathway jobs processed');
      } catch (error) {
        // Claimed jobs return to the queue when their lease expires: nothing is lost.
        options.logger?.error({ err: error, workerId }, 'pathway jobs failed; they will be retried');
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
