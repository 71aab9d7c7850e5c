import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPollingLoop } from './start-polling-loop.js';

describe('the polling loop behind the background workers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs steps back to back while they find work, waits when idle, reports failures, and stops promptly', async () => {
    const results = [3, 2, new Error('database went away'), 0, 1];
    const errors: unknown[] = [];
    let calls = 0;
    const loop = startPollingLoop({
      pollMs: 60_000,
      step: async () => {
        const next = results[calls++];
        if (next instanceof Error) throw next;
        return next ?? 0;
      },
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(0);
    // 3 and 2 ran back to back; the failure waits (60 s) like an idle step, so nothing more ran.
    expect(calls).toBe(3);
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    // The idle step (0) waits in its turn.
    expect(calls).toBe(4);

    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    // Stopping wakes the idle wait: no time passes.
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(calls).toBe(4);
    await stopping;
  });
});
