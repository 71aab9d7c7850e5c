import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Platform } from '../domain/platform.js';
import type { PublicEnv } from '../edge/public-env.js';
import type { ClientLimit } from '../edge/rate-limits.js';
import type { ApiEnv } from './app-env.js';
import { createRouter } from './create-router.js';
import { bearerAuth } from './middleware/bearer-auth.js';
import { renderImsxError } from './ob-api/imsx-status.js';
import { obApiRoutes } from './ob-api/ob-api-routes.js';
import { renderOAuthRateLimit } from './render-oauth-rate-limit.js';
import { achievementRoutes } from './routes/achievement-routes.js';
import { analyticsRoutes } from './routes/analytics-routes.js';
import { apiKeyRoutes } from './routes/api-key-routes.js';
import { BULK_JOBS_PATH, bulkJobRoutes } from './routes/bulk-job-routes.js';
import { catalogRoutes, PUBLIC_API_PATHS } from './routes/catalog-routes.js';
import { credentialRoutes } from './routes/credential-routes.js';
import { employerRoutes } from './routes/employer-routes.js';
import { endorsementRequestRoutes } from './routes/endorsement-request-routes.js';
import {
  endorsementReadRoutes,
  endorsementRoutes,
  PUBLIC_ENDORSEMENT_READS,
} from './routes/endorsement-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { issuerRoutes } from './routes/issuer-routes.js';
import { learnerRecordRoutes } from './routes/learner-record-routes.js';
import { memberRoutes } from './routes/member-routes.js';
import { openId4VciRoutes } from './routes/openid4vci-routes.js';
import { outcomeRoutes } from './routes/outcome-routes.js';
import { partnershipRoutes } from './routes/partnership-routes.js';
import { pathwayRoutes } from './routes/pathway-routes.js';
import { rolesRoutes } from './routes/roles-routes.js';
import { logProofRoutes, PUBLIC_LOG_READS } from './routes/transparency-log-routes.js';
import { trustRoutes } from './routes/trust-routes.js';
import { vcApiExchangeRoutes } from './routes/vc-api-exchange-routes.js';
import { vcApiRoutes } from './routes/vc-api-routes.js';
import { verificationBodyLimit, verificationRoutes } from './routes/verification-routes.js';
import { isSessionOfferRequest, walletOfferRoutes } from './routes/wallet-offer-routes.js';
import { workforceRoutes } from './routes/workforce-routes.js';

const API_PREFIX = '/api/v1';

const BULK_UPLOAD_TYPE =
  /^(?:text\/csv|application\/csv|application\/x-ndjson|application\/x-jsonlines)\s*(?:;.*)?$/i;

/** Where a bearer token is required: checked before anything reads a body. */
export function requiresToken(c: Context): boolean {
  const { path } = c.req;
  if (PUBLIC_API_PATHS.some((publicPath) => path === `${API_PREFIX}${publicPath}`)) return false;
  // The earner asks for a wallet offer with their session: the route checks it (and there is no token to).
  if (
    path.startsWith(`${API_PREFIX}/`) &&
    isSessionOfferRequest(c.req.method, path.slice(API_PREFIX.length), {
      authorization: c.req.header('Authorization'),
      cookie: c.req.header('Cookie'),
    })
  )
    return false;
  if (
    (c.req.method === 'GET' || c.req.method === 'HEAD') &&
    path.startsWith(`${API_PREFIX}/`) &&
    [...PUBLIC_ENDORSEMENT_READS, ...PUBLIC_LOG_READS].some((pattern) =>
      pattern.test(path.slice(API_PREFIX.length)),
    )
  )
    return false;
  return (
    path === API_PREFIX ||
    path.startsWith(`${API_PREFIX}/`) ||
    (c.req.method === 'POST' && path === '/credentials/issue')
  );
}

/** An authenticated upload of recipients (CSV or JSON lines): the only request allowed the large limit. */
export function isBulkUpload(c: Context): boolean {
  return (
    c.req.method === 'POST' &&
    c.req.path === `${API_PREFIX}${BULK_JOBS_PATH}` &&
    BULK_UPLOAD_TYPE.test(c.req.header('Content-Type') ?? '')
  );
}

