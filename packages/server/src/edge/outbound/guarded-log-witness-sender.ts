import { isMicrocredError } from '@microcred/vc';
import type { LogWitnessSender } from '../../domain/ports/log-witness-sender.js';
import type { GuardedFetcher } from './create-guarded-fetcher.js';

/** Cosignature lines are about 100 bytes each: an answer far larger than this is not a witness's. */
const ANSWER_BYTES = 16 * 1024;

/** add-checkpoint requests through the guarded fetcher: a refusal or a failure becomes an answer without status. */
export function guardedLogWitnessSender(fetcher: Pick<GuardedFetcher, 'post'>): LogWitnessSender {
  return {
    async send({ url, body }) {
      try {
        const answer = await fetcher.post(url, {
          headers: { 'content-type': 'text/plain; charset=utf-8', 'user-agent': 'microcred-log' },
          body,
          excerptBytes: ANSWER_BYTES,
        });
        return { status: answer.status, body: answer.excerpt };
      } catch (error) {
        if (!isMicrocredError(error)) throw error;
        return { status: null, body: error.message };
      }
    },
  };
}
