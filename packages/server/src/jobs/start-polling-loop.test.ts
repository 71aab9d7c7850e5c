import { describe, expect, it } from 'vitest';
import { startPollingLoop } from './start-polling-loop.js';

describe('the polling loop behind the background workers', () => {
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
    await new Promise((resolve) => setTimeout(resolve, 50));
    // 3 and 2 ran back to back; the failure waits (60 s) like an idle step, so nothing more ran.
    expect(calls).toBe(3);
    expect(errors).toHaveLength(1);
    const started = Date.now();
    await loop.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
