import type { SeedSigningKey, SignFormat, SignResult } from './sign-request.js';

/**
 * A batch of credentials for a signing worker. Documents travel as JSON text: what gets signed is
 * exactly what `JSON.stringify` keeps, and an unserializable document fails alone, before sending.
 * Each key travels once per batch (items point into `keys`); seeds only ever cross in memory.
 */
export interface SignBatchMessage {
  readonly type: 'sign';
  readonly batchId: number;
  readonly keys: readonly SeedSigningKey[];
  readonly items: readonly {
    readonly document: string;
    readonly key: number;
    readonly format: SignFormat;
    readonly created: string;
  }[];
}

/** What a signing worker posts back: `ready` once loaded, then one `signed` per batch, in order. */
export type SigningWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'signed'; readonly batchId: number; readonly results: readonly SignResult[] };
