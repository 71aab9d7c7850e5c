import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { fetchRefused } from './fetch-errors.js';

export interface BodyLimits {
  /** Most bytes read from the wire. */
  readonly maxBytes: number;
  /** Most bytes once decoded (gzip, deflate, br): a small compressed body may expand a thousandfold. */
  readonly maxDecodedBytes: number;
}

/** The `Content-Encoding` values read; anything else (or a chain of several) is refused. */
export const READ_ENCODINGS = ['identity', 'gzip', 'x-gzip', 'deflate', 'br'] as const;

function decoderFor(encoding: string) {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/**
 * Reads a response body, decoding it, and stops with a FETCH_REFUSED `too-large` as soon as either limit
 * is passed: the rest is never read nor inflated (a gzip bomb costs at most `maxDecodedBytes`). `host`
 * only names the refusal.
 */
export async function readLimitedBody(
  body: AsyncIterable<Uint8Array>,
  options: BodyLimits & { readonly encoding: string; readonly host: string },
): Promise<Buffer> {
  const tooLarge = (limit: number, what: string) =>
    fetchRefused('too-large', `the answer from ${options.host} is over ${limit} bytes ${what}`, {
      host: options.host,
      limit,
    });
  async function* wire() {
    let read = 0;
    for await (const chunk of body) {
      read += chunk.length;
      if (read > options.maxBytes) throw tooLarge(options.maxBytes, 'as sent');
      yield chunk;
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = async (source: AsyncIterable<Uint8Array>) => {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > options.maxDecodedBytes) throw tooLarge(options.maxDecodedBytes, 'once decoded');
      chunks.push(Buffer.from(chunk));
    }
  };
  const decoder = decoderFor(options.encoding);
  if (decoder === undefined) await collect(wire());
  else await pipeline(wire, decoder, collect);
  return Buffer.concat(chunks, size);
}
