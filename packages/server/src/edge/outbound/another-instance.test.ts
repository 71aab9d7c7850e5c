import '@hono/zod-openapi';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../../test/support/web-server.js';
import { createGuardedFetcher } from './create-guarded-fetcher.js';
import { parseFetchAllowList } from './fetch-allow-list.js';

/**
 * The issue's "done when": a credential issued by another microcred on this machine (another port, plain
 * http, allow-listed as such) verifies here end to end: its did:web document and its status list are read
 * from that instance through the guarded fetcher, and a revocation there is seen here at once; its issuer's
 * website (a third local server, also allow-listed) publishes the did-configuration.json that instance made,
 * so the report says the issuer is domain-linked.
 */
describe('a credential issued by another microcred instance', () => {
  let issuing: TestWebServer;
  let verifying: TestPlatform;
  let notAllowed: TestPlatform;
  let credential: Record<string, unknown>;
  let credentialId: string;
  let website: Server;
  let websiteOrigin: string;
  let didConfiguration = '{}';

  beforeAll(async () => {
    website = createServer((request, response) => {
      const found = request.url === '/.well-known/did-configuration.json';
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      response.end(found ? didConfiguration : '{}');
    });
    await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
    websiteOrigin = `http://localhost:${(website.address() as AddressInfo).port}`;
    issuing = await startTestWebServer('pglite');
    const host = new URL(issuing.url).host;
    const allow = parseFetchAllowList(`http://${host},http://${new URL(websiteOrigin).host}`) ?? [];
    verifying = await openTestPlatform('pglite', {
      externalFetcher: createGuardedFetcher({ allow }).fetchJson,
    });
    notAllowed = await openTestPlatform('pglite', { externalFetcher: createGuardedFetcher().fetchJson });
    const { issuer, achievement } = await seedIssuer(issuing.platform, 'remote-academy');
    await issuing.platform.issuers.update(ADMIN, issuer.id, { url: websiteOrigin });
    const linkage = await issuing.platform.trust.didConfiguration(ADMIN, issuer.id);
    didConfiguration = JSON.stringify(linkage.configuration);
    const issued = await issuing.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'learner@example.org' },
    });
    credential = issued.record.document as Record<string, unknown>;
    credentialId = issued.record.id;
  });

  afterAll(async () => {
    await verifying?.close();
    await notAllowed?.close();
    await issuing?.close();
    website?.closeAllConnections();
    await new Promise((resolve) => website?.close(resolve));
  });

  const check = (report: { checks: readonly { id: string }[] }, id: string) =>
    report.checks.find((item) => item.id === id);

  it('verifies: its did:web key and its status list come from the other instance', async () => {
    const issuer = credential.issuer as { id: string };
    expect(issuer.id).toBe(`did:web:${encodeURIComponent(new URL(issuing.url).host)}:issuers:remote-academy`);
    const report = await verifying.platform.verify(credential);
    expect(report.checks.filter((item) => !item.ok)).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.signer?.controller).toBe(issuer.id);
    expect(check(report, 'status')).toMatchObject({ ok: true });
    expect(report.issuerTrust).toEqual({ level: 'domain-linked', domain: websiteOrigin });
  });

  it('is not verified by an instance that does not allow-list the other one', async () => {
    const report = await notAllowed.platform.verify(credential);
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ ok: false });
  });

  it('reports the revocation made on the other instance', async () => {
    await issuing.platform.credentials.revoke(ADMIN, credentialId, { reason: 'issued in error' });
    const report = await verifying.platform.verify(credential);
    expect(report.verified).toBe(false);
    expect(check(report, 'status')).toMatchObject({ ok: false, code: ErrorCode.REVOKED });
  });
});
