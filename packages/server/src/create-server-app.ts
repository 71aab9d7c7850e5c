import { randomUUID } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { ServerError, ServerErrorCode } from './domain/error/server-error.js';
import type { Platform } from './domain/platform.js';
import { DEFAULT_RATE_LIMITS, type RateLimitRules } from './domain/rate-limit/rate-limit-rules.js';
import type { OperatorMetrics } from './edge/metrics/operator-metrics.js';
import { renderProblem } from './edge/problem/render-problem.js';
import type { PublicEnv } from './edge/public-env.js';
import { rateLimits } from './edge/rate-limits.js';
import {
  API_CLIENT_LIMITS,
  apiRoutes,
  isBulkUpload,
  requiresToken,
  verificationUploadLimit,
} from './http/api-routes.js';
import { createRouter } from './http/create-router.js';
import { describeApi } from './http/docs/describe-api.js';
import { authenticateCaller } from './http/middleware/bearer-auth.js';
import { limitBody } from './http/middleware/limit-body.js';
import { requestLogger } from './http/middleware/request-logger.js';
import { strictJsonBody } from './http/middleware/strict-json-body.js';
import { metricsRoutes } from './http/routes/metrics-routes.js';
import { publicDocumentRoutes } from './http/routes/public-document-routes.js';
import { type ProcessReadiness, readinessRoutes } from './http/routes/readiness-routes.js';
import { systemRoutes } from './http/routes/system-routes.js';
import { transparencyLogRoutes } from './http/routes/transparency-log-routes.js';
import { mountWebRoutes } from './web/mount-web-routes.js';
import {
  CONSOLE_CSV_REQUEST_LIMIT_BYTES,
  isConsoleCsvUpload,
  isPageUpload,
  PAGE_CLIENT_LIMITS,
  PAGE_UPLOAD_LIMIT_BYTES,
} from './web/shared/page-limits.js';
import { renderWebError } from './web/shared/render-web-error.js';
import { wantsHtml } from './web/shared/wants-html.js';
import type { WebEnv, WebOptions } from './web/shared/web-env.js';

export interface ServerAppOptions {
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
  /**
   * Rate limits, counted in the platform's database so that every process shares them. Default: on, with
   * `DEFAULT_RATE_LIMITS`, client addresses from the socket.
   */
  readonly rateLimits?: {
    readonly enabled?: boolean;
    readonly rules?: RateLimitRules;
    /** How many reverse proxies of ours stand in front (0: ignore `X-Forwarded-For`). */
    readonly trustProxy?: number;
  };
  /** The serving process's own state for `/readyz` (its workers, its shutdown); absent, only the database's. */
  readonly readiness?: () => ProcessReadiness;
  /** Prometheus metrics at `/metrics` (for `metricsToken` or the admin token); absent, no `/metrics`. */
  readonly metrics?: OperatorMetrics;
  readonly metricsToken?: string;
  /** `METRICS_PORT` is set: `/metrics` is served there, so not here (the requests are still timed). */
  readonly metricsOnOwnPort?: boolean;
}

const DEFAULT_BULK_UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

// Credentials nest about ten levels; the verifier refuses more than 64, so the API does too (V14).
const MAX_JSON_DEPTH = 64;

/**
 * The whole HTTP face of the platform: the API (`http/`: REST under `/api/v1`, the W3C VC API, the public
 * documents verifiers fetch, `/healthz`, `/openapi.json`, `/docs`) and the pages (`web/`), behind the
 * middleware they share. Neither side knows the other; this is where they meet. Errors leave as RFC 9457
 * problem+json, or as a page for a browser. The app does not listen: `main.ts` serves it, tests call
 * `app.request()`.
 */
export function createServerApp(options: ServerAppOptions): OpenAPIHono<PublicEnv> {
  const { platform } = options;
  const app = createRouter<PublicEnv>();

  app.use(requestId({ generator: options.generateRequestId ?? (() => randomUUID()), limitLength: 128 }));
  if (options.metrics !== undefined) app.use(options.metrics.httpMiddleware);
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
  // The order is the defence: who is asking, then whether they may ask now, then how much they may send;
  // only then does anything (the JSON checks, a route) read the body.
  app.use(authenticateCaller({ platform, required: requiresToken }));
  const limits = options.rateLimits ?? {};
  app.use(
    rateLimits({
      limiter: platform.rateLimiter({
        rules: limits.rules ?? DEFAULT_RATE_LIMITS,
        enabled: limits.enabled ?? true,
      }),
      trustProxy: limits.trustProxy ?? 0,
      clientLimits: [...API_CLIENT_LIMITS, ...(options.web === undefined ? [] : PAGE_CLIENT_LIMITS)],
      isBulkUpload,
    }),
  );
  const bulkUploadLimit = options.bulkUploadLimitBytes ?? DEFAULT_BULK_UPLOAD_LIMIT_BYTES;
  app.use(
    limitBody({
      maxBytes: (c) =>
        isBulkUpload(c)
          ? bulkUploadLimit
          : (verificationUploadLimit(c) ??
            (options.web !== undefined && isPageUpload(c)
              ? PAGE_UPLOAD_LIMIT_BYTES
              : options.web !== undefined && isConsoleCsvUpload(c)
                ? CONSOLE_CSV_REQUEST_LIMIT_BYTES
                : options.bodyLimitBytes)),
    }),
  );
  app.use(strictJsonBody({ maxDepth: MAX_JSON_DEPTH }));

  if (options.metrics !== undefined && options.metricsOnOwnPort !== true) {
    app.route(
      '/',
      metricsRoutes({
        metrics: options.metrics,
        ...(options.metricsToken === undefined ? {} : { token: options.metricsToken }),
      }),
    );
  }
  app.route('/', apiRoutes({ platform }));
  // Before the public documents: a browser asking for /credentials/{id} gets the page, anyone else the JSON.
  if (options.web !== undefined) mountWebRoutes(app, { platform, options: options.web });
  app.route('/', publicDocumentRoutes({ platform }));
  app.route('/', transparencyLogRoutes({ platform }));
  app.route(
    '/',
    readinessRoutes({ platform, ...(options.readiness === undefined ? {} : { process: options.readiness }) }),
  );
  app.route('/', systemRoutes({ platform, document: describeApi(app, { publicUrl: platform.publicUrl }) }));

  // Browsers get pages for errors outside the page routes too (an unknown path, an oversized upload).
  const forBrowser = (c: Context) =>
    options.web !== undefined && !c.req.path.startsWith('/api/') && wantsHtml(c);
  app.notFound((c) => {
    const error = new ServerError(ServerErrorCode.NOT_FOUND, 'no such route');
    return forBrowser(c)
      ? renderWebError(c as unknown as Context<WebEnv>, error, platform.policyUrls)
      : renderProblem(c, error);
  });
  app.onError((error, c) =>
    forBrowser(c)
      ? renderWebError(c as unknown as Context<WebEnv>, error, platform.policyUrls)
      : renderProblem(c, error),
  );
  return app;
}
