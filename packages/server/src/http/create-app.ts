import { randomUUID } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { ErrorCode, MicrocredError } from '@microcred/vc';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { Platform } from '../domain/platform.js';
import type { WebEnv, WebOptions } from '../web/web-env.js';
import { renderWebError, wantsHtml, webRoutes } from '../web/web-routes.js';
import type { ApiEnv, PublicEnv } from './app-env.js';
import { createRouter } from './create-router.js';
import type { OpenApiDocument } from './docs/docs-page.js';
import { bearerAuth } from './middleware/bearer-auth.js';
import { requestLogger } from './middleware/request-logger.js';
import { strictJsonBody } from './middleware/strict-json-body.js';
import { renderProblem } from './problem/render-problem.js';
import { achievementRoutes } from './routes/achievement-routes.js';
import { apiKeyRoutes } from './routes/api-key-routes.js';
import { BULK_JOBS_PATH, bulkJobRoutes } from './routes/bulk-job-routes.js';
import { credentialRoutes } from './routes/credential-routes.js';
import { issuerRoutes } from './routes/issuer-routes.js';
import { learnerRecordRoutes } from './routes/learner-record-routes.js';
import { memberRoutes } from './routes/member-routes.js';
import { partnershipRoutes } from './routes/partnership-routes.js';
import { pathwayRoutes } from './routes/pathway-routes.js';
import { publicDocumentRoutes } from './routes/public-document-routes.js';
import { systemRoutes } from './routes/system-routes.js';
import { vcApiRoutes } from './routes/vc-api-routes.js';

export interface AppOptions {
  readonly platform: Platform;
  readonly logger: Logger;
  /** Request bodies above this many bytes are refused with 413 before they are read whole. */
  readonly bodyLimitBytes: number;
  /** Request ids for requests that bring none (default: random UUIDs). */
  readonly generateRequestId?: () => string;
  /** Bulk uploads (CSV, JSON lines) may be larger than JSON requests: 100,000 rows are about 6 MB. */
  readonly bulkUploadLimitBytes?: number;
  /** The web pages (earners, public pages, /verify); off for API-only deployments and most API tests. */
  readonly web?: WebOptions;
}

// Credential files uploaded to /verify and imports: the pages refuse files over 2 MB themselves with a
// readable message; the request may be a little larger for the multipart framing and other fields.
const FORM_UPLOAD_LIMIT_BYTES = 3 * 1024 * 1024;
const FORM_UPLOAD_PATHS = new Set(['/verify', '/account/imports']);

const DEFAULT_BULK_UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

// Credentials nest about ten levels; the verifier refuses more than 64, so the API does too (V14).
const MAX_JSON_DEPTH = 64;

const TAGS = [
  {
    name: 'Issuers',
    description: 'Organizations that issue credentials, each with a did:web and rotating Ed25519 keys.',
  },
  { name: 'API keys', description: 'Bearer tokens that act within one issuer as owner, issuer or viewer.' },
  {
    name: 'Achievements',
    description: 'Micro-credential definitions: published ones are public OB 3.0 Achievements.',
  },
  { name: 'Credentials', description: 'Issuing, finding and revoking OB 3.0 credentials.' },
  {
    name: 'Bulk issuance',
    description: 'Spreadsheet uploads issued in the background, with progress and row errors.',
  },
  {
    name: 'Pathways',
    description:
      'Stackable pathways: requirement trees whose completion is awarded automatically, progress, CLR 2.0 records, partnerships.',
  },
  { name: 'VC API', description: 'The W3C VC API issue and verify endpoints.' },
  { name: 'Public documents', description: 'What verifiers and wallets fetch: no token needed.' },
  { name: 'System', description: 'Health, this document, and its web page.' },
];

/**
 * The HTTP API: the versioned REST API under `/api/v1`, the W3C VC API, the public documents verifiers
 * fetch, and `/healthz`, `/openapi.json`, `/docs`. Every error leaves through one handler as RFC 9457
 * problem+json. The app does not listen: `main.ts` serves it, tests call `app.request()`.
 */
