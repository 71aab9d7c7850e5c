import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ErrorCode, type JsonObject } from '@microcred/vc';
import { signDocument, toSignError } from './sign-document.js';
import {
  type SeedSigningKey,
  SIGN_FORMATS,
  type SignError,
  type SignRequest,
  type SignResult,
} from './sign-request.js';
import { createSigningKeyCache } from './signing-key-cache.js';
import type { SignBatchMessage, SigningWorkerMessage } from './signing-protocol.js';

/** Where the pool reports what an operator should know: a crashed worker, signing falling back in-process. */
export interface SigningPoolLogger {
  /** pino's `logger.warn(details, message)` fits as is. */
  warn(details: Record<string, unknown>, message: string): void;
}

export interface SigningPoolOptions {
  /** Worker threads; default `os.availableParallelism()`. */
  readonly size?: number;
  /** Most credentials per message to a worker (default 50): enough to amortize `postMessage`. */
  readonly batchSize?: number;
  readonly logger?: SigningPoolLogger;
  /** The worker's module (`.ts` is loaded through tsx). Default: `signing-worker.ts` beside this file. */
  readonly workerModule?: URL;
}

export interface SigningPool {
  /** `threads` while workers sign; `in-process` when they could not be started (logged once). */
  readonly mode: 'threads' | 'in-process';
  /** Signs one credential. Never rejects: a failure is the result's `error`. */
  sign(request: SignRequest): Promise<SignResult>;
  /** Signs many, results in request order; one bad item never fails the others. Never rejects. */
  signMany(requests: readonly SignRequest[]): Promise<SignResult[]>;
  /** Terminates the workers; anything not yet signed gets an INTERNAL error. */
  close(): Promise<void>;
}

// Two batches per worker: while it signs one, the next is already in its queue, so it never waits for a
// round trip; more would only hold credentials hostage to a busy worker while another one idles.
const BATCHES_PER_WORKER = 2;
// A worker that dies before it is ready (tsx missing, a syntax error) would die again: stop retrying.
const MAX_STARTUP_FAILURES = 3;

interface PendingItem {
  readonly request: SignRequest;
  readonly settle: (result: SignResult) => void;
  /** How many workers crashed while signing this item's batch. */
  crashes: number;
}

interface Batch {
  readonly id: number;
  readonly items: readonly PendingItem[];
}

interface WorkerSlot {
  readonly worker: Worker;
  ready: boolean;
  /** Oldest first; the worker signs them in this order. */
  readonly inFlight: Batch[];
  error?: Error;
}

/**
 * A pool of worker threads that sign credentials on every core (eddsa-rdfc-2022 canonicalization is
 * CPU-bound). Items are queued and grouped into batches (of up to `batchSize`, fewer when that spreads
 * the work over more workers) when a worker can take one; at most `size × 2` batches are in flight, so
 * `signMany` of 100,000 requests serializes only what the workers are about to sign. A worker that crashes is replaced; the batch it was signing is retried once
 * on another worker, then failed item by item. Workers start on first use and do not keep the process
 * alive while idle. If workers cannot start at all, the pool signs in this thread and logs why.
 */
