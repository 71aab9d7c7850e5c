import '@hono/zod-openapi';
import { randomBytes } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN, PUBLIC_URL } from '../../test/support/test-platform.js';
import { loadConfig } from '../config.js';
import { createServerApp } from '../create-server-app.js';
import { AesGcmKeyStore, createPgStorage, type DatabaseHandle, openDatabase } from '../db/index.js';
import { openTestDatabase, type TestDriver, testDrivers } from '../db/open-test-database.js';
import { createPlatform, type Platform } from '../domain/platform.js';
import { DEFAULT_RATE_LIMITS, type RateLimitRules } from '../domain/rate-limit/rate-limit-rules.js';
import type { PublicEnv } from '../edge/public-env.js';

const HTML = { Accept: 'text/html' };
const MINUTE = 60_000;

function rules(overrides: Partial<RateLimitRules>): RateLimitRules {
  return { ...DEFAULT_RATE_LIMITS, ...overrides };
}

/** A browser's sign-in: the form's anti-CSRF token, then the post. */
async function signIn(app: OpenAPIHono<PublicEnv>, email: string): Promise<Response> {
  const page = await app.request('/signin', { headers: HTML });
  const cookie = /mc_csrf=([A-Za-z0-9_-]{43})/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  return app.request('/signin', {
    method: 'POST',
    body: `email=${encodeURIComponent(email)}&_csrf=${token}`,
    headers: { ...HTML, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `mc_csrf=${cookie}` },
  });
}

async function mailsTo(platform: Platform, address: string): Promise<number> {
  return (await platform.mail.list(1000)).filter((mail) => mail.toAddress === address).length;
}

