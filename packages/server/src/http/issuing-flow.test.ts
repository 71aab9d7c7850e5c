import { validateAchievementCredentialSchema } from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWithReferenceStack } from '../../../vc/test/support/reference-stack.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { PUBLIC_URL } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';

const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe.each(testDrivers())('issuing over HTTP on %s', (driver) => {
  let test: TestApp;
  beforeAll(async () => {
    test = await openTestApp(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  async function createIssuer(slug: string) {
    const created = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug, name: `University of ${slug}`, url: 'https://example.edu' },
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; slug: string; did: string };
  }

  async function createAchievement(issuerId: string, extra: Record<string, unknown> = {}) {
    const created = await test.call('/api/v1/achievements', {
      token: ADMIN_TOKEN,
      json: {
        issuerId,
        name: 'Data Cleaning',
        description: 'Cleans messy tabular data and documents every step.',
        criteria: { narrative: 'Pass the **data cleaning** assessment.' },
        ...extra,
      },
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; url: string; status: string };
  }

  it('creates an issuer and an achievement, issues to an email, serves, verifies, revokes and reports it revoked', async () => {
    const issuer = await createIssuer('flow-university');
    expect(issuer.did).toBe('did:web:badges.example.edu:issuers:flow-university');
    const listed = await test.call('/api/v1/issuers', { token: ADMIN_TOKEN });
    expect(listed.body).toContainEqual(
      expect.objectContaining({ id: issuer.id, slug: issuer.slug, did: issuer.did }),
    );

    const achievement = await createAchievement(issuer.id, {
      achievementType: 'Certificate',
      validityMonths: 24,
    });
    expect(achievement).toMatchObject({
      status: 'published',
      url: `${PUBLIC_URL}/achievements/${achievement.id}`,
    });

    const issued = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId: achievement.id, recipient: { email: 'Ada@Example.org', name: 'Ada Lovelace' } },
    });
    expect(issued.status).toBe(201);
    expect(issued.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(issued.text).not.toContain('ada@example.org');
    const credential = issued.body.credential as Record<string, unknown>;
    expect(credential.id).toBe(`${PUBLIC_URL}/credentials/${issued.body.id}`);

    const fetched = await test.call(`/credentials/${issued.body.id}`, {
      headers: { Accept: 'application/vc+ld+json' },
    });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('Content-Type')).toBe('application/vc+ld+json');
    expect(fetched.body).toEqual(credential);
    const anyType = await test.call(`/credentials/${issued.body.id}`, { headers: { Accept: '*/*' } });
    expect(anyType.headers.get('Content-Type')).toBe('application/json');
    expect(anyType.body).toEqual(credential);

    // Ours: public, no token.
    const verified = await test.call('/credentials/verify', { json: { verifiableCredential: fetched.body } });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ verified: true, errors: [] });
    expect(verified.body.checks.map((check: { id: string }) => check.id)).toEqual(
      expect.arrayContaining(['proof', 'issuer', 'status', 'schema']),
    );

    // The reference stack, resolving the issuer's did:web from what the platform serves.
    const didDocument = await test.call(`/issuers/${issuer.slug}/did.json`);
    expect(didDocument.status).toBe(200);
    expect(didDocument.body.id).toBe(issuer.did);
    const reference = await verifyWithReferenceStack(
      fetched.body,
      new Date(),
      new Map([[issuer.did, didDocument.body as Record<string, unknown>]]),
    );
    expect(reference.error).toBeUndefined();
    expect(reference.verified).toBe(true);
    expect(validateAchievementCredentialSchema(fetched.body)).toEqual({ valid: true, errors: [] });

    const found = await test.call('/api/v1/credentials?recipient=ada%40example.org', { token: ADMIN_TOKEN });
    expect(found.body.map((item: { id: string }) => item.id)).toEqual([issued.body.id]);

    const statusUrl = new URL(
      (credential.credentialStatus as { statusListCredential: string }).statusListCredential,
    );
    const before = await test.call(statusUrl.pathname);
    expect(before.status).toBe(200);
    expect(before.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate');
    const etag = before.headers.get('ETag') ?? '';
    expect(etag).not.toBe('');
    const unchanged = await test.call(statusUrl.pathname, { headers: { 'If-None-Match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');

    const revoked = await test.call(`/api/v1/credentials/${issued.body.id}/revoke`, {
      token: ADMIN_TOKEN,
      json: { reason: 'issued in error' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: issued.body.id, revocationReason: 'issued in error' });
    expect(revoked.body.revokedAt).toEqual(expect.any(String));

    const after = await test.call('/credentials/verify', { json: { verifiableCredential: fetched.body } });
    expect(after.status).toBe(200);
    expect(after.body.verified).toBe(false);
    expect(after.body.checks).toContainEqual(
      expect.objectContaining({ id: 'status', ok: false, code: 'REVOKED' }),
    );
    expect(after.body.errors).toContainEqual(expect.objectContaining({ code: 'REVOKED', title: 'status' }));

    const changed = await test.call(statusUrl.pathname, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
  });

  it('replays an idempotent issue with 200 and the same body, and issues nothing twice', async () => {
    const issuer = await createIssuer('idempotent-college');
    const achievement = await createAchievement(issuer.id);
    const request = {
      achievementId: achievement.id,
      recipient: { did: 'did:example:learner-42' },
      idempotencyKey: 'enrolment-42',
    };
    // Sent twice at once (ADVERSARIAL I9): one issues, the other gets that credential.
    const concurrent = await Promise.all([
      test.call('/api/v1/credentials', { token: ADMIN_TOKEN, json: request }),
      test.call('/api/v1/credentials', { token: ADMIN_TOKEN, json: request }),
    ]);
    expect(concurrent.map((response) => response.status).sort()).toEqual([200, 201]);
    const [first, second] = concurrent;
    expect(second?.body).toEqual(first?.body);
    const again = await test.call('/api/v1/credentials', { token: ADMIN_TOKEN, json: request });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first?.body);
    const listed = await test.call(`/api/v1/credentials?achievementId=${achievement.id}`, {
      token: ADMIN_TOKEN,
    });
    expect(listed.body).toHaveLength(1);
  });

  it('issues VC-JWT credentials and serves the compact JWS for application/vc+jwt', async () => {
    const issuer = await createIssuer('jwt-institute');
    const achievement = await createAchievement(issuer.id);
    const issued = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId: achievement.id, recipient: { did: 'did:example:jwt-holder' }, format: 'jwt' },
    });
    expect(issued.status).toBe(201);
    expect(issued.body.jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const jws = await test.call(`/credentials/${issued.body.id}`, {
      headers: { Accept: 'application/vc+jwt' },
    });
    expect(jws.headers.get('Content-Type')).toBe('application/vc+jwt');
    expect(jws.text).toBe(issued.body.jwt);
    const verified = await test.call('/credentials/verify', { json: { verifiableCredential: jws.text } });
    expect(verified.body).toMatchObject({ verified: true, format: 'jwt' });
  });

  it('keeps credentials verifying after a key rotation, with the old key still in the DID document', async () => {
    const issuer = await createIssuer('rotating-academy');
    const achievement = await createAchievement(issuer.id);
    const issue = () =>
      test.call('/api/v1/credentials', {
        token: ADMIN_TOKEN,
        json: { achievementId: achievement.id, recipient: { email: 'r@example.org' } },
      });
    const before = await issue();
    const rotated = await test.call(`/api/v1/issuers/${issuer.id}/keys/rotate`, {
      method: 'POST',
      token: ADMIN_TOKEN,
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({
      keyId: 'key-2',
      active: true,
      verificationMethod: `${issuer.did}#key-2`,
    });
    const keys = await test.call(`/api/v1/issuers/${issuer.id}/keys`, { token: ADMIN_TOKEN });
    expect(keys.body.map((key: { keyId: string; active: boolean }) => [key.keyId, key.active])).toEqual([
      ['key-1', false],
      ['key-2', true],
    ]);
    const after = await issue();
    const didDocument = await test.call(`/issuers/${issuer.slug}/did.json`);
    expect(
      didDocument.body.verificationMethod.map((method: { id: string }) => method.id.split('#')[1]),
    ).toEqual(['key-1', 'key-2']);
    for (const credential of [before.body.credential, after.body.credential]) {
      const verified = await test.call('/credentials/verify', { json: { verifiableCredential: credential } });
      expect(verified.body.verified).toBe(true);
    }
  });

  it('serves published achievements and their images publicly, with validators, and hides drafts', async () => {
    const issuer = await createIssuer('image-school');
    const uploaded = await createAchievement(issuer.id, {
      name: 'Pixel',
      image: { id: `data:image/png;base64,${PNG_1X1}`, caption: 'A pixel' },
    });
    const generated = await createAchievement(issuer.id, { name: 'Vector Graphics' });
    const draft = await createAchievement(issuer.id, { name: 'Secret', status: 'draft' });

    const document = await test.call(`/achievements/${uploaded.id}`);
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({ id: uploaded.url, type: ['Achievement'], name: 'Pixel' });
    expect(document.headers.get('Cache-Control')).toMatch(/^public/);
    const etag = document.headers.get('ETag') ?? '';
    expect(
      (await test.call(`/achievements/${uploaded.id}`, { headers: { 'If-None-Match': etag } })).status,
    ).toBe(304);

    const png = await test.app.request(`/achievements/${uploaded.id}/image`);
    expect(png.headers.get('Content-Type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer())).toEqual(Buffer.from(PNG_1X1, 'base64'));

    const svg = await test.call(`/achievements/${generated.id}/image`);
    expect(svg.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(svg.headers.get('Content-Security-Policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(svg.text).toContain('<svg');
    expect(svg.text).toContain('VG');

    // An uploaded SVG is sanitised, and served under a CSP that would keep anything left over inert.
    const hostile = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
    const scripted = await createAchievement(issuer.id, {
      name: 'Scripted',
      image: { id: `data:image/svg+xml;base64,${Buffer.from(hostile).toString('base64')}` },
    });
    const served = await test.call(`/achievements/${scripted.id}/image`);
    expect(served.text).toBe('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(served.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');

    // An image given as a URL is never fetched by the server (ADVERSARIAL I7): the client is sent there.
    const linked = await createAchievement(issuer.id, {
      name: 'Linked',
      image: { id: 'https://images.example.edu/linked.png' },
    });
    const redirect = await test.call(`/achievements/${linked.id}/image`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('Location')).toBe('https://images.example.edu/linked.png');

    expect((await test.call(`/achievements/${draft.id}`)).status).toBe(404);
    expect((await test.call(`/achievements/${draft.id}/image`)).status).toBe(404);
  });

  it('issues through the W3C VC API from an OpenBadgeCredential template', async () => {
    const issuer = await createIssuer('vc-api-polytechnic');
    const achievement = await createAchievement(issuer.id);
    const issued = await test.call('/credentials/issue', {
      token: ADMIN_TOKEN,
      json: {
        credential: {
          '@context': [
            'https://www.w3.org/ns/credentials/v2',
            'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
          ],
          type: ['VerifiableCredential', 'OpenBadgeCredential'],
          issuer: { id: issuer.did, type: ['Profile'], name: 'ignored: the registered profile is used' },
          credentialSubject: {
            type: ['AchievementSubject'],
            identifier: [
              {
                type: 'IdentityObject',
                identityType: 'emailAddress',
                hashed: false,
                identityHash: 'vc@example.org',
              },
            ],
            achievement: { id: achievement.url },
          },
          evidence: [{ type: ['Evidence'], id: 'https://example.org/portfolio/1', name: 'Portfolio' }],
        },
        options: { proofPurpose: 'assertionMethod', assertionMethod: `${issuer.did}#key-1` },
      },
    });
    expect(issued.status).toBe(201);
    const credential = issued.body.verifiableCredential;
    expect(JSON.stringify(credential)).not.toContain('vc@example.org');
    expect(credential.credentialSubject.achievement.id).toBe(achievement.url);
    expect(credential.evidence).toEqual([expect.objectContaining({ id: 'https://example.org/portfolio/1' })]);
    const verified = await test.call('/credentials/verify', { json: { verifiableCredential: credential } });
    expect(verified.body.verified).toBe(true);
    const found = await test.call('/api/v1/credentials?recipient=vc@example.org', { token: ADMIN_TOKEN });
    expect(found.body).toHaveLength(1);
  });

  it('reports a tampered credential as not verified, with a 200', async () => {
    const issuer = await createIssuer('tamper-tech');
    const achievement = await createAchievement(issuer.id);
    const issued = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId: achievement.id, recipient: { did: 'did:example:tamper' } },
    });
    const tampered = { ...issued.body.credential, name: 'Nobel Prize' };
    const verified = await test.call('/credentials/verify', { json: { verifiableCredential: tampered } });
    expect(verified.status).toBe(200);
    expect(verified.body.verified).toBe(false);
    expect(verified.body.checks).toContainEqual(expect.objectContaining({ id: 'proof', ok: false }));
  });

  it('answers the health check and echoes request ids', async () => {
    const health = await test.call('/healthz', { headers: { 'X-Request-Id': 'probe-123' } });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect(health.headers.get('X-Request-Id')).toBe('probe-123');
    expect(health.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const generated = await test.call('/healthz');
    expect(generated.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    // A request id that could forge log lines is replaced, not echoed.
    const forged = await test.call('/healthz', { headers: { 'X-Request-Id': 'a\tb"c' } });
    expect(forged.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets browsers on other origins verify credentials and fetch public documents (CORS)', async () => {
    const preflight = await test.call('/credentials/verify', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://wallet.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const document = await test.call('/healthz', { headers: { Origin: 'https://wallet.example' } });
    expect(document.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(document.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
  });
});
