import '@hono/zod-openapi';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import { loadConfig } from '../config.js';
import { testDrivers } from '../db/open-test-database.js';
import { DEFAULT_RATE_LIMITS, type RateLimitRules } from '../domain/rate-limit/rate-limit-rules.js';

const MINUTE = 60_000;
const GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function rules(overrides: Partial<RateLimitRules>): RateLimitRules {
  return { ...DEFAULT_RATE_LIMITS, ...overrides };
}

/** A client address of its own for each test, behind the one trusted proxy. */
function newClient(): string {
  const bytes = randomBytes(2);
  return `198.51.${bytes[0]}.${bytes[1]}`;
}
const from = (client: string, headers: Record<string, string> = {}) => ({
  ...headers,
  'X-Forwarded-For': `203.0.113.250, ${client}`,
});
const secret = () => randomBytes(32).toString('base64url');

describe.each(testDrivers())('rate limits of the wallet and OAuth endpoints on %s', (driver) => {
  let test: TestApp;

  beforeAll(async () => {
    test = await openTestApp(driver, {
      rateLimits: {
        trustProxy: 1,
        rules: rules({
          'wallet-client': { limit: 3, windowMs: MINUTE },
          'wallet-secret': { limit: 2, windowMs: MINUTE },
          'ob-register-client': { limit: 2, windowMs: MINUTE },
          'ob-token-client': { limit: 3, windowMs: MINUTE },
          'ob-token-oauth-client': { limit: 2, windowMs: MINUTE },
          'verify-client': { limit: 2, windowMs: MINUTE },
        }),
      },
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  const tokenRequest = (client: string, code: string, txCode?: string) =>
    test.call('/openid4vci/token', {
      body: new URLSearchParams({
        grant_type: GRANT,
        'pre-authorized_code': code,
        ...(txCode === undefined ? {} : { tx_code: txCode }),
      }).toString(),
      headers: from(client, FORM),
    });

  it('limits OpenID4VCI nonce requests per client address, answering 429 in OAuth’s error object with Retry-After', async () => {
    const client = newClient();
    for (let index = 0; index < 3; index += 1) {
      expect((await test.call('/openid4vci/nonce', { method: 'POST', headers: from(client) })).status).toBe(
        200,
      );
    }
    const refused = await test.call('/openid4vci/nonce', { method: 'POST', headers: from(client) });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ error: 'temporarily_unavailable' });
    expect(typeof refused.body.error_description).toBe('string');
    // The token and credential endpoints count against the same client; another client is not affected.
    expect((await tokenRequest(client, secret())).status).toBe(429);
    expect(
      (await test.call('/openid4vci/nonce', { method: 'POST', headers: from(newClient()) })).status,
    ).toBe(200);
  });

  it('bounds guessing pre-authorized codes from one address: unknown codes get invalid_grant, then 429', async () => {
    const client = newClient();
    const answers = [];
    for (let index = 0; index < 4; index += 1) answers.push(await tokenRequest(client, secret()));
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 429]);
    expect(answers.map((answer) => answer.body.error)).toEqual([
      'invalid_grant',
      'invalid_grant',
      'invalid_grant',
      'temporarily_unavailable',
    ]);
    expect(answers[3]?.headers.get('retry-after')).not.toBeNull();
  });

  it('bounds the tries of one pre-authorized code (a tx_code guessed) from many addresses', async () => {
    const code = secret();
    const statuses = [];
    for (let index = 0; index < 3; index += 1)
      statuses.push((await tokenRequest(newClient(), code, '123456')).status);
    expect(statuses).toEqual([400, 400, 429]);
    // Another code, from the same kind of fresh address, is its own count.
    expect((await tokenRequest(newClient(), secret(), '123456')).status).toBe(400);
  });

  it('bounds the uses of one access token at the credential endpoint from many addresses', async () => {
    const token = secret();
    const ask = () =>
      test.call('/openid4vci/credential', {
        json: { credential_configuration_id: 'OpenBadgeCredential_ldp_vc' },
        headers: from(newClient(), { Authorization: `Bearer ${token}` }),
      });
    const first = await ask();
    expect(first.status).toBe(401);
    expect(first.body.error).toBe('invalid_token');
    expect((await ask()).status).toBe(401);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('temporarily_unavailable');
    expect(refused.headers.get('retry-after')).not.toBeNull();
  });

  it('limits offers, VC-API interactions and exchanges per client address, answering problem+json', async () => {
    const client = newClient();
    const id = '3f0f5b4c-2a8e-4d57-9d4e-6c1b2a3d4e5f';
    expect((await test.call(`/openid4vci/offers/${secret()}`, { headers: from(client) })).status).toBe(404);
    expect((await test.call(`/interactions/${id}?iuv=1`, { headers: from(client) })).status).toBe(404);
    expect((await test.call(`/exchanges/${id}`, { json: {}, headers: from(client) })).status).toBe(404);
    const refused = await test.call(`/exchanges/${id}`, { json: {}, headers: from(client) });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await test.call(`/interactions/${id}?iuv=1`, { headers: from(client) })).status).toBe(429);
    expect((await test.call(`/openid4vci/offers/${secret()}`, { headers: from(client) })).status).toBe(429);
  });

  it('bounds the posts to one exchange from many addresses', async () => {
    const id = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
    const post = () => test.call(`/exchanges/${id}`, { json: {}, headers: from(newClient()) });
    expect([(await post()).status, (await post()).status, (await post()).status]).toEqual([404, 404, 429]);
  });

  it('limits OB 3.0 client registrations per address, in RFC 7591’s error object', async () => {
    const client = newClient();
    const register = () => test.call('/ims/ob/v3p0/register', { json: {}, headers: from(client) });
    expect((await register()).body.error).toBe('invalid_client_metadata');
    expect((await register()).status).toBe(400);
    const refused = await register();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'temporarily_unavailable' });
    expect(refused.headers.get('retry-after')).not.toBeNull();
    // Registration no longer shares sign-in's count.
    expect((await test.call('/ims/ob/v3p0/register', { json: {}, headers: from(newClient()) })).status).toBe(
      400,
    );
  });

  it('limits OB 3.0 token and revocation requests per address, and per client id from any address', async () => {
    const client = newClient();
    const form = (fields: Record<string, string>, address: string) => ({
      body: new URLSearchParams(fields).toString(),
      headers: from(address, FORM),
    });
    // Per address: anonymous refresh attempts, then a revocation, share one count.
    const refresh = { grant_type: 'refresh_token', refresh_token: secret() };
    // Without client authentication: invalid_client.
    expect((await test.call('/ims/ob/v3p0/token', form(refresh, client))).status).toBe(401);
    expect((await test.call('/ims/ob/v3p0/token', form(refresh, client))).status).toBe(401);
    expect((await test.call('/ims/ob/v3p0/revoke', form({ token: secret() }, client))).status).toBe(401);
    const refused = await test.call('/ims/ob/v3p0/token', form(refresh, client));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('temporarily_unavailable');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(refused.headers.get('retry-after')).not.toBeNull();

    // Per client id: guessing one client's secret from many addresses.
    const clientId = `client-${randomBytes(4).toString('hex')}`;
    const guess = () =>
      test.call(
        '/ims/ob/v3p0/token',
        form(
          {
            grant_type: 'refresh_token',
            refresh_token: secret(),
            client_id: clientId,
            client_secret: secret(),
          },
          newClient(),
        ),
      );
    const first = await guess();
    expect(first.status).toBe(401);
    expect(first.body.error).toBe('invalid_client');
    expect((await guess()).status).toBe(401);
    const bounded = await guess();
    expect(bounded.status).toBe(429);
    expect(bounded.body.error).toBe('temporarily_unavailable');
  });

  it('answers an OB 3.0 upsert past its limit in Imsx_StatusInfo, server_busy', async () => {
    const client = newClient();
    const upsert = () =>
      test.call('/ims/ob/v3p0/credentials', {
        json: {},
        headers: from(client, { Authorization: `Bearer ${secret()}` }),
      });
    expect((await upsert()).status).toBe(401);
    expect((await upsert()).status).toBe(401);
    const refused = await upsert();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(refused.body).toMatchObject({
      imsx_codeMajor: 'failure',
      imsx_severity: 'error',
      imsx_codeMinor: {
        imsx_codeMinorField: [
          { imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: 'server_busy' },
        ],
      },
    });
  });
});

