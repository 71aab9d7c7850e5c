import { Piscina } from 'piscina';
import { type PhotoPreparation, preparePhoto } from '../domain/image/photo/prepare-photo.js';
import { type SigningPoolLogger, siblingModule, workerLaunch } from './signing-pool.js';

export interface PhotoPool {
  /** `threads` while a worker thread prepares photos; `in-process` when it cannot start (logged once). */
  readonly mode: 'threads' | 'in-process';
  prepare(bytes: Uint8Array): Promise<PhotoPreparation>;
  close(): Promise<void>;
}

// Uploads are rare and each takes a core for a moment: one thread, gone when idle.
const IDLE_MS = 30_000;

/**
 * Prepares uploaded profile photos (see `preparePhoto`) on a worker thread: decoding a 12-megapixel JPEG
 * and re-encoding it takes about 0.4 s of CPU, which on the request's thread would hold every other
 * request of the process for as long. If the worker module cannot be loaded, photos are prepared in this
 * thread and the pool says why once.
 */
export function createPhotoPool(options: { readonly logger?: SigningPoolLogger } = {}): PhotoPool {
  const worker = workerLaunch(siblingModule('photo-worker'));
  if ('reason' in worker) {
    options.logger?.warn(
      { reason: worker.reason },
      'preparing photos in-process: the worker thread cannot start',
    );
    return { mode: 'in-process', prepare: preparePhoto, close: async () => {} };
  }
  const piscina = new Piscina<Uint8Array, PhotoPreparation>({
    filename: worker.filename,
    execArgv: worker.execArgv,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: IDLE_MS,
  });
  piscina.on('error', (error: unknown) =>
    options.logger?.warn(
      { error: error instanceof Error ? error.message : String(error) },
      'photo pool error',
    ),
  );
  return {
    mode: 'threads',
    prepare: (bytes) => piscina.run(bytes),
    close: () => piscina.close({ force: true }),
  };
}
