// The signing pool's worker thread (see signing-pool.ts): piscina calls the default export per credential.
import { createSigningKeyCache } from '../domain/credential/signing-key-cache.js';
import { runSigningTask, type SigningOutcome, type SigningTask } from '../domain/credential/signing-task.js';

const keys = createSigningKeyCache();

/** Signs one credential. Never throws for a bad item: a thrown error means the worker itself failed. */
export default function signInWorker(task: SigningTask): Promise<SigningOutcome> {
  return runSigningTask(task, keys);
}