describe('MICROCRED_RATE_LIMIT=off, at the wallet and OAuth endpoints', () => {
  let test: TestApp;
  beforeAll(async () => {
    const config = loadConfig({
      DATA_DIR: ':memory:',
      MICROCRED_RATE_LIMIT: 'off',
      RATE_LIMIT_WALLET_CLIENT: '1/1h',
      RATE_LIMIT_WALLET_SECRET: '1/1h',
      RATE_LIMIT_OB_TOKEN_CLIENT: '1/1h',
    });
    expect(config.rateLimit.enabled).toBe(false);
    expect(config.rateLimit.rules['wallet-secret']).toEqual({ limit: 1, windowMs: 60 * MINUTE });
    test = await openTestApp('pglite', {
      rateLimits: { ...config.rateLimit, trustProxy: config.trustProxy },
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('counts nothing', async () => {
    const code = secret();
    for (let index = 0; index < 5; index += 1) {
      expect((await test.call('/openid4vci/nonce', { method: 'POST' })).status).toBe(200);
      const token = await test.call('/openid4vci/token', {
        body: new URLSearchParams({ grant_type: GRANT, 'pre-authorized_code': code }).toString(),
        headers: FORM,
      });
      expect(token.body.error).toBe('invalid_grant');
      const refresh = await test.call('/ims/ob/v3p0/token', {
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: code }).toString(),
        headers: FORM,
      });
      expect(refresh.body.error).toBe('invalid_client');
    }
  });
});