export function createSigningPool(options: SigningPoolOptions = {}): SigningPool {
  const size = options.size ?? availableParallelism();
  const batchSize = options.batchSize ?? 50;
  for (const [name, value] of [
    ['size', size],
    ['batchSize', batchSize],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  }
  const logger = options.logger ?? consoleLogger;
  const slots = new Set<WorkerSlot>();
  // A FIFO of items not yet sent; `retry` goes first (items of a crashed worker's batches, in order).
  let queue: PendingItem[] = [];
  let head = 0;
  let retry: PendingItem[] = [];
  let nextBatchId = 1;
  let startupFailures = 0;
  let closed = false;
  let dispatchScheduled = false;
  let drainingInProcess = false;

  const factory = workerFactory(options.workerModule ?? defaultWorkerModule());
  let mode: SigningPool['mode'] = 'threads';
  if ('reason' in factory) fallBackInProcess(factory.reason);

  function fallBackInProcess(reason: string): void {
    mode = 'in-process';
    logger.warn({ reason }, 'signing credentials in-process: the signing worker threads cannot start');
    for (const slot of slots) void slot.worker.terminate();
  }

  const pendingCount = () => retry.length + queue.length - head;

  function take(): PendingItem | undefined {
    const fromRetry = retry.shift();
    if (fromRetry !== undefined) return fromRetry;
    const item = queue[head];
    if (item === undefined) return undefined;
    head++;
    // Drop the consumed prefix now and then, so a long-lived pool does not keep every item ever queued.
    if (head >= 1024 && head * 2 >= queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    return item;
  }

  function enqueue(items: readonly PendingItem[]): void {
    if (closed) {
      for (const item of items) item.settle(closedResult);
      return;
    }
    // One by one: spreading 100,000 items into push() would overflow the argument stack.
    for (const item of items) queue.push(item);
    // Dispatch after the current task, so items added in the same tick (many concurrent `sign` calls
    // of an HTTP burst) share batches.
    if (!dispatchScheduled) {
      dispatchScheduled = true;
      queueMicrotask(() => {
        dispatchScheduled = false;
        dispatch();
      });
    }
  }

  function dispatch(): void {
    if (closed) return;
    if (mode === 'in-process') {
      void drainInProcess();
      return;
    }
    while ('spawn' in factory && slots.size < size && pendingCount() > 0) spawn(factory.spawn);
    // Smaller batches when there is little to do, so that 200 credentials keep 8 workers busy rather
    // than 4, and a job's last batches end together; full batches as soon as there is enough work.
    const perBatch = Math.min(batchSize, Math.ceil(pendingCount() / (size * BATCHES_PER_WORKER)));
    for (;;) {
      let target: WorkerSlot | undefined;
      for (const slot of slots) {
        if (!slot.ready || slot.inFlight.length >= BATCHES_PER_WORKER) continue;
        if (target === undefined || slot.inFlight.length < target.inFlight.length) target = slot;
      }
      if (target === undefined || pendingCount() === 0) break;
      send(target, Math.max(1, perBatch));
    }
    updateRefs();
  }

  function send(slot: WorkerSlot, limit: number): void {
    const message = { keys: [] as SeedSigningKey[], items: [] as SignBatchMessage['items'][number][] };
    const keyIndex = new Map<SeedSigningKey, number>();
    const items: PendingItem[] = [];
    while (items.length < limit) {
      const item = take();
      if (item === undefined) break;
      const prepared = prepare(item.request);
      if ('error' in prepared) {
        item.settle(prepared);
        continue;
      }
      let index = keyIndex.get(item.request.key);
      if (index === undefined) {
        const { secretKey, id, controller } = item.request.key;
        // Only these three fields cross: anything else on the caller's object might not be cloneable.
        index = message.keys.push({ secretKey, id, controller }) - 1;
        keyIndex.set(item.request.key, index);
      }
      message.items.push({
        document: prepared.json,
        key: index,
        format: item.request.format,
        created: item.request.created,
      });
      items.push(item);
    }
    if (items.length === 0) return;
    const batch: Batch = { id: nextBatchId++, items };
    slot.inFlight.push(batch);
    const sent: SignBatchMessage = { type: 'sign', batchId: batch.id, ...message };
    try {
      slot.worker.postMessage(sent);
    } catch (error) {
      slot.inFlight.pop();
      for (const item of items) item.settle({ error: toSignError(error) });
    }
  }

  function spawn(create: () => Worker): void {
    const slot: WorkerSlot = { worker: create(), ready: false, inFlight: [] };
    slots.add(slot);
    slot.worker.on('message', (message: SigningWorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
        startupFailures = 0;
      } else {
        const index = slot.inFlight.findIndex((batch) => batch.id === message.batchId);
        const [batch] = index === -1 ? [] : slot.inFlight.splice(index, 1);
        batch?.items.forEach((item, position) => {
          item.settle(message.results[position] ?? missingResult);
        });
      }
      dispatch();
    });
    slot.worker.on('error', (error) => {
      slot.error = error;
    });
    // A reply that cannot be deserialized leaves its batch unanswered: treat the worker as crashed.
    slot.worker.on('messageerror', (error) => {
      slot.error = error;
      void slot.worker.terminate();
    });
    slot.worker.on('exit', (exitCode) => {
      slots.delete(slot);
      if (closed) return;
      if (mode === 'in-process') {
        // Terminated by the fallback below: whatever it held is signed in-process instead.
        retry = [...slot.inFlight.flatMap((batch) => batch.items), ...retry];
        dispatch();
        return;
      }
      onWorkerExit(slot, exitCode);
    });
  }

  function onWorkerExit(slot: WorkerSlot, exitCode: number): void {
    const details = { threadId: slot.worker.threadId, exitCode, error: slot.error?.message };
    if (!slot.ready) {
      startupFailures++;
      logger.warn(details, 'a signing worker exited before it was ready');
      if (startupFailures >= MAX_STARTUP_FAILURES) {
        fallBackInProcess(
          `${startupFailures} signing workers failed to start: ${slot.error?.message ?? `exit code ${exitCode}`}`,
        );
      }
      dispatch();
      return;
    }
    // The worker signs its batches in order, so it crashed on the oldest one; the others never started
    // and go back without counting against them.
    const [current, ...unstarted] = slot.inFlight;
    const again: PendingItem[] = [];
    let failed = 0;
    for (const item of current?.items ?? []) {
      item.crashes++;
      if (item.crashes > 1) {
        failed++;
        item.settle({
          error: {
            code: ErrorCode.INTERNAL,
            message: 'the signing worker crashed on this batch twice; the item was not signed',
          },
        });
      } else {
        again.push(item);
      }
    }
    for (const batch of unstarted) for (const item of batch.items) again.push(item);
    retry = [...again, ...retry];
    logger.warn(
      { ...details, retried: again.length, failed },
      'a signing worker exited unexpectedly; replacing it and retrying its batch once',
    );
    dispatch();
  }

  // Workers keep the process alive only while there is work, so an idle pool never blocks exit.
  function updateRefs(): void {
    const busy = pendingCount() > 0 || [...slots].some((slot) => slot.inFlight.length > 0);
    for (const slot of slots) {
      if (busy) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  async function drainInProcess(): Promise<void> {
    if (drainingInProcess) return;
    drainingInProcess = true;
    const keys = createSigningKeyCache();
    try {
      for (let item = take(); item !== undefined && !closed; item = take()) {
        const prepared = prepare(item.request);
        if ('error' in prepared) {
          item.settle(prepared);
          continue;
        }
        try {
          const document = JSON.parse(prepared.json) as JsonObject;
          const key = keys.keyFor(item.request.key);
          item.settle(
            await signDocument({ document, key, format: item.request.format, created: item.request.created }),
          );
        } catch (error) {
          item.settle({ error: toSignError(error) });
        }
        // Let I/O in: this thread also serves requests and talks to the database.
        await nextTurn();
      }
    } finally {
      drainingInProcess = false;
    }
  }

  return {
    get mode() {
      return mode;
    },
    sign(request) {
      return new Promise((resolve) => enqueue([{ request, settle: resolve, crashes: 0 }]));
    },
    signMany(requests) {
      if (requests.length === 0) return Promise.resolve([]);
      return new Promise((resolve) => {
        const results = new Array<SignResult>(requests.length);
        let remaining = requests.length;
        enqueue(
          requests.map((request, index) => ({
            request,
            crashes: 0,
            settle: (result: SignResult) => {
              results[index] = result;
              if (--remaining === 0) resolve(results);
            },
          })),
        );
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      const workers = [...slots].map((slot) => slot.worker);
      const unfinished = [...slots].flatMap((slot) => slot.inFlight.flatMap((batch) => batch.items));
      for (let item = take(); item !== undefined; item = take()) unfinished.push(item);
      slots.clear();
      for (const item of unfinished) item.settle(closedResult);
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

const closedResult: SignResult = {
  error: { code: ErrorCode.INTERNAL, message: 'the signing pool was closed before this item was signed' },
};
const missingResult: SignResult = {
  error: { code: ErrorCode.INTERNAL, message: 'the signing worker returned no result for this item' },
};

const consoleLogger: SigningPoolLogger = {
  warn: (details, message) => console.warn(`[signing-pool] ${message}`, details),
};

/** Checks a request before it costs a round trip, and serializes its document. */
function prepare(request: SignRequest): { readonly json: string } | { readonly error: SignError } {
  const fail = (code: ErrorCode, message: string) => ({ error: { code, message } });
  if (!SIGN_FORMATS.includes(request.format)) {
    return fail(ErrorCode.MALFORMED_VALUE_ERROR, `format must be one of ${SIGN_FORMATS.join(', ')}`);
  }
  const { secretKey, id, controller } = request.key;
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32) {
    return fail(ErrorCode.INVALID_KEY, 'the key must be a 32-byte Ed25519 seed');
  }
  if (typeof id !== 'string' || typeof controller !== 'string') {
    return fail(ErrorCode.INVALID_KEY, 'the key needs a verification method id and a controller');
  }
  if (typeof request.document !== 'object' || request.document === null || Array.isArray(request.document)) {
    return fail(ErrorCode.MALFORMED_VALUE_ERROR, 'the document must be a JSON object');
  }
  try {
    return { json: JSON.stringify(request.document) };
  } catch (error) {
    return fail(ErrorCode.MALFORMED_VALUE_ERROR, `the document is not JSON: ${toSignError(error).message}`);
  }
}

function defaultWorkerModule(): URL {
  // From source (tsx, vitest) the worker is the .ts beside this file; a build would emit .js.
  const source = new URL('./signing-worker.ts', import.meta.url);
  const built = new URL('./signing-worker.js', import.meta.url);
  return source.protocol === 'file:' && !existsSync(fileURLToPath(source)) && existsSync(fileURLToPath(built))
    ? built
    : source;
}

function workerFactory(module: URL): { readonly spawn: () => Worker } | { readonly reason: string } {
  if (module.protocol !== 'file:' || !existsSync(fileURLToPath(module))) {
    return { reason: `the signing worker module ${module.href} is not a file on disk` };
  }
  if (!/\.[cm]?ts$/.test(module.pathname)) return { spawn: () => new Worker(module) };
  let tsxApi: string;
  try {
    tsxApi = import.meta.resolve('tsx/esm/api');
  } catch (error) {
    return { reason: `tsx, which loads the TypeScript worker, cannot be resolved: ${String(error)}` };
  }
  // Node 20 does not apply loader hooks from a Worker's `execArgv: ['--import', 'tsx']` to the worker's
  // own module ("Unknown file extension .ts"), and hooks registered in the parent do not reach workers.
  // Registering tsx inside the worker before importing the module works under tsx, vitest and plain node.
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(module.href)});\n`;
  const url = new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
  return { spawn: () => new Worker(url) };
}
