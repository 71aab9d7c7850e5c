import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { testDrivers } from '../db/open-test-database.js';

describe.each(testDrivers())('endorsement requests over the API on %s', (driver) => {
  let test: TestApp;
  let issuerId: string;
  let achievementId: string;
  let acmeId: string;
  let issuerToken: string;
  let acmeToken: string;
  let globexToken: string;
  let requestId: string;

  const incoming = async (token: string, organisationId: string) =>
    test.call(`/api/v1/endorsement-requests?direction=incoming&organisationId=${organisationId}`, { token });

  beforeAll(async () => {
    test = await openTestApp(driver, { bodyLimitBytes: 1024 * 1024 });
    issuerId = (
      await test.call('/api/v1/issuers', {
        token: ADMIN_TOKEN,
        json: { slug: 'data-school', name: 'Data School' },
      })
    ).body.id;
    issuerToken = (
      await test.call(`/api/v1/issuers/${issuerId}/api-keys`, {
        token: ADMIN_TOKEN,
        json: { name: 'CI', role: 'issuer' },
      })
    ).body.token;
    achievementId = (
      await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: { issuerId, name: 'SQL for Analysts', description: 'SQL.', criteria: { narrative: 'Pass.' } },
      })
    ).body.id;
    const employer = async (slug: string, name: string) => {
      const created = await test.call('/api/v1/employers', {
        token: ADMIN_TOKEN,
        json: { slug, name, ownerEmail: `owner@${slug}.example` },
      });
      const key = await test.call(`/api/v1/employers/${created.body.id}/api-keys`, {
        token: ADMIN_TOKEN,
        json: { name: 'ATS' },
      });
      return { id: created.body.id as string, token: key.body.token as string };
    };
    ({ id: acmeId, token: acmeToken } = await employer('acme', 'Acme Analytics'));
    ({ token: globexToken } = await employer('globex', 'Globex'));
  });
  afterAll(async () => {
    await test?.close();
  });

  it('lets an issuer’s key ask an employer, which sees the request come in', async () => {
    const created = await test.call('/api/v1/endorsement-requests', {
      token: issuerToken,
      json: { achievementId, employerId: acmeId, message: 'We designed it with you in mind.' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      achievement: { id: achievementId, name: 'SQL for Analysts' },
      requester: { id: issuerId, name: 'Data School' },
      target: { kind: 'employer', id: acmeId, name: 'Acme Analytics' },
      state: 'pending',
      message: 'We designed it with you in mind.',
      endorsementId: null,
      respondedAt: null,
    });
    requestId = created.body.id;
    const listed = await incoming(acmeToken, acmeId);
    expect(listed.status).toBe(200);
    expect(listed.body.map((item: { id: string }) => item.id)).toEqual([requestId]);
    const sent = await test.call(
      `/api/v1/endorsement-requests?direction=outgoing&organisationId=${issuerId}`,
      { token: issuerToken },
    );
    expect(sent.body.map((item: { id: string }) => item.id)).toEqual([requestId]);
    const duplicate = await test.call('/api/v1/endorsement-requests', {
      token: issuerToken,
      json: { achievementId, employerId: acmeId },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('comments, then endorses: credentials issued afterwards carry the endorsement', async () => {
    const commented = await test.call(`/api/v1/endorsement-requests/${requestId}/comment`, {
      token: acmeToken,
      json: { comment: 'Does it cover window functions?' },
    });
    expect(commented.status).toBe(200);
    expect(commented.body).toMatchObject({
      state: 'pending',
      responseComment: 'Does it cover window functions?',
    });
    const endorsed = await test.call(`/api/v1/endorsement-requests/${requestId}/endorse`, {
      token: acmeToken,
      json: { comment: 'It does; we hire on it.' },
    });
    expect(endorsed.status).toBe(200);
    expect(endorsed.body).toMatchObject({ state: 'endorsed', responseComment: 'It does; we hire on it.' });
    const endorsement = await test.call(`/api/v1/endorsements/${endorsed.body.endorsementId}`);
    expect(endorsement.body).toMatchObject({ endorser: { id: acmeId }, comment: 'It does; we hire on it.' });
    const issued = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId, recipient: { email: 'earner@example.org' } },
    });
    const embedded = issued.body.credential.credentialSubject.achievement.endorsement as { id: string }[];
    expect(embedded.map((item) => item.id)).toEqual([endorsement.body.credential.id]);
    const again = await test.call(`/api/v1/endorsement-requests/${requestId}/decline`, {
      token: acmeToken,
      json: {},
    });
    expect(again.status).toBe(409);
  });

  it('refuses strangers, bad input and no token as problem details', async () => {
    const cases: [string, string | undefined, unknown, number][] = [
      [`/api/v1/endorsement-requests/${requestId}/comment`, globexToken, { comment: 'Me?' }, 404],
      [`/api/v1/endorsement-requests/${requestId}/cancel`, acmeToken, undefined, 404],
      ['/api/v1/endorsement-requests', acmeToken, { achievementId, email: 'a@b.example' }, 404],
      [
        '/api/v1/endorsement-requests',
        issuerToken,
        { achievementId, email: 'a@b.example', employerId: acmeId },
        400,
      ],
      [
        '/api/v1/endorsement-requests',
        issuerToken,
        { achievementId, email: 'a@b.example', message: 'x'.repeat(2001) },
        400,
      ],
      ['/api/v1/endorsement-requests', issuerToken, { achievementId }, 400],
      [`/api/v1/endorsement-requests/${requestId}/endorse`, acmeToken, { comment: '' }, 400],
      ['/api/v1/endorsement-requests', undefined, { achievementId, email: 'a@b.example' }, 401],
    ];
    for (const [path, token, body, status] of cases) {
      const refused = await test.call(path, {
        method: 'POST',
        ...(token === undefined ? {} : { token }),
        ...(body === undefined ? {} : { json: body }),
      });
      expect(refused.status, `${path} ${JSON.stringify(body)?.slice(0, 60)}`).toBe(status);
      expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
    }
    expect((await incoming(globexToken, acmeId)).status).toBe(404);
    const bad = await test.call('/api/v1/endorsement-requests?direction=sideways&organisationId=x', {
      token: issuerToken,
    });
    expect(bad.status).toBe(400);
  });
});
