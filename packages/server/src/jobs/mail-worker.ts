import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';
import type { MailTransport } from '../domain/ports/index.js';
import { type BackgroundLoop, startPollingLoop } from './start-polling-loop.js';

/** Delivers the mail outbox in the background (claim links, sign-in links, address confirmations). */
export function startMailWorker(options: {
  platform: Platform;
  transport: MailTransport;
  logger?: Logger;
  pollMs?: number;
}): BackgroundLoop {
  return startPollingLoop({
    pollMs: options.pollMs ?? 1_000,
    step: async (signal) => {
      const handled = await options.platform.mail.deliver(options.transport, { signal });
      if (handled > 0) options.logger?.debug({ mails: handled }, 'mail delivered');
      return handled;
    },
    onError: (error) => options.logger?.error({ err: error }, 'mail delivery failed; it will be retried'),
  });
}
