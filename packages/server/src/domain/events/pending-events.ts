import type { EventAboutCredential, EventRepository } from '../ports/event-repository.js';
import type { DomainLogger } from '../ports/index.js';

/**
 * Events written a moment later, many in one statement: those that every public request would otherwise
 * write one at a time (a verification through the API or a page). Whoever reads events flushes them
 * first, so this process reads its own writes; another process sees them within `maxDelayMs`. A process
 * killed without its shutdown loses what it held: at most `maxDelayMs` of verification counts.
 */
export interface PendingEvents {
  /** Queues the event; resolves once its batch is written, with whether it was stored. */
  add(event: EventAboutCredential): Promise<boolean>;
  /** Writes what is queued; resolves once that and any write under way are done. */
  flush(): Promise<void>;
}

export const PENDING_EVENTS_MAX_DELAY_MS = 200;
const MAX_BATCH = 500;

export function createPendingEvents(options: {
  readonly events: Pick<EventRepository, 'appendAboutCredentials'>;
  readonly logger: DomainLogger;
  readonly maxDelayMs?: number;
}): PendingEvents {
  const maxDelayMs = options.maxDelayMs ?? PENDING_EVENTS_MAX_DELAY_MS;
  let queued: { readonly event: EventAboutCredential; readonly settle: (stored: boolean) => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Batches are written one after another, in the order they were queued; this chain never rejects.
  let writing: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (queued.length === 0) return writing;
    const batch = queued;
    queued = [];
    writing = writing.then(async () => {
      let stored: readonly boolean[] = [];
      try {
        stored = await options.events.appendAboutCredentials(batch.map((item) => item.event));
      } catch (error) {
        // As when they were written one by one: recording never fails what it describes.
        options.logger.warn({ err: error, events: batch.length }, 'could not record events');
      }
      batch.forEach((item, index) => {
        item.settle(stored[index] === true);
      });
    });
    return writing;
  }

  return {
    add: (event) =>
      new Promise<boolean>((settle) => {
        queued.push({ event, settle });
        if (queued.length >= MAX_BATCH) void flush();
        else if (timer === undefined) {
          timer = setTimeout(() => void flush(), maxDelayMs);
          // A batch waiting to be written does not keep a finished process (a CLI command) alive; its
          // shutdown flushes it.
          timer.unref?.();
        }
      }),
    flush,
  };
}
