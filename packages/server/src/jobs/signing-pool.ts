import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ErrorCode, MicrocredError } from '@microcred/vc';
import { Piscina } from 'piscina';
import {
  type ClosableCredentialSigner,
  createInProcessSigner,
  type SignedCredential,
  type SignRequest,
  signerClosedError,
} from '../domain/credential/credential-signer.js';
import {
  fromSigningOutcome,
  type SigningOutcome,
  type SigningTask,
  toSigningTask,
} from '../domain/credential/signing-task.js';

/** Where the pool reports what an operator should know: a failed worker, signing falling back in-process. */
export interface SigningPoolLogger {
  /** pino's `logger.warn(details, message)` fits as is. */
  warn(details: Record<string, unknown>, message: string): void;
}

export interface SigningPoolOptions {
  /** Worker threads; default `os.availableParallelism()`. */
  readonly size?: number;
  readonly logger?: SigningPoolLogger;
  /** The worker's module (a `.ts` one is loaded through tsx). Default: `signing-worker` beside this file. */
  readonly workerModule?: URL;
}

export interface SigningPool extends ClosableCredentialSigner {
  /** `threads` while workers sign; `in-process` when they cannot be started (logged once). */
  readonly mode: 'threads' | 'in-process';
  /** Workers signing now out of the pool's size, and credentials waiting for one (null: in-process). */
  use(): { readonly busy: number; readonly size: number; readonly queued: number } | null;
}

// Two credentials queued per worker: while it signs one, the next one is already serialized; more would
// only hold the JSON of a 100,000-row `signMany` in memory long before a worker is free.
const TASKS_PER_WORKER = 2;
// Starting a worker loads the JSON-LD contexts again: keep idle ones for a while (they never keep the
// process alive), so that a bulk job's batches do not pay it each time.
const IDLE_MS = 60_000;

/**
 * The signer port on a piscina pool of worker threads, one per core: eddsa-rdfc-2022 canonicalization is
 * CPU-bound, and this keeps the event loop free for requests. Workers start on first use. A credential
 * whose worker failed (crashed, or threw) is retried once on a fresh worker, then rejected with INTERNAL:
 * never lost. `close` lets credentials being signed finish and rejects the queued ones. If the worker
 * module cannot be loaded at all, the pool signs in this thread and logs why.
 */
export function createSigningPool(options: SigningPoolOptions = {}): SigningPool {
  const size = options.size ?? availableParallelism();
  if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a positive integer');
  const logger = options.logger ?? consoleLogger;
  const worker = workerLaunch(options.workerModule ?? defaultWorkerModule());
  if ('reason' in worker) {
    logger.warn(
      { reason: worker.reason },
      'signing credentials in-process: the signing worker threads cannot start',
    );
    return { ...createInProcessSigner(), mode: 'in-process', use: () => null };
  }
  const piscina = new Piscina<SigningTask, SigningOutcome>({
    filename: worker.filename,
    execArgv: worker.execArgv,
    minThreads: 0,
    maxThreads: size,
    idleTimeout: IDLE_MS,
  });
  // Emitted for a worker that fails while idle, or a close that times out: without a listener it would throw.
  piscina.on('error', (error: unknown) => logger.warn({ error: messageOf(error) }, 'signing pool error'));
  let closed = false;
  let inFlight = 0;

  async function run(task: SigningTask, retried = false): Promise<SigningOutcome> {
    try {
      return await piscina.run(task);
    } catch (error) {
      // A failure of the item itself is an outcome, not a rejection: this is the worker's (or close's).
      if (closed) throw signerClosedError();
      if (retried) {
        throw new MicrocredError(
          ErrorCode.INTERNAL,
          'the signing worker failed twice on this credential; it was not signed',
          { cause: error },
        );
      }
      logger.warn({ error: messageOf(error) }, 'a signing worker failed; retrying its credential once');
      return run(task, true);
    }
  }

  async function sign(request: SignRequest): Promise<SignedCredential> {
    if (closed) throw signerClosedError();
    // Counted per credential, its retry included: the pool's use is what metrics report.
    inFlight++;
    try {
      return fromSigningOutcome(request, await run(toSigningTask(request)));
    } finally {
      inFlight--;
    }
  }

  return {
    mode: 'threads',
    use: () => ({ busy: Math.min(inFlight, size), size, queued: piscina.queueSize }),
    sign,
    async signMany(requests) {
      const results = new Array<SignedCredential | Error>(requests.length);
      let next = 0;
      // A few lanes, each taking the next request when its last one is signed: results keep their order,
      // and only what the workers are about to sign is serialized.
      const lane = async () => {
        for (let index = next++; index < requests.length; index = next++) {
          const request = requests[index] as SignRequest;
          results[index] = await sign(request).catch((error: unknown) =>
            error instanceof Error ? error : new MicrocredError(ErrorCode.INTERNAL, String(error)),
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(requests.length, size * TASKS_PER_WORKER) }, lane));
      return results;
    },
    async close() {
      if (closed) return;
      closed = true;
      // `force` aborts only the credentials no worker has started; those being signed still finish.
      await piscina.close({ force: true });
    },
  };
}

