import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { testDrivers } from '../db/open-test-database.js';

const EMAIL = 'grace.hopper@example.org';
const NARRATIVE_MARKER = 'confidential-narrative-4711';

describe.each(testDrivers())('secrets over HTTP on %s', (driver) => {
  let test: TestApp;
  let issuerId: string;
  let token: string;
  let keyId: string;
  let responses: string[];
  beforeAll(async () => {
    test = await openTestApp(driver);
    responses = [];
    const record = async (path: string, options: Parameters<TestApp['call']>[1]) => {
      const response = await test.call(path, options);
      responses.push(response.text);
      return response;
    };
    issuerId = (
      await record('/api/v1/issuers', { token: ADMIN_TOKEN, json: { slug: 'secretive', name: 'S' } })
    ).body.id;
    const created = await test.call(`/api/v1/issuers/${issuerId}/api-keys`, {
      token: ADMIN_TOKEN,
      json: { name: 'lms', role: 'owner' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('Cache-Control')).toBe('no-store');
    token = created.body.token;
    keyId = created.body.apiKey.id;
    const achievement = await record('/api/v1/achievements', {
      token,
      json: { issuerId, name: 'Compilers', description: 'Builds one.', criteria: { narrative: 'Ship it.' } },
    });
    await record('/api/v1/credentials', {
      token,
      json: { achievementId: achievement.body.id, recipient: { email: EMAIL }, narrative: NARRATIVE_MARKER },
    });
    await record(`/api/v1/credentials?recipient=${encodeURIComponent(EMAIL)}`, { token });
    await record(`/api/v1/issuers/${issuerId}/api-keys`, { token });
    await record(`/api/v1/issuers/${issuerId}/keys/rotate`, { method: 'POST', token });
    await record(`/api/v1/issuers/${issuerId}/keys`, { token });
    await record(`/api/v1/issuers/${issuerId}`, { token });
    await record('/issuers/secretive/did.json', {});
    await record('/api/v1/issuers', { token: `${token}x` });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('shows an API token once: never again, and never its hash', async () => {
    const secret = token.split('.')[1] ?? '';
    const hash = createHash('sha256').update(secret).digest('hex');
    expect(secret).toHaveLength(43);
    for (const text of responses) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(hash);
    }
    const listed = await test.call(`/api/v1/issuers/${issuerId}/api-keys`, { token });
    const mine = listed.body.find((key: { id: string }) => key.id === keyId);
    expect(Object.keys(mine).sort()).toEqual(
      ['createdAt', 'id', 'issuerId', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'role', 'scopes'].sort(),
    );
  });

  it('publishes the public part of issuer keys only', async () => {
    const keys = await test.call(`/api/v1/issuers/${issuerId}/keys`, { token });
    for (const key of keys.body) {
      expect(Object.keys(key).sort()).toEqual(
        [
          'active',
          'createdAt',
          'keyId',
          'publicKeyMultibase',
          'retiredAt',
          'revokedAt',
          'type',
          'verificationMethod',
        ].sort(),
      );
    }
    for (const text of responses) expect(text).not.toMatch(/encryptedSecret|secretKey|privateKey/i);
  });

  it('never logs tokens, authorization headers, bodies or email addresses, but logs every request with its id', () => {
    const log = test.logs.join('\n');
    expect(log).not.toContain(ADMIN_TOKEN);
    expect(log).not.toContain(token.split('.')[1] ?? '');
    expect(log).not.toMatch(/authorization/i);
    expect(log).not.toContain(NARRATIVE_MARKER);
    expect(log).not.toContain(EMAIL);
    expect(log).not.toContain(encodeURIComponent(EMAIL));
    const requests = test.logs.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(responses.length);
    for (const entry of requests) {
      expect(entry).toMatchObject({
        requestId: expect.any(String),
        method: expect.any(String),
        path: expect.stringMatching(/^\//),
        status: expect.any(Number),
        ms: expect.any(Number),
      });
    }
  });

  it('answers an unexpected failure with a generic 500, logging the cause under the request id', async () => {
    const spy = vi
      .spyOn(test.platform.issuers, 'list')
      .mockRejectedValueOnce(new Error('relation "issuers" does not exist at db-7.internal:5432'));
    try {
      const response = await test.call('/api/v1/issuers', {
        token: ADMIN_TOKEN,
        headers: { 'X-Request-Id': 'boom-1' },
      });
      expect(response.status).toBe(500);
      expect(response.body).toMatchObject({ code: 'INTERNAL', status: 500, requestId: 'boom-1' });
      expect(response.text).not.toContain('db-7.internal');
      expect(response.text).not.toContain('relation');
      const logged = test.logs
        .map((line) => JSON.parse(line))
        .find((entry) => entry.requestId === 'boom-1' && entry.err);
      expect(logged.level).toBe(50);
      expect(logged.err.message).toContain('db-7.internal');
    } finally {
      spy.mockRestore();
    }
  });

  it('answers 503 on /healthz when the database does not answer', async () => {
    const spy = vi.spyOn(test.storage.issuers, 'list').mockRejectedValueOnce(new Error('connection refused'));
    try {
      const response = await test.call('/healthz');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'unavailable' });
    } finally {
      spy.mockRestore();
    }
  });
});
