import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * `work` over every item with at most `concurrency` running at once, results in the order of `items`.
 * Verification is mostly CPU work on this thread: a small pool lets one item's lookups (a status list, a
 * DID document) overlap another's hashing, and yielding between items keeps other requests answered.
 */
export async function mapInOrder<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
      await yieldToEventLoop();
    }
  }
  const lanes = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, () => lane()));
  return results;
}
