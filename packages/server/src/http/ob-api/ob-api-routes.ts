import type { Context } from 'hono';
import { Hono } from 'hono';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { ClientCredentials } from '../../domain/ob-api/authenticate-client.js';
import { assertObScope, type ObApiCaller } from '../../domain/ob-api/authenticate-ob-token.js';
import type { HostedCredential } from '../../domain/ob-api/hosted-credentials.js';
import { isOAuthError, OAuthError } from '../../domain/ob-api/oauth-error.js';
import { OB_SCOPES, type ObScope } from '../../domain/ob-api/ob-api-scopes.js';
import type { Platform } from '../../domain/platform.js';
import type { PublicEnv } from '../../edge/public-env.js';
import { enforceRateLimit } from '../../edge/rate-limits.js';
import { renderOAuthRateLimit } from '../render-oauth-rate-limit.js';
import { type ImsxCodeMinor, renderImsxError } from './imsx-status.js';
import { serviceDescription } from './service-description.js';

export const OB_API_PREFIX = '/ims/ob/v3p0';

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;
const BASIC = /^Basic +([A-Za-z0-9+/]+=*) *$/i;
const FORM = /^application\/x-www-form-urlencoded\s*(?:;.*)?$/i;
// The portfolio holds at most 1,000 credentials: one page can carry them all.
const MAX_LIMIT = 1000;

/** RFC 6749 §5.1/§5.2: token answers are never cached. */
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function renderOAuthError(c: Context<PublicEnv>, error: unknown): Response {
  if (!isOAuthError(error)) return renderOAuthRateLimit(c, error);
  return c.json({ error: error.code, error_description: error.message }, error.status, {
    ...NO_STORE,
    ...(error.status === 401 ? { 'WWW-Authenticate': 'Basic realm="microcred"' } : {}),
  });
}

/** The form of a token or revocation request; `invalid_request` for any other body. */
async function readOAuthForm(c: Context<PublicEnv>): Promise<Record<string, string>> {
  if (!FORM.test(c.req.header('Content-Type') ?? ''))
    throw new OAuthError('invalid_request', 'send the request as application/x-www-form-urlencoded');
  const params = new URLSearchParams(await c.req.text());
  const form: Record<string, string> = {};
  for (const [name, value] of params) {
    // RFC 6749 §3.1: a parameter sent twice makes the request invalid.
    if (name in form) throw new OAuthError('invalid_request', `${name} is sent more than once`);
    form[name] = value;
  }
  return form;
}

function decodeFormPart(value: string): string {
  return decodeURIComponent(value.replaceAll('+', ' '));
}

/**
 * Counts a token or revocation request under the client id it names, from whatever address: bounds guessing
 * one client's secret, or its refresh tokens, from many.
 */
async function countClientUse(c: Context<PublicEnv>, client: ClientCredentials | null): Promise<void> {
  const clientId = client?.clientId ?? '';
  if (clientId !== '') await enforceRateLimit(c, 'ob-token-oauth-client', clientId);
}

/** How the client identified itself (RFC 6749 §2.3.1): one method only. */
function clientCredentials(c: Context<PublicEnv>, form: Record<string, string>): ClientCredentials | null {
  const header = c.req.header('Authorization');
  if (header !== undefined) {
    const encoded = BASIC.exec(header)?.[1];
    if (encoded === undefined) throw new OAuthError('invalid_client', 'use HTTP Basic client authentication');
    if (form.client_secret !== undefined)
      throw new OAuthError('invalid_request', 'authenticate the client one way only');
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const split = decoded.indexOf(':');
    if (split < 0) throw new OAuthError('invalid_client', 'malformed Basic credentials');
    try {
      return {
        clientId: decodeFormPart(decoded.slice(0, split)),
        clientSecret: decodeFormPart(decoded.slice(split + 1)),
        via: 'basic',
      };
    } catch {
      throw new OAuthError('invalid_client', 'malformed Basic credentials');
    }
  }
  if (form.client_id === undefined) return null;
  return form.client_secret === undefined
    ? { clientId: form.client_id, clientSecret: null, via: 'none' }
    : { clientId: form.client_id, clientSecret: form.client_secret, via: 'post' };
}

