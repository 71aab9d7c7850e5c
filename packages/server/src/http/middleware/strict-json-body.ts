import { ErrorCode, isMicrocredError, MicrocredError, parseIJson } from '@microcred/vc';
import type { MiddlewareHandler } from 'hono';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;.*)?$/i;

/**
 * Refuses JSON bodies that are not UTF-8 or not I-JSON before any handler reads them. Hono caches the
 * bytes read here, so validators parse the same body without reading the stream twice. Runs after the
 * body limit, so it never holds more than the limit in memory.
 */
export function strictJsonBody(options: { readonly maxDepth: number }): MiddlewareHandler {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return async (c, next) => {
    const type = c.req.header('Content-Type');
    if (type === undefined || !JSON_MEDIA_TYPE.test(type)) return next();
    // Read through the request's own methods, never its `body` stream: the Node adapter then reads the
    // socket directly instead of through web streams. A request without a body gives no bytes.
    const bytes = await c.req.arrayBuffer();
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch (cause) {
      throw new MicrocredError(ErrorCode.PARSING_ERROR, 'the request body is not UTF-8', { cause });
    }
    // The validators read the text this decoded. Hono keeps its body cache as promises, though its type
    // says values; without this, each JSON validator would build a Response to decode the bytes again.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    // An empty body is left to the route: one that expects none accepts it, one that needs JSON refuses it.
    if (text.trim() !== '') {
      try {
        parseIJson(text, options);
      } catch (cause) {
        if (!isMicrocredError(cause)) throw cause;
        throw new MicrocredError(cause.code, `the request body is ${cause.message}`, { cause });
      }
    }
    await next();
  };
}
