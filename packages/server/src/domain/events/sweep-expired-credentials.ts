import type { PlatformContext } from '../platform-context.js';

const BATCH = 500;

/**
 * Records `credential.expired` for every credential whose `validUntil` has passed (once each: the event's
 * dedupe key). Any number of processes may run it at once. Resolves to how many events it added.
 */
export async function sweepExpiredCredentials(context: PlatformContext): Promise<number> {
  let added = 0;
  for (;;) {
    const batch = await context.storage.events.appendExpired({ now: context.now(), limit: BATCH });
    added += batch;
    if (batch < BATCH) return added;
  }
}
