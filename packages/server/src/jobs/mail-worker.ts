import type { Logger } from 'pino';
import { DEFAULT_MAIL_RETENTION_DAYS } from '../domain/mail/forget-sent-mail.js';
import type { Platform } from '../domain/platform.js';
import type { MailTransport } from '../domain/ports/index.js';
import { type BackgroundLoop, startPollingLoop } from './start-polling-loop.js';

const FORGET_EVERY_MS = 60 * 60 * 1000;

/**
 * Delivers the mail outbox in the background (claim links, sign-in links, address confirmations), and
 * once an hour forgets the mails sent more than `retentionDays` ago.
 */
export function startMailWorker(options: {
  platform: Platform;
  transport: MailTransport;
  logger?: Logger;
  pollMs?: number;
  retentionDays?: number;
}): BackgroundLoop {
  let forgottenAt = 0;
  return startPollingLoop({
    pollMs: options.pollMs ?? 1_000,
    step: async (signal) => {
      if (Date.now() - forgottenAt >= FORGET_EVERY_MS) {
        forgottenAt = Date.now();
        const forgotten = await options.platform.mail.forgetSent(
          options.retentionDays ?? DEFAULT_MAIL_RETENTION_DAYS,
        );
        if (forgotten > 0)
          options.logger?.info({ mails: forgotten }, 'sent mails past their retention forgotten');
      }
      const handled = await options.platform.mail.deliver(options.transport, { signal });
      if (handled > 0) options.logger?.debug({ mails: handled }, 'mail delivered');
      return handled;
    },
    onError: (error) => options.logger?.error({ err: error }, 'mail delivery failed; it will be retried'),
  });
}