const consoleLogger: SigningPoolLogger = {
  warn: (details, message) => console.warn(`[signing-pool] ${message}`, details),
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultWorkerModule(): URL {
  return siblingModule('signing-worker');
}

/** A module beside this one: from source (tsx, vitest) this is a .ts and so is it; compiled, both are .js. */
export function siblingModule(name: string): URL {
  const extension = /\.[cm]?ts$/.test(new URL(import.meta.url).pathname) ? 'ts' : 'js';
  return new URL(`./${name}.${extension}`, import.meta.url);
}

/**
 * How piscina starts a worker thread on `module`, from the compiled build or from the TypeScript sources
 * (tsx, vitest); or why it cannot. The photo pool starts its thread the same way.
 */
export function workerLaunch(
  module: URL,
): { readonly filename: string; readonly execArgv: string[] } | { readonly reason: string } {
  if (module.protocol !== 'file:' || !existsSync(fileURLToPath(module))) {
    return { reason: `the worker module ${module.href} is not a file on disk` };
  }
  const filename = fileURLToPath(module);
  const execArgv = workerExecArgv(process.execArgv);
  if (!/\.[cm]?ts$/.test(module.pathname)) return { filename, execArgv };
  // From sources, the workspace packages must resolve to their TypeScript too; the parent may have been
  // given that by its bundler (vitest) rather than by a command-line option a worker would inherit.
  if (!execArgv.includes(SOURCE_CONDITION)) execArgv.push(SOURCE_CONDITION);
  // A worker takes the parent's command-line options, but not loader hooks registered at run time (tsx's
  // `register()`, as bin/microcred.js does): have each worker import tsx itself, by absolute URL so that it
  // resolves from any working directory. Piscina's own worker script is JavaScript, so the hooks are in
  // place before it imports ours.
  if (execArgv.some((argument) => /(^|[/\\])tsx([/\\]|$)/.test(argument))) return { filename, execArgv };
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx');
  } catch (error) {
    return { reason: `tsx, which loads the TypeScript worker, cannot be resolved: ${messageOf(error)}` };
  }
  return { filename, execArgv: [...execArgv, '--import', tsx] };
}

// The export condition under which the workspace packages resolve to their TypeScript sources.
const SOURCE_CONDITION = '--conditions=@microcred/source';
// Options about the main script (`--eval` code and its `--input-type`) stop a worker from starting.
const MAIN_SCRIPT_OPTIONS = new Set(['--eval', '-e', '--print', '-p', '--input-type']);

/** The parent's `execArgv` without the options that only make sense for the main script. */
export function workerExecArgv(parent: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < parent.length; index++) {
    const argument = parent[index] as string;
    const [name = argument] = argument.split('=', 1);
    if (!MAIN_SCRIPT_OPTIONS.has(name)) kept.push(argument);
    // `--eval <code>`, `--input-type module`: the value is the next argument.
    else if (name === argument && parent[index + 1]?.startsWith('-') === false) index++;
  }
  return kept;
}
