import { createHash, randomBytes } from 'node:crypto';
import { parseIJson } from '@microcred/vc';
import { hashSecret, newSecret } from '../earner/email-links.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { ObHostAnswer, ObHostTransport } from '../ports/index.js';
import type { UpsertOutcome } from './hosted-credentials.js';
import { OB_SCOPES } from './ob-api-scopes.js';

const CONNECTION_LIFETIME_MS = 10 * 60 * 1000;
// Paging through another host: its pages of at most this many, and no more pages than this in all.
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/** The redirect URI this platform registers at other hosts: the earner's return to their account. */
export function backpackCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/account/backpacks/callback`;
}

function refused(message: string): ServerError {
  return new ServerError(ServerErrorCode.VALIDATION_ERROR, message);
}

function jsonOf(answer: ObHostAnswer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseIJson(new TextDecoder('utf-8', { fatal: true }).decode(answer.body));
  } catch {
    throw refused(`the other host's ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw refused(`the other host's ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function urlField(value: unknown, name: string): string {
  if (typeof value !== 'string') throw refused(`the other host's Service Description names no ${name}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refused(`the other host's ${name} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw refused(`the other host's ${name} is not an http(s) URL`);
  return url.toString();
}

/** The other host's base URL as the earner typed it: an origin, or a URL under which `/ims/ob/v3p0` sits. */
function discoveryUrlOf(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw refused('enter the address of the other platform, such as https://badges.example.org');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused('enter an https address');
  const path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith('/ims/ob/v3p0/discovery')) return new URL(path, url.origin);
  if (path.endsWith('/ims/ob/v3p0')) return new URL(`${path}/discovery`, url.origin);
  return new URL(`${path}/ims/ob/v3p0/discovery`, url.origin);
}

/**
 * Starts pulling an earner's credentials from another OB 3.0 host (the client side of the API): reads
 * its Service Description, registers this platform there (RFC 7591), and keeps for ten minutes what the
 * return needs (the PKCE verifier, the client's secret); returns where to send the earner to consent.
 */
export async function startBackpackConnection(
  context: PlatformContext,
  transport: ObHostTransport,
  earnerId: string,
  input: { readonly url: string },
): Promise<{ readonly authorizationUrl: string; readonly host: string }> {
  const discoveryUrl = discoveryUrlOf(input.url);
  const discovery = await transport.exchange(discoveryUrl.toString(), {
    method: 'GET',
    headers: { accept: 'application/json' },
  });
  if (discovery.status !== 200)
    throw refused(
      `${discoveryUrl.host} has no Open Badges 3.0 API (HTTP ${discovery.status} at its discovery address)`,
    );
  const description = jsonOf(discovery, 'Service Description');
  const scheme = field(description, 'components', 'securitySchemes', 'OAuth2ACG');
  const registrationUrl = urlField(field(scheme, 'x-imssf-registrationUrl'), 'registration URL');
  const authorizationUrl = urlField(
    field(scheme, 'flows', 'authorizationCode', 'authorizationUrl'),
    'authorization URL',
  );
  const tokenUrl = urlField(field(scheme, 'flows', 'authorizationCode', 'tokenUrl'), 'token URL');
  const servers = field(description, 'servers');
  const server = Array.isArray(servers) ? field(servers[0], 'url') : undefined;
  const base =
    typeof server === 'string'
      ? urlField(server, 'server URL')
      : discoveryUrl.toString().replace(/\/discovery$/, '');

  const redirectUri = backpackCallbackUrl(context.publicUrl);
  const registration = await transport.exchange(registrationUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      client_name: new URL(context.publicUrl).host,
      client_uri: `${context.publicUrl}/`,
      logo_uri: `${context.publicUrl}/assets/icon.svg`,
      tos_uri: context.policyUrls.onThisHost.termsOfService,
      policy_uri: context.policyUrls.onThisHost.privacyPolicy,
      software_id: 'microcred',
      software_version: '0.1.0',
      redirect_uris: [redirectUri],
      scope: OB_SCOPES.credentialReadonly,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    }),
  });
  const registered = jsonOf(registration, 'registration answer');
  if (registration.status !== 201 && registration.status !== 200)
    throw refused(
      `${new URL(registrationUrl).host} refused to register this platform: ${String(registered.error_description ?? registered.error ?? registration.status)}`,
    );
  const clientId = registered.client_id;
  const clientSecret = registered.client_secret;
  if (typeof clientId !== 'string' || clientId === '')
    throw refused(`${new URL(registrationUrl).host} gave no client_id`);

  const state = newSecret();
  const codeVerifier = randomBytes(48).toString('base64url');
  await context.storage.obBackpackConnections.insert({
    stateHash: hashSecret(state),
    earnerId,
    host: discoveryUrl.host,
    tokenUrl,
    credentialsUrl: `${base.replace(/\/+$/, '')}/credentials`,
    clientId,
    clientSecret: typeof clientSecret === 'string' ? clientSecret : null,
    codeVerifier,
    redirectUri,
    expiresAt: new Date(context.now().getTime() + CONNECTION_LIFETIME_MS),
  });
  const authorize = new URL(authorizationUrl);
  for (const [name, value] of Object.entries({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: OB_SCOPES.credentialReadonly,
    state,
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
  }))
    authorize.searchParams.set(name, value);
  return { authorizationUrl: authorize.toString(), host: discoveryUrl.host };
}

/** What a pull brought: how many credentials the other host gave and how each import went. */
export interface BackpackPull {
  readonly host: string;
  readonly received: number;
  readonly added: number;
  readonly verified: number;
}

function basicAuthorization(clientId: string, secret: string): string {
  // RFC 6749 §2.3.1: each part form-encoded before the two are joined and base64-encoded.
  const encode = (value: string) => encodeURIComponent(value).replaceAll('%20', '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/**
 * The earner's return from the other host: the code for an access token (with the PKCE verifier), then
 * every page of GET /credentials, each credential going through the import's verification (the same
 * one the OB API's upsert uses, so one already held is not copied twice).
 */
export async function finishBackpackConnection(
  context: PlatformContext,
  transport: ObHostTransport,
  upsert: (earnerId: string, credential: Record<string, unknown> | string) => Promise<UpsertOutcome>,
  earnerId: string,
  answer: { readonly state: string; readonly code?: string | undefined; readonly error?: string | undefined },
): Promise<BackpackPull> {
  const connection = await context.storage.obBackpackConnections.take({
    stateHash: hashSecret(answer.state),
    earnerId,
    at: context.now(),
  });
  if (connection === null)
    throw new ServerError(
      ServerErrorCode.NOT_FOUND,
      'this connection expired or was already used: start again',
    );
  if (answer.error !== undefined || answer.code === undefined)
    throw refused(
      `${connection.host} did not allow access${answer.error === undefined ? '' : ` (${answer.error})`}`,
    );
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: answer.code,
    redirect_uri: connection.redirectUri,
    code_verifier: connection.codeVerifier,
    ...(connection.clientSecret === null ? { client_id: connection.clientId } : {}),
  });
  const token = await transport.exchange(connection.tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...(connection.clientSecret === null
        ? {}
        : { authorization: basicAuthorization(connection.clientId, connection.clientSecret) }),
    },
    body: form.toString(),
  });
  const tokens = jsonOf(token, 'token answer');
  if (token.status !== 200 || typeof tokens.access_token !== 'string')
    throw refused(`${connection.host} gave no access token (${String(tokens.error ?? token.status)})`);

  let received = 0;
  let added = 0;
  let verified = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const url = new URL(connection.credentialsUrl);
    url.searchParams.set('limit', String(PAGE_SIZE));
    url.searchParams.set('offset', String(page * PAGE_SIZE));
    const answerPage = await transport.exchange(url.toString(), {
      method: 'GET',
      headers: { authorization: `Bearer ${tokens.access_token}`, accept: 'application/json' },
      readHeaders: ['x-total-count'],
    });
    if (answerPage.status !== 200)
      throw refused(`${connection.host} did not give the credentials (HTTP ${answerPage.status})`);
    const body = jsonOf(answerPage, 'credentials');
    const documents = Array.isArray(body.credential) ? body.credential : [];
    const jwts = Array.isArray(body.compactJwsString) ? body.compactJwsString : [];
    const items = [...documents, ...jwts].filter(
      (item): item is Record<string, unknown> | string =>
        typeof item === 'string' || (typeof item === 'object' && item !== null && !Array.isArray(item)),
    );
    for (const item of items) {
      received += 1;
      const outcome = await upsert(earnerId, item);
      if (outcome.created) added += 1;
      if (outcome.verified) verified += 1;
    }
    const total = Number(answerPage.headers['x-total-count']);
    const more = Number.isFinite(total) ? (page + 1) * PAGE_SIZE < total : items.length === PAGE_SIZE;
    if (!more || items.length === 0) break;
  }
  return { host: connection.host, received, added, verified };
}
