import type { MessagePort } from 'node:worker_threads';
import type { JsonObject } from '@microcred/vc';
import { signDocument, toSignError } from './sign-document.js';
import type { SignResult } from './sign-request.js';
import { createSigningKeyCache } from './signing-key-cache.js';
import type { SignBatchMessage, SigningWorkerMessage } from './signing-protocol.js';

export interface ServeSigningRequestsOptions {
  /** The worker's `parentPort`. */
  readonly port: MessagePort;
  /** Signs one credential; tests wrap it to crash a worker on purpose. */
  readonly sign?: typeof signDocument;
}

/**
 * Answers the signing pool's batches inside a worker thread. Batches are signed strictly one after the
 * other, in arrival order: the pool relies on it to know which batch a crashed worker was working on.
 */
export function serveSigningRequests(options: ServeSigningRequestsOptions): void {
  const { port } = options;
  const sign = options.sign ?? signDocument;
  const keys = createSigningKeyCache();
  const post = (message: SigningWorkerMessage) => port.postMessage(message);

  async function signBatch(batch: SignBatchMessage): Promise<SignResult[]> {
    const results: SignResult[] = [];
    for (const item of batch.items) {
      try {
        const seedKey = batch.keys[item.key];
        if (seedKey === undefined) throw new RangeError(`batch ${batch.batchId} has no key ${item.key}`);
        const document = JSON.parse(item.document) as JsonObject;
        results.push(
          await sign({ document, key: keys.keyFor(seedKey), format: item.format, created: item.created }),
        );
      } catch (error) {
        results.push({ error: toSignError(error) });
      }
    }
    return results;
  }

  let previous: Promise<void> = Promise.resolve();
  port.on('message', (batch: SignBatchMessage) => {
    previous = previous
      .then(() => signBatch(batch))
      .then((results) => post({ type: 'signed', batchId: batch.batchId, results }))
      .catch((error: unknown) => {
        // Only a bug gets here (every item's failure is caught above). Crash: the pool replaces this
        // worker and retries the batch, which beats answering it wrongly or never.
        process.nextTick(() => {
          throw error;
        });
      });
  });
  post({ type: 'ready' });
}
