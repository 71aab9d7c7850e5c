import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { LoadOptions, LoadResult } from './run-autocannon.js';

export interface LoadGenerator {
  /** One autocannon run; rejects on connection errors or timeouts (the figures would mean nothing). */
  run(options: LoadOptions): Promise<LoadResult>;
  close(): Promise<void>;
}

const RUNNER = fileURLToPath(new URL('./run-autocannon.ts', import.meta.url));

/**
 * One autocannon process for the whole benchmark, started once (a process per run would cost a start of
 * tsx each time, seconds on a loaded machine), running one load at a time.
 */
export function startLoadGenerator(): LoadGenerator {
  const child = fork(RUNNER, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let queue: Promise<unknown> = Promise.resolve();
  // A run whose process died would otherwise wait for its answer for ever.
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`autocannon's process exited (${code})`);
  });
  // Closing ends the process too: that is no failure unless a run is waiting.
  exited.catch(() => undefined);
  const runOne = async (options: LoadOptions): Promise<LoadResult> => {
    const answered = once(child, 'message') as Promise<[{ result?: LoadResult; error?: string }]>;
    child.send(options);
    const [{ result, error }] = await Promise.race([answered, exited]);
    if (result === undefined) throw new Error(`autocannon failed: ${error}`);
    if (result.errors > 0 || result.timeouts > 0)
      throw new Error(`${options.requests[0]?.path}: ${result.errors} errors, ${result.timeouts} timeouts`);
    return result;
  };
  return {
    run: (options) => {
      const running = queue.then(() => runOne(options));
      queue = running.catch(() => undefined);
      return running;
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const ended = once(child, 'exit');
      child.kill();
      await ended;
    },
  };
}
