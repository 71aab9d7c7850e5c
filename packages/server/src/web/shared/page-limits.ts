import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ClientLimit } from '../../edge/rate-limits.js';
import { SESSION_COOKIE } from '../../edge/session-earner.js';

/**
 * Per-client limits on what the pages let anyone make us do: send mail, use an emailed link's secret,
 * verify, import, decode a photo.
 */
export const PAGE_CLIENT_LIMITS: readonly ClientLimit[] = [
  { methods: ['POST'], path: /^\/signin(?:\/[^/]+)?\/?$/, name: 'signin-client' },
  { methods: ['GET', 'POST'], path: /^\/claim\/[^/]+(?:\/(?:accept|decline))?\/?$/, name: 'claim-client' },
  { methods: ['POST'], path: /^\/account\/emails(?:\/verify\/[^/]+)?\/?$/, name: 'confirm-client' },
  { methods: ['POST'], path: /^\/verify(?:\/share)?\/?$/, name: 'verify-client' },
  { methods: ['POST'], path: /^\/verifications\/[^/]+\/?$/, name: 'verify-client' },
  { methods: ['GET'], path: /^\/verify\/?$/, name: 'verify-client', query: 'url' },
  { methods: ['POST'], path: /^\/account\/imports\/?$/, name: 'import-client' },
  { methods: ['POST'], path: /^\/account\/photo\/?$/, name: 'photo-client' },
];

// Credential files uploaded to /verify and imports, and profile photos: the pages refuse files over 2 MB
// themselves with a readable message (a photo on its declared length, unread); the request may be a
// little larger for the multipart framing and other fields.
export const PAGE_UPLOAD_LIMIT_BYTES = 3 * 1024 * 1024;
const UPLOAD_PATHS = new Set(['/verify', '/account/imports', '/account/photo']);
const SHARED_RESULT_PATH = /^\/verifications\/[^/]+$/;

/** A form that may carry a credential file or a photo: allowed `PAGE_UPLOAD_LIMIT_BYTES`. */
export function isPageUpload(c: Context): boolean {
  return c.req.method === 'POST' && (UPLOAD_PATHS.has(c.req.path) || SHARED_RESULT_PATH.test(c.req.path));
}

/** The largest CSV file the console's bulk issuance takes (about 200,000 rows of email and name). */
export const CONSOLE_CSV_LIMIT_BYTES = 20 * 1024 * 1024;
// The file travels base64-encoded in the forms of the later steps (4/3 of its size), plus other fields.
export const CONSOLE_CSV_REQUEST_LIMIT_BYTES = Math.ceil((CONSOLE_CSV_LIMIT_BYTES * 4) / 3) + 1024 * 1024;
const CONSOLE_CSV_PATH = /^\/console\/[^/]+\/bulk\/(?:upload|preview|start)$/;

/**
 * A console bulk-issuance step from someone with a session cookie: allowed
 * `CONSOLE_CSV_REQUEST_LIMIT_BYTES`. Whether the session is valid (and the member may issue) is checked by
 * the route before it reads the body; anyone else keeps the small default limit.
 */
export function isConsoleCsvUpload(c: Context): boolean {
  return (
    c.req.method === 'POST' && CONSOLE_CSV_PATH.test(c.req.path) && getCookie(c, SESSION_COOKIE) !== undefined
  );
}
