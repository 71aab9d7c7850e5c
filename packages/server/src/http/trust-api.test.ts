import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
// test-app before test-platform: test-app loads zod-openapi's extension first.
import { ADMIN, seedIssuer } from '../../test/support/test-platform.js';
import { createGuardedFetcher } from '../edge/outbound/create-guarded-fetcher.js';
import { parseFetchAllowList } from '../edge/outbound/fetch-allow-list.js';

const trustOf = (report: { checks: readonly { id: string; message: string }[] }) =>
  report.checks.find((check) => check.id === 'issuer-trust');

describe('issuer vetting over the API', () => {
  let test: TestApp;
  // Close to the real time: status lists are published with the wall clock.
  const vettedAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 5000);
  let now = vettedAt;
  beforeAll(async () => {
    test = await openTestApp('pglite', { platform: { now: () => now } });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('lets the administrator vet and unvet an issuer, recording who and when, and reports follow', async () => {
    const { issuer, achievement } = await seedIssuer(test.platform, 'vetted-college');
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'learner@example.org' },
    });
    const before = await test.platform.verify(issued.record.document);
    expect(before.checks.filter((c) => !c.ok)).toEqual([]);
    expect(before.verified).toBe(true);
    expect(before.issuerTrust).toEqual({ level: 'unknown' });
    expect(trustOf(before)).toMatchObject({ ok: true, warning: true });

    const vetted = await test.call(`/api/v1/issuers/${issuer.id}/vetting`, {
      method: 'POST',
      token: ADMIN_TOKEN,
    });
    expect(vetted.status).toBe(200);
    expect(vetted.body).toMatchObject({
      id: issuer.id,
      verified: true,
      verifiedBy: 'administrator',
      verifiedAt: vettedAt.toISOString(),
    });
    const after = await test.platform.verify(issued.record.document);
    expect(after.issuerTrust).toEqual({ level: 'vetted', registry: 'badges.example.edu', name: issuer.name });
    expect(trustOf(after)?.message).toBe(`vetted by badges.example.edu as ${issuer.name}`);
    // The VC API reports it too, as a check and as `issuerTrust`.
    const viaApi = await test.call('/credentials/verify', {
      json: { verifiableCredential: issued.record.document },
    });
    expect(viaApi.status).toBe(200);
    expect(viaApi.body.issuerTrust).toEqual({
      level: 'vetted',
      registry: 'badges.example.edu',
      name: issuer.name,
    });
    expect(viaApi.body.checks).toContainEqual(expect.objectContaining({ id: 'issuer-trust', ok: true }));

    // Vetting again keeps the first record.
    now = new Date(vettedAt.getTime() + 60_000);
    const again = await test.call(`/api/v1/issuers/${issuer.id}/vetting`, {
      method: 'POST',
      token: ADMIN_TOKEN,
    });
    expect(again.body.verifiedAt).toBe(vettedAt.toISOString());
    expect((await test.call(`/api/v1/issuers/${issuer.id}`, { token: ADMIN_TOKEN })).body).toMatchObject({
      verified: true,
      verifiedBy: 'administrator',
    });

    const unvetted = await test.call(`/api/v1/issuers/${issuer.id}/vetting`, {
      method: 'DELETE',
      token: ADMIN_TOKEN,
    });
    expect(unvetted.status).toBe(200);
    expect(unvetted.body).toMatchObject({ verified: false, verifiedBy: null, verifiedAt: null });
    expect((await test.platform.verify(issued.record.document)).issuerTrust).toEqual({ level: 'unknown' });
  });

  it("refuses anyone but the administrator, even the issuer's own owner key", async () => {
    const { issuer } = await seedIssuer(test.platform, 'self-vetting');
    const { token } = await test.platform.apiKeys.create(ADMIN, issuer.id, {
      name: 'Owner key',
      role: 'owner',
    });
    for (const method of ['POST', 'DELETE']) {
      const own = await test.call(`/api/v1/issuers/${issuer.id}/vetting`, { method, token });
      expect(own.status).toBe(403);
      expect(own.headers.get('content-type')).toContain('application/problem+json');
      expect((await test.call(`/api/v1/issuers/${issuer.id}/vetting`, { method })).status).toBe(401);
    }
    expect((await test.platform.issuers.get(ADMIN, issuer.id)).verified).toBe(false);
    const missing = await test.call('/api/v1/issuers/0b5a3c1e-8d7f-4c2a-9e61-2f4b8a9c7d10/vetting', {
      method: 'POST',
      token: ADMIN_TOKEN,
    });
    expect(missing.status).toBe(404);
  });
});

