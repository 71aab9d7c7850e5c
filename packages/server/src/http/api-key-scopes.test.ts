import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { requiredScope } from '../domain/auth/api-scopes.js';

describe('API key scopes narrow what a key may do', () => {
  let test: TestApp;
  let issuerId: string;
  let achievementId: string;
  beforeAll(async () => {
    test = await openTestApp('pglite');
    issuerId = (
      await test.call('/api/v1/issuers', { token: ADMIN_TOKEN, json: { slug: 'scoped', name: 'Scoped' } })
    ).body.id;
    achievementId = (
      await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: { issuerId, name: 'Scoped', description: 'Scoped', criteria: { narrative: 'Scoped' } },
      })
    ).body.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  it('maps each request to the scope of its area and method', () => {
    expect(requiredScope({ path: '/api/v1/credentials', method: 'POST' })).toBe('credentials:write');
    expect(requiredScope({ path: '/api/v1/credentials/123', method: 'GET' })).toBe('credentials:read');
    expect(requiredScope({ path: '/api/v1/bulk-jobs/1/cancel', method: 'POST' })).toBe('bulk:write');
    expect(requiredScope({ path: '/credentials/issue', method: 'POST' })).toBe('credentials:write');
    expect(requiredScope({ path: '/api/v1/issuers/1/api-keys', method: 'GET' })).toBe('issuers:read');
  });

  it('lets a credentials:write key issue but not read achievements or manage keys, and never widens its role', async () => {
    const created = await test.call(`/api/v1/issuers/${issuerId}/api-keys`, {
      token: ADMIN_TOKEN,
      json: { name: 'LMS', role: 'issuer', scopes: ['credentials:write'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.apiKey.scopes).toEqual(['credentials:write']);
    const lms = created.body.token as string;
    const issued = await test.call('/api/v1/credentials', {
      token: lms,
      json: { achievementId, recipient: { email: 'scoped@example.org' } },
    });
    expect(issued.status).toBe(201);
    const read = await test.call(`/api/v1/achievements/${achievementId}`, { token: lms });
    expect(read.status).toBe(403);
    expect(read.body.detail).toContain('credentials:write');
    expect((await test.call(`/api/v1/credentials/${issued.body.id}`, { token: lms })).status).toBe(403);

    const viewer = await test.call(`/api/v1/issuers/${issuerId}/api-keys`, {
      token: ADMIN_TOKEN,
      json: { name: 'Viewer with a write scope', role: 'viewer', scopes: ['credentials:write'] },
    });
    const refused = await test.call('/api/v1/credentials', {
      token: viewer.body.token,
      json: { achievementId, recipient: { email: 'viewer@example.org' } },
    });
    expect(refused.status).toBe(403);
  });

  it('refuses unknown or repeated scopes', async () => {
    for (const scopes of [['credentials:delete'], ['credentials:write', 'credentials:write'], []]) {
      const response = await test.call(`/api/v1/issuers/${issuerId}/api-keys`, {
        token: ADMIN_TOKEN,
        json: { name: 'Bad', role: 'issuer', scopes },
      });
      expect(response.status).toBe(400);
    }
  });
});
