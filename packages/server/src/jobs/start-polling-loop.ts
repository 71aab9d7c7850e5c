/** A background loop that can be stopped. */
export interface BackgroundLoop {
  /** Resolves when the loop has stopped (after the step in progress). */
  stop(): Promise<void>;
  /** Until `stop` is called: readiness reports a process whose loops were stopped as not ready. */
  running(): boolean;
}

/**
 * Runs `step` again and again while it finds work; when a step handles nothing, or fails, waits `pollMs`
 * before the next one. A failed step loses nothing: whatever it had claimed returns to the queue when its
 * lease expires, so `onError` only reports.
 */
export function startPollingLoop(options: {
  /** `signal` is aborted when `stop` is called: a step may then give back what it claimed but did not start. */
  step: (signal: AbortSignal) => Promise<number>;
  pollMs: number;
  onError: (error: unknown) => void;
}): BackgroundLoop {
  let stopped = false;
  const stopping = new AbortController();
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let handled = 0;
      try {
        handled = await options.step(stopping.signal);
      } catch (error) {
        options.onError(error);
      }
      if (handled === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  return {
    running: () => !stopped,
    async stop() {
      stopped = true;
      stopping.abort();
      wake?.();
      await loop;
    },
  };
}