describe('issuer domain linkage over the API', () => {
  let site: Server;
  let origin: string;
  let published: unknown = {};
  let connections = 0;
  let allowed: TestApp;
  let refused: TestApp;

  beforeAll(async () => {
    site = createServer((request, response) => {
      const found = request.url === '/.well-known/did-configuration.json';
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(found ? published : {}));
    });
    site.on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    allowed = await openTestApp('pglite', {
      platform: {
        externalFetcher: createGuardedFetcher({ allow: parseFetchAllowList('127.0.0.1') ?? [] }).fetchJson,
      },
    });
    refused = await openTestApp('pglite', {
      platform: { externalFetcher: createGuardedFetcher().fetchJson },
    });
  });
  afterAll(async () => {
    await allowed?.close();
    await refused?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  it('offers the did-configuration.json, links the domain once it is published, and reports say so', async () => {
    const { issuer, achievement } = await seedIssuer(allowed.platform, 'linked-college');
    await allowed.platform.issuers.update(ADMIN, issuer.id, { url: `${origin}/about` });
    const download = await allowed.call(`/api/v1/issuers/${issuer.id}/did-configuration`, {
      token: ADMIN_TOKEN,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('did-configuration.json');
    expect(download.body['@context']).toBe('https://identity.foundation/.well-known/did-configuration/v1');
    expect(download.body.linked_dids[0].credentialSubject).toEqual({ id: issuer.did, origin });

    published = {};
    const missing = await allowed.call(`/api/v1/issuers/${issuer.id}/domain-check`, {
      method: 'POST',
      token: ADMIN_TOKEN,
    });
    expect(missing.body).toMatchObject({ linked: false, origin, issuer: { linkedDomain: null } });

    published = download.body;
    const check = await allowed.call(`/api/v1/issuers/${issuer.id}/domain-check`, {
      method: 'POST',
      token: ADMIN_TOKEN,
    });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ linked: true, origin, issuer: { linkedDomain: origin } });
    expect(check.body.issuer.domainLinkedAt).toEqual(expect.any(String));

    const issued = await allowed.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'learner@example.org' },
    });
    const report = await allowed.platform.verify(issued.record.document);
    expect(report.issuerTrust).toEqual({ level: 'domain-linked', domain: origin });
    expect(trustOf(report)?.message).toBe(`linked to the domain ${origin}`);

    // The site now serves a tampered configuration: the link is withdrawn.
    const tampered = structuredClone(download.body);
    tampered.linked_dids[0].expirationDate = '2099-01-01T00:00:00Z';
    published = tampered;
    const broken = await allowed.call(`/api/v1/issuers/${issuer.id}/domain-check`, {
      method: 'POST',
      token: ADMIN_TOKEN,
    });
    expect(broken.body).toMatchObject({
      linked: false,
      issuer: { linkedDomain: null, domainLinkedAt: null },
    });
    expect(broken.body.reason).toMatch(/does not verify/);
    expect((await allowed.platform.verify(issued.record.document)).issuerTrust).toEqual({ level: 'unknown' });
  });

  it('never reaches a private address that is not allow-listed', async () => {
    const { issuer } = await seedIssuer(refused.platform, 'private-college');
    await refused.platform.issuers.update(ADMIN, issuer.id, { url: origin });
    const before = connections;
    const check = await refused.call(`/api/v1/issuers/${issuer.id}/domain-check`, {
      method: 'POST',
      token: ADMIN_TOKEN,
    });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ linked: false, origin });
    expect(check.body.reason).toContain('could not read');
    expect(connections).toBe(before);
  });

  it('asks for a web address first, and keeps other issuers out', async () => {
    const { issuer } = await seedIssuer(allowed.platform, 'no-site');
    await allowed.platform.issuers.update(ADMIN, issuer.id, { url: null });
    const noUrl = await allowed.call(`/api/v1/issuers/${issuer.id}/did-configuration`, {
      token: ADMIN_TOKEN,
    });
    expect(noUrl.status).toBe(409);
    const { issuer: other } = await seedIssuer(allowed.platform, 'other-site');
    const { token } = await allowed.platform.apiKeys.create(ADMIN, other.id, {
      name: 'Theirs',
      role: 'owner',
    });
    const foreign = await allowed.call(`/api/v1/issuers/${issuer.id}/domain-check`, {
      method: 'POST',
      token,
    });
    expect(foreign.status).toBe(404);
  });
});
