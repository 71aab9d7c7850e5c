import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';
import { type BackgroundLoop, startPollingLoop } from './start-polling-loop.js';

/**
 * Folds newly sequenced leaves into the transparency log's tree and signs a checkpoint, about every
 * second, and appends credentials stored before the log existed. Several processes may run it: the
 * integrator holds the tree's row lock, so they take turns.
 */
export function startTransparencyLogWorker(options: {
  platform: Platform;
  logger?: Logger;
  pollMs?: number;
}): BackgroundLoop {
  return startPollingLoop({
    pollMs: options.pollMs ?? 1_000,
    step: async () => {
      const result = await options.platform.transparencyLog.integrate();
      if (result.integrated > 0 || result.caughtUp > 0) options.logger?.debug(result, 'log integrated');
      return result.integrated + result.caughtUp;
    },
    onError: (error) =>
      options.logger?.error({ err: error }, 'the transparency log integration failed; it will be retried'),
  });
}
