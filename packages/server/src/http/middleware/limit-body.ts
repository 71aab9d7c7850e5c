import { ErrorCode, MicrocredError } from '@microcred/vc';
import type { Context, MiddlewareHandler } from 'hono';

function tooLarge(maxBytes: number): MicrocredError {
  return new MicrocredError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `the request body is over the limit of ${maxBytes} bytes`,
  );
}

/**
 * `source` as it is read, failing with PAYLOAD_TOO_LARGE as soon as more than `maxBytes` have come
 * through (and cancelling the rest). Pulls nothing until its reader asks: a body nobody reads is never
 * read.
 */
export function limitedStream(
  source: ReadableStream<Uint8Array>,
  maxBytes: number,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        seen += value.byteLength;
        if (seen > maxBytes) {
          await reader.cancel().catch(() => {});
          controller.error(tooLarge(maxBytes));
          return;
        }
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/**
 * Whether the request came from Node's HTTP server (the adapter passes the `IncomingMessage` as `incoming`),
 * whose parser holds a body to its `Content-Length`; a `Request` made in a process (tests, `app.request`)
 * promises nothing of the kind.
 */
function arrivedThroughNodeParser(c: Context): boolean {
  const bindings = c.env as { readonly incoming?: { readonly httpVersion?: unknown } } | undefined;
  return typeof bindings?.incoming?.httpVersion === 'string';
}

/**
 * Request body limits that never read on their own: a declared `Content-Length` over the limit is
 * refused at once, and any other body is wrapped so that whoever reads it (after authentication) gets
 * PAYLOAD_TOO_LARGE at the byte that crosses the limit. Unlike hono's `bodyLimit`, which buffers a
 * chunked body whole before the next handler runs, this holds nothing.
 */
export function limitBody(options: { readonly maxBytes: (c: Context) => number }): MiddlewareHandler {
  return async (c, next) => {
    const declared = c.req.header('Content-Length');
    if (arrivedThroughNodeParser(c) && c.req.header('Transfer-Encoding') === undefined) {
      // Node's parser ends such a body at its declared length (what follows is the next request), so the
      // declaration is the whole check. Not touching `body` keeps the adapter's direct read of the socket:
      // wrapping it in web streams costs more than verifying a small credential's proof.
      const maxBytes = options.maxBytes(c);
      if (Number(declared ?? 0) > maxBytes) throw tooLarge(maxBytes);
      return next();
    }
    const body = c.req.raw.body;
    if (body === null) return next();
    const maxBytes = options.maxBytes(c);
    if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes);
    c.req.raw = new Request(c.req.raw, {
      body: limitedStream(body, maxBytes),
      duplex: 'half',
    } as RequestInit);
    await next();
  };
}
