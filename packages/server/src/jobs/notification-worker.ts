import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';
import { type BackgroundLoop, startPollingLoop } from './start-polling-loop.js';

/**
 * Enqueues due expiry reminders: once at start, then every `pollMs` (an hour by default; thresholds are
 * days apart). Every process may run it: each reminder has one outbox key, so concurrent sweeps mail once.
 */
export function startNotificationWorker(options: {
  platform: Platform;
  logger?: Logger;
  pollMs?: number;
}): BackgroundLoop {
  return startPollingLoop({
    pollMs: options.pollMs ?? 60 * 60 * 1000,
    step: async () => {
      const added = await options.platform.notifications.sweepExpiry();
      if (added > 0) options.logger?.info({ mails: added }, 'expiry reminders enqueued');
      const surveys = await options.platform.outcomes.sweep();
      if (surveys > 0) options.logger?.info({ mails: surveys }, 'outcome surveys enqueued');
      // Never "more work now": one sweep handles every due reminder, so the loop waits a period.
      return 0;
    },
    onError: (error) => options.logger?.error({ err: error }, 'expiry sweep failed; it runs again later'),
  });
}