/** An integer query parameter, or `invalid_query_parameter`. */
function integerParameter(c: Context<PublicEnv>, name: string, minimum: number): number | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < minimum)
    throw Object.assign(
      new ServerError(ServerErrorCode.VALIDATION_ERROR, `${name} must be an integer of at least ${minimum}`),
      {
        imsxMinor: 'invalid_query_parameter' as ImsxCodeMinor,
      },
    );
  return Number(value);
}

/** RFC 8288 links to the first, previous, next and last pages (OB 3.0 §"Paging"). */
function pageLinks(url: URL, page: { limit: number; offset: number; total: number }): string {
  const at = (offset: number) => {
    const target = new URL(url);
    target.searchParams.set('limit', String(page.limit));
    target.searchParams.set('offset', String(offset));
    return target.toString();
  };
  const lastOffset = page.total === 0 ? 0 : Math.floor((page.total - 1) / page.limit) * page.limit;
  const links = [`<${at(0)}>; rel="first"`, `<${at(lastOffset)}>; rel="last"`];
  if (page.offset + page.limit < page.total) links.push(`<${at(page.offset + page.limit)}>; rel="next"`);
  if (page.offset > 0) links.push(`<${at(Math.max(0, page.offset - page.limit))}>; rel="prev"`);
  return links.join(', ');
}

function credentialBody(credential: HostedCredential): { json: unknown } | { text: string } {
  return credential.kind === 'json' ? { json: credential.document } : { text: credential.jwt };
}

/**
 * The OB 3.0 REST API (Host role) at `/ims/ob/v3p0`: the public Service Description Document; RFC 7591
 * registration, the token endpoint (authorization code with PKCE, refresh with rotation) and RFC 7009
 * revocation, which answer OAuth's own errors; and the earner's credentials and profile for a bearer
 * token's scopes, which answer Imsx_StatusInfo. The consent page is the earner's (`web/earner`).
 */
