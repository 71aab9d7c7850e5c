import type { Context } from 'hono';
import { negotiateMediaType } from '../../edge/negotiate-media-type.js';

/** A browser asking for a page, as opposed to a client asking for the JSON document at the same URL. */
export function wantsHtml(c: Context): boolean {
  return (
    negotiateMediaType({ accept: c.req.header('Accept'), offers: ['application/json', 'text/html'] }) ===
    'text/html'
  );
}
