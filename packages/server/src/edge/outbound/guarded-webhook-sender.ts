import { isMicrocredError } from '@microcred/vc';
import type { WebhookSender } from '../../domain/ports/webhook-sender.js';
import type { GuardedFetcher } from './create-guarded-fetcher.js';

/** Webhook deliveries through the guarded fetcher: a refusal or a failure becomes an answer without status. */
export function guardedWebhookSender(fetcher: Pick<GuardedFetcher, 'checkUrl' | 'post'>): WebhookSender {
  return {
    check: (url) => fetcher.checkUrl(url),
    async send({ url, headers, body }) {
      try {
        const answer = await fetcher.post(url, { headers, body });
        return { status: answer.status, excerpt: answer.excerpt };
      } catch (error) {
        if (!isMicrocredError(error)) throw error;
        return { status: null, excerpt: error.message };
      }
    },
  };
}