const verifyAnything = (client: string) => ({
  method: 'POST',
  body: JSON.stringify({ verifiableCredential: {} }),
  headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.250, ${client}` },
});

describe.each(testDrivers())('rate limits over HTTP on %s', (driver) => {
  let test: TestApp;
  let now = new Date('2030-03-01T10:00:00Z');

  beforeAll(async () => {
    test = await openTestApp(driver, {
      web: { secureCookies: false, devMailbox: false },
      platform: { now: () => now },
      rateLimits: {
        trustProxy: 1,
        rules: rules({
          'verify-client': { limit: 3, windowMs: MINUTE },
          'api-key': { limit: 3, windowMs: MINUTE },
        }),
      },
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('sends at most 5 sign-in mails to one address per quarter hour: the 6th request is a 429 with Retry-After', async () => {
    const address = `bombed-${randomBytes(3).toString('hex')}@example.org`;
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let index = 0; index < 6; index += 1) {
      last = await signIn(test.app, index % 2 === 0 ? address : ` ${address.toUpperCase()}`);
      statuses.push(last.status);
    }
    // A sent link answers 303 to the page that says so (Post/Redirect/Get).
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last?.text()).toContain('Too many requests');
    expect(await mailsTo(test.platform, address)).toBe(5);
    // Another inbox is not affected.
    expect((await signIn(test.app, `other-${address}`)).status).toBe(303);
    // Once the quarter hour (and the weight of the burst) has passed, a link can be asked for again.
    now = new Date(now.getTime() + 25 * MINUTE);
    expect((await signIn(test.app, address)).status).toBe(303);
    expect(await mailsTo(test.platform, address)).toBe(6);
  });

  it('limits verification per client address, taken from X-Forwarded-For behind one trusted proxy', async () => {
    const client = '198.51.100.7';
    for (let index = 0; index < 3; index += 1) {
      expect((await test.app.request('/credentials/verify', verifyAnything(client))).status).toBe(200);
    }
    const refused = await test.app.request('/credentials/verify', verifyAnything(client));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const problem = (await refused.json()) as { code: string; status: number };
    expect(problem).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    // The verify page counts against the same client, and another client is not affected.
    const page = await test.app.request('/verify?url=https%3A%2F%2Fexample.org%2Fc', {
      headers: { ...HTML, 'X-Forwarded-For': client },
    });
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).not.toBeNull();
    expect((await test.app.request('/credentials/verify', verifyAnything('198.51.100.8'))).status).toBe(200);
  });

  it('limits requests with an API key per key, not per client address', async () => {
    const issuer = await test.platform.issuers.create(ADMIN, {
      slug: `keys-${randomBytes(3).toString('hex')}`,
      name: 'Keys',
    });
    const first = (await test.platform.apiKeys.create(ADMIN, issuer.id, { name: 'one', role: 'viewer' }))
      .token;
    const second = (await test.platform.apiKeys.create(ADMIN, issuer.id, { name: 'two', role: 'viewer' }))
      .token;
    const list = (token: string) =>
      test.app.request('/api/v1/achievements', { headers: { Authorization: `Bearer ${token}` } });
    expect([(await list(first)).status, (await list(first)).status, (await list(first)).status]).toEqual([
      200, 200, 200,
    ]);
    const refused = await list(first);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    // Same client, another key: its own count. And the key's requests did not use up the client's.
    expect((await list(second)).status).toBe(200);
    expect((await test.app.request('/credentials/verify', verifyAnything('198.51.100.99'))).status).toBe(200);
    // With the key, verification counts against the key (now over its limit), not the client.
    const keyed = await test.app.request('/credentials/verify', {
      ...verifyAnything('198.51.100.98'),
      headers: { ...verifyAnything('198.51.100.98').headers, Authorization: `Bearer ${first}` },
    });
    expect(keyed.status).toBe(429);
  });

  it('does not count invalid tokens as keys, and answers them 401 before any limit', async () => {
    const response = await test.app.request('/api/v1/achievements', {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(response.status).toBe(401);
  });
});

describe('MICROCRED_RATE_LIMIT=off', () => {
  let test: TestApp;
  beforeAll(async () => {
    const config = loadConfig({
      DATA_DIR: ':memory:',
      MICROCRED_RATE_LIMIT: 'off',
      RATE_LIMIT_SIGNIN_ADDRESS: '1/1h',
    });
    expect(config.rateLimit.enabled).toBe(false);
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: false },
      rateLimits: { ...config.rateLimit, trustProxy: config.trustProxy },
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('turns every limit off', async () => {
    const address = 'load-test@example.org';
    for (let index = 0; index < 8; index += 1) expect((await signIn(test.app, address)).status).toBe(303);
    expect(await mailsTo(test.platform, address)).toBe(8);
    for (let index = 0; index < 70; index += 1) {
      expect((await test.call('/credentials/verify', { json: { verifiableCredential: {} } })).status).toBe(
        200,
      );
    }
    expect((await test.call('/api/v1/issuers', { token: ADMIN_TOKEN })).status).toBe(200);
  });
});

/** Two servers (each its own platform and app, as two processes would have) on one database. */
async function twoServers(first: DatabaseHandle, second: DatabaseHandle) {
  const masterKey = randomBytes(32);
  const pepper = randomBytes(32);
  const serve = (database: DatabaseHandle) => {
    const platform = createPlatform({
      storage: createPgStorage({ db: database.db }),
      keyStore: new AesGcmKeyStore({ masterKey }),
      publicUrl: PUBLIC_URL,
      recipientPepper: pepper,
    });
    const app = createServerApp({
      platform,
      logger: pino({ level: 'silent' }),
      bodyLimitBytes: 64 * 1024,
      web: { secureCookies: false, devMailbox: false },
    });
    return { platform, app };
  };
  return [serve(first), serve(second)] as const;
}

async function expectSharedSignInLimit(first: DatabaseHandle, second: DatabaseHandle) {
  const [a, b] = await twoServers(first, second);
  const address = 'shared@example.org';
  const statuses = [];
  for (const server of [a, b, a, b, a, b, a]) statuses.push((await signIn(server.app, address)).status);
  expect(statuses).toEqual([303, 303, 303, 303, 303, 429, 429]);
  expect(await mailsTo(a.platform, address)).toBe(5);
}

describe('rate limits shared by two servers on one database', () => {
  it('counts sign-in requests to both apps on one PGlite database together', async () => {
    const database = await openTestDatabase({ driver: 'pglite' });
    try {
      await expectSharedSignInLimit(database, database);
    } finally {
      await database.close();
    }
  });

  const postgres: TestDriver = 'postgres';
  it.skipIf(!testDrivers().includes(postgres))(
    `counts sign-in requests to two processes' pools on one PostgreSQL database together${
      testDrivers().includes(postgres) ? '' : ' (skipped: TEST_DATABASE_URL is not set)'
    }`,
    async () => {
      const database = await openTestDatabase({ driver: postgres });
      if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const other = await openDatabase({
        databaseUrl: database.pool.options.connectionString,
        dataDir: ':memory:',
      });
      try {
        await expectSharedSignInLimit(database, other);
      } finally {
        await other.close();
        await database.close();
      }
    },
  );
});
