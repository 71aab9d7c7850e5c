import type { Context } from 'hono';
import type { ClientLimit } from '../../edge/rate-limits.js';

/**
 * Per-client limits on what the pages let anyone make us do: send mail, use an emailed link's secret,
 * verify, import.
 */
export const PAGE_CLIENT_LIMITS: readonly ClientLimit[] = [
  { methods: ['POST'], path: /^\/signin(?:\/[^/]+)?\/?$/, name: 'signin-client' },
  { methods: ['GET', 'POST'], path: /^\/claim\/[^/]+(?:\/(?:accept|decline))?\/?$/, name: 'claim-client' },
  { methods: ['POST'], path: /^\/account\/emails(?:\/verify\/[^/]+)?\/?$/, name: 'confirm-client' },
  { methods: ['POST'], path: /^\/verify\/?$/, name: 'verify-client' },
  { methods: ['GET'], path: /^\/verify\/?$/, name: 'verify-client', query: 'url' },
  { methods: ['POST'], path: /^\/account\/imports\/?$/, name: 'import-client' },
];

// Credential files uploaded to /verify and imports: the pages refuse files over 2 MB themselves with a
// readable message; the request may be a little larger for the multipart framing and other fields.
export const PAGE_UPLOAD_LIMIT_BYTES = 3 * 1024 * 1024;
const UPLOAD_PATHS = new Set(['/verify', '/account/imports']);

/** A form that may carry a credential file: allowed `PAGE_UPLOAD_LIMIT_BYTES`. */
export function isPageUpload(c: Context): boolean {
  return c.req.method === 'POST' && UPLOAD_PATHS.has(c.req.path);
}