export function obApiRoutes(options: { readonly platform: Platform }): Hono<PublicEnv> {
  const { platform } = options;
  const routes = new Hono<PublicEnv>();
  const discovery = serviceDescription({
    publicUrl: platform.publicUrl,
    name: new URL(platform.publicUrl).host,
    policies: platform.policyUrls,
  });

  routes.get(`${OB_API_PREFIX}/discovery`, (c) =>
    c.json(discovery, 200, { 'Cache-Control': 'public, max-age=3600' }),
  );

  routes.post(`${OB_API_PREFIX}/register`, async (c) => {
    try {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new OAuthError('invalid_client_metadata', 'send the client metadata as a JSON object');
      }
      const { client, clientSecret } = await platform.obApi.registerClient(body);
      return c.json(
        {
          client_id: client.clientId,
          ...(clientSecret === null ? {} : { client_secret: clientSecret, client_secret_expires_at: 0 }),
          client_id_issued_at: Math.floor(client.createdAt.getTime() / 1000),
          client_name: client.name,
          client_uri: client.clientUri,
          logo_uri: client.logoUri,
          tos_uri: client.tosUri,
          policy_uri: client.policyUri,
          software_id: client.softwareId,
          software_version: client.softwareVersion,
          redirect_uris: client.redirectUris,
          scope: client.scope,
          token_endpoint_auth_method: client.tokenEndpointAuthMethod,
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
        },
        201,
        NO_STORE,
      );
    } catch (error) {
      return renderOAuthError(c, error);
    }
  });

  routes.post(`${OB_API_PREFIX}/token`, async (c) => {
    try {
      const form = await readOAuthForm(c);
      const client = clientCredentials(c, form);
      await countClientUse(c, client);
      const tokens = await platform.obApi.exchangeToken(client, form);
      return c.json(tokens, 200, NO_STORE);
    } catch (error) {
      return renderOAuthError(c, error);
    }
  });

  routes.post(`${OB_API_PREFIX}/revoke`, async (c) => {
    try {
      const form = await readOAuthForm(c);
      const client = clientCredentials(c, form);
      await countClientUse(c, client);
      await platform.obApi.revokeToken(client, form);
      return c.body(null, 200, NO_STORE);
    } catch (error) {
      return renderOAuthError(c, error);
    }
  });

  /** The bearer token's earner, if it carries `scope`; errors rendered as Imsx_StatusInfo. */
  const secured =
    (scope: ObScope, handle: (c: Context<PublicEnv>, caller: ObApiCaller) => Promise<Response>) =>
    async (c: Context<PublicEnv>) => {
      try {
        const token = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
        if (token === undefined)
          throw new ServerError(
            ServerErrorCode.UNAUTHORIZED,
            'send an access token as `Authorization: Bearer <token>`',
          );
        const caller = await platform.obApi.authenticate(token);
        assertObScope(caller, scope);
        return await handle(c, caller);
      } catch (error) {
        const minor = (error as { imsxMinor?: ImsxCodeMinor }).imsxMinor;
        return renderImsxError(c, error, { requiredScope: scope, ...(minor === undefined ? {} : { minor }) });
      }
    };

  routes.get(
    `${OB_API_PREFIX}/credentials`,
    secured(OB_SCOPES.credentialReadonly, async (c, caller) => {
      const limit = Math.min(integerParameter(c, 'limit', 1) ?? MAX_LIMIT, MAX_LIMIT);
      const offset = integerParameter(c, 'offset', 0) ?? 0;
      const page = await platform.obApi.listCredentials(caller.earnerId, { limit, offset });
      c.header('X-Total-Count', String(page.total));
      c.header('Link', pageLinks(new URL(c.req.url), { limit, offset, total: page.total }));
      c.header('Cache-Control', 'no-store');
      // GetOpenBadgeCredentialsResponse: JSON credentials in `credential`, VC-JWTs in `compactJwsString`.
      const credential = page.credentials.flatMap((item) => (item.kind === 'json' ? [item.document] : []));
      const compactJwsString = page.credentials.flatMap((item) => (item.kind === 'jwt' ? [item.jwt] : []));
      return c.json({
        ...(credential.length === 0 ? {} : { credential }),
        ...(compactJwsString.length === 0 ? {} : { compactJwsString }),
      });
    }),
  );

  routes.post(
    `${OB_API_PREFIX}/credentials`,
    secured(OB_SCOPES.credentialUpsert, async (c, caller) => {
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
      let input: Record<string, unknown> | string;
      if (type === 'application/json' || type === 'application/ld+json') {
        const body: unknown = await c.req.json().catch(() => null);
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          throw new ServerError(
            ServerErrorCode.VALIDATION_ERROR,
            'send an AchievementCredential as a JSON object',
          );
        input = body as Record<string, unknown>;
      } else if (type === 'text/plain') {
        input = (await c.req.text()).trim();
      } else {
        throw new ServerError(
          ServerErrorCode.UNSUPPORTED_MEDIA_TYPE,
          'send an AchievementCredential as application/json, or a VC-JWT as text/plain',
        );
      }
      const outcome = await platform.obApi.upsertCredential(caller.earnerId, input);
      const body = credentialBody(outcome.credential);
      const status = outcome.created ? 201 : 200;
      return 'json' in body ? c.json(body.json, status) : c.text(body.text, status);
    }),
  );

  routes.get(
    `${OB_API_PREFIX}/profile`,
    secured(OB_SCOPES.profileReadonly, async (c, caller) =>
      c.json(await platform.obApi.profile(caller.earnerId), 200, { 'Cache-Control': 'no-store' }),
    ),
  );

  routes.put(
    `${OB_API_PREFIX}/profile`,
    secured(OB_SCOPES.profileUpdate, async (c, caller) => {
      const body: unknown = await c.req.json().catch(() => {
        throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'send the whole Profile as a JSON object');
      });
      return c.json(await platform.obApi.updateProfile(caller.earnerId, body), 200, {
        'Cache-Control': 'no-store',
      });
    }),
  );

  return routes;
}
