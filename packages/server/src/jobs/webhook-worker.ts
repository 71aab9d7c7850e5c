import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';
import { type BackgroundLoop, startPollingLoop } from './start-polling-loop.js';

export type WebhookWorker = BackgroundLoop;

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Sends webhook deliveries in the background (queued from new events, retried with backoff), and records
 * the expiry of credentials whose end date passed about once an hour. Any number of these share the
 * work: deliveries are leased, the event cursor of each endpoint is moved under a row lock.
 */
export function startWebhookWorker(options: {
  platform: Platform;
  logger?: Logger;
  pollMs?: number;
  now?: () => number;
}): WebhookWorker {
  const now = options.now ?? Date.now;
  let nextSweep = 0;
  return startPollingLoop({
    pollMs: options.pollMs ?? 1_000,
    step: async (signal) => {
      if (now() >= nextSweep) {
        nextSweep = now() + SWEEP_EVERY_MS;
        const expired = await options.platform.events.sweepExpired();
        if (expired > 0) options.logger?.info({ expired }, 'credential expiries recorded');
        const forgotten = await options.platform.wallet.forgetExpired();
        if (forgotten > 0)
          options.logger?.debug({ forgotten }, 'expired wallet offers, nonces and exchanges forgotten');
      }
      const attempts = await options.platform.webhooks.process({ signal });
      if (attempts > 0) options.logger?.debug({ attempts }, 'webhook deliveries attempted');
      return attempts;
    },
    onError: (error) =>
      options.logger?.error({ err: error }, 'webhook deliveries failed; they will be retried'),
  });
}
