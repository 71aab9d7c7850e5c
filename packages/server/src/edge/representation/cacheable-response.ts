import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** A strong ETag of a representation: its media type and its bytes. */
export function etagOf(contentType: string, body: string | Uint8Array): string {
  const digest = createHash('sha256').update(contentType).update('\n').update(body).digest('base64url');
  return `"${digest.slice(0, 32)}"`;
}

function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Sends a public document with its validators: 304 Not Modified when the client already holds this
 * version, otherwise the body. `Vary` names the request headers the representation depends on.
 */
export function cacheableResponse(
  c: Context,
  options: {
    readonly body: string | Uint8Array;
    readonly contentType: string;
    readonly cacheControl: string;
    readonly etag?: string;
    readonly vary?: string;
    readonly headers?: Readonly<Record<string, string>>;
  },
): Response {
  const etag = options.etag ?? etagOf(options.contentType, options.body);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': options.cacheControl,
    ...(options.vary === undefined ? {} : { Vary: options.vary }),
    ...options.headers,
  };
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  return c.body(typeof options.body === 'string' ? options.body : new Uint8Array(options.body), 200, {
    ...headers,
    'Content-Type': options.contentType,
  });
}

// RFC 9110 §15.4.5: a 304 carries what the 200 would have of these, and no body.
const KEPT_ON_NOT_MODIFIED = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'];

/**
 * Gives a response already rendered (a page) its strong validator, the ETag of its media type and bytes,
 * and turns it into a 304 with no body when the client's `If-None-Match` names it. Rendering still
 * happens; what a revalidating browser saves is the transfer and the parsing of an unchanged page.
 */
export async function revalidatedResponse(
  c: Context,
  options: { readonly cacheControl: string },
): Promise<void> {
  const rendered = c.res;
  const etag = etagOf(
    rendered.headers.get('Content-Type') ?? '',
    new Uint8Array(await rendered.clone().arrayBuffer()),
  );
  c.header('Cache-Control', options.cacheControl);
  c.header('ETag', etag);
  if (!matches(c.req.header('If-None-Match'), etag)) return;
  await c.res.body?.cancel();
  // hono copies the page's headers onto the new response; all but those a 304 keeps go again.
  c.res = new Response(null, { status: 304 });
  for (const name of [...c.res.headers.keys()])
    if (!KEPT_ON_NOT_MODIFIED.includes(name)) c.res.headers.delete(name);
}