/** The body limit of batch verification requests (larger than other JSON), or undefined for others. */
export function verificationUploadLimit(c: Context): number | undefined {
  return verificationBodyLimit(c, API_PREFIX);
}

/**
 * The API's per-client limits: anonymous verification costs us work, and the wallet and OAuth endpoints take
 * secrets anyone may try to guess. Each answers 429 in its protocol's error shape.
 */
export const API_CLIENT_LIMITS: readonly ClientLimit[] = [
  { methods: ['POST'], path: /^\/credentials\/verify\/?$/, name: 'verify-client' },
  // OB 3.0: an upsert verifies what it stores, as /credentials/verify does; a registration is rare.
  {
    methods: ['POST'],
    path: /^\/ims\/ob\/v3p0\/credentials$/,
    name: 'verify-client',
    respond: (c, error) => renderImsxError(c, error),
  },
  {
    methods: ['POST'],
    path: /^\/ims\/ob\/v3p0\/register$/,
    name: 'ob-register-client',
    respond: renderOAuthRateLimit,
  },
  {
    methods: ['POST'],
    path: /^\/ims\/ob\/v3p0\/(?:token|revoke)$/,
    name: 'ob-token-client',
    respond: renderOAuthRateLimit,
  },
  {
    methods: ['POST'],
    path: /^\/openid4vci\/(?:token|nonce|credential)$/,
    name: 'wallet-client',
    respond: renderOAuthRateLimit,
  },
  // Fetching an offer or an interaction, and posting to an exchange: problem+json, as the VC API answers.
  { methods: ['GET'], path: /^\/openid4vci\/offers\/[^/]+$/, name: 'wallet-client' },
  { methods: ['GET'], path: /^\/interactions\/[^/]+$/, name: 'wallet-client' },
  { methods: ['POST'], path: /^\/exchanges\/[^/]+$/, name: 'wallet-client' },
];

/** The versioned REST API under `/api/v1` (bearer tokens only), the W3C VC API and the OB 3.0 API. */
export function apiRoutes(options: { readonly platform: Platform }): OpenAPIHono<PublicEnv> {
  const { platform } = options;
  const routes = createRouter<PublicEnv>();
  // Registered first: these answer before the bearer authentication below is reached.
  routes.route(API_PREFIX, catalogRoutes({ platform }));
  routes.route(API_PREFIX, endorsementReadRoutes({ platform }));
  routes.route(API_PREFIX, logProofRoutes({ platform }));
  routes.route(API_PREFIX, walletOfferRoutes({ platform }));
  const api = createRouter<ApiEnv>();
  api.use('*', bearerAuth({ platform }));
  api.route('/', issuerRoutes({ platform }));
  api.route('/', trustRoutes({ platform }));
  api.route('/', apiKeyRoutes({ platform }));
  api.route('/', memberRoutes({ platform }));
  api.route('/', achievementRoutes({ platform }));
  api.route('/', outcomeRoutes({ platform }));
  api.route('/', credentialRoutes({ platform }));
  api.route('/', bulkJobRoutes({ platform }));
  api.route('/', pathwayRoutes({ platform }));
  api.route('/', partnershipRoutes({ platform }));
  api.route('/', learnerRecordRoutes({ platform }));
  api.route('/', rolesRoutes({ platform }));
  api.route('/', employerRoutes({ platform }));
  api.route('/', workforceRoutes({ platform }));
  api.route('/', endorsementRoutes({ platform }));
  api.route('/', endorsementRequestRoutes({ platform }));
  api.route('/', verificationRoutes({ platform, apiPrefix: API_PREFIX }));
  api.route('/', eventRoutes({ platform }));
  api.route('/', analyticsRoutes({ platform }));
  routes.route(API_PREFIX, api);
  routes.route('/', vcApiRoutes({ platform }));
  routes.route('/', openId4VciRoutes({ platform }));
  routes.route('/', vcApiExchangeRoutes({ platform }));
  // OB 3.0 at /ims/ob/v3p0: its own OAuth 2.0 tokens, not the API keys of /api/v1.
  routes.route('/', obApiRoutes({ platform }));
  return routes;
}