export function createApp(options: AppOptions): OpenAPIHono<PublicEnv> {
  const { platform } = options;
  const app = createRouter<PublicEnv>();

  app.use(requestId({ generator: options.generateRequestId ?? (() => randomUUID()), limitLength: 128 }));
  app.use(requestLogger({ logger: options.logger }));
  app.use(
    secureHeaders({
      // Status lists, DID documents and badge images are meant to be fetched and embedded by other sites.
      crossOriginResourcePolicy: 'cross-origin',
      referrerPolicy: 'no-referrer',
    }),
  );
  // Bearer tokens are not ambient credentials, so a browser on any origin may call the API and fetch documents.
  app.use(cors({ origin: '*', exposeHeaders: ['ETag', 'X-Request-Id', 'WWW-Authenticate'] }));
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new MicrocredError(
          ErrorCode.PAYLOAD_TOO_LARGE,
          `the request body is over the limit of ${maxSize} bytes`,
        );
      },
    });
  const requestLimit = limitOf(options.bodyLimitBytes);
  const uploadLimit = limitOf(options.bulkUploadLimitBytes ?? DEFAULT_BULK_UPLOAD_LIMIT_BYTES);
  const formUploadLimit = limitOf(FORM_UPLOAD_LIMIT_BYTES);
  app.use((c, next) => {
    if (c.req.method !== 'POST') return requestLimit(c, next);
    if (c.req.path === `/api/v1${BULK_JOBS_PATH}`) return uploadLimit(c, next);
    return FORM_UPLOAD_PATHS.has(c.req.path) ? formUploadLimit(c, next) : requestLimit(c, next);
  });
  app.use(strictJsonBody({ maxDepth: MAX_JSON_DEPTH }));

  const api = createRouter<ApiEnv>();
  api.use('*', bearerAuth({ platform }));
  api.route('/', issuerRoutes({ platform }));
  api.route('/', apiKeyRoutes({ platform }));
  api.route('/', memberRoutes({ platform }));
  api.route('/', achievementRoutes({ platform }));
  api.route('/', credentialRoutes({ platform }));
  api.route('/', bulkJobRoutes({ platform }));
  api.route('/', pathwayRoutes({ platform }));
  api.route('/', partnershipRoutes({ platform }));
  api.route('/', learnerRecordRoutes({ platform }));
  app.route('/api/v1', api);
  app.route('/', vcApiRoutes({ platform }));
  // Before the public documents: a browser asking for /credentials/{id} gets the page, anyone else the JSON.
  if (options.web !== undefined) app.route('/', webRoutes({ platform, ...options.web }));
  app.route('/', publicDocumentRoutes({ platform }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (`mc_…`, from `POST /api/v1/issuers/{id}/api-keys`) or the administrator token',
  });
  let document: OpenApiDocument | undefined;
  app.route(
    '/',
    systemRoutes({
      platform,
      document: () => {
        document ??= app.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: 'microcred API',
            version: '1.0.0',
            description:
              'Open Badges 3.0 micro-credentials: define achievements, issue and revoke signed credentials, verify any. ' +
              'Errors are RFC 9457 problem+json with a stable `code`.',
          },
          servers: [{ url: platform.context.publicUrl }],
          tags: TAGS,
        }) as unknown as OpenApiDocument;
        return document;
      },
    }),
  );

  // Browsers get pages for errors outside the page routes too (an unknown path, an oversized upload).
  const forBrowser = (c: Context) =>
    options.web !== undefined && !c.req.path.startsWith('/api/') && wantsHtml(c);
  app.notFound((c) => {
    const error = new MicrocredError(ErrorCode.NOT_FOUND, 'no such route');
    return forBrowser(c) ? renderWebError(c as unknown as Context<WebEnv>, error) : renderProblem(c, error);
  });
  app.onError((error, c) =>
    forBrowser(c) ? renderWebError(c as unknown as Context<WebEnv>, error) : renderProblem(c, error),
  );
  return app;
}
