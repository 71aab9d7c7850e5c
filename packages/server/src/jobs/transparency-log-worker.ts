import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';
import { type BackgroundLoop, startPollingLoop } from './start-polling-loop.js';

/**
 * Folds newly sequenced leaves into the transparency log's tree and signs a checkpoint, about every
 * second, appends credentials stored before the log existed, and asks the witnesses to cosign the latest
 * checkpoint. Several processes may run it: the integrator holds the tree's row lock, so they take turns.
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
      // After the checkpoint is signed and apart from it: a slow or failing witness never holds up the log.
      const witnessed = await options.platform.transparencyLog.witness();
      for (const failure of witnessed.failures) {
        options.logger?.warn(
          { ...failure, treeSize: witnessed.treeSize },
          'a log witness did not cosign; it will be asked again',
        );
      }
      return result.integrated + result.caughtUp + witnessed.cosigned;
    },
    onError: (error) =>
      options.logger?.error({ err: error }, 'the transparency log integration failed; it will be retried'),
  });
}
