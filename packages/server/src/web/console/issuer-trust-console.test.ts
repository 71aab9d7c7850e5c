import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../domain/demo/seed-demo-data.js';
import { createGuardedFetcher } from '../../edge/outbound/create-guarded-fetcher.js';
import { parseFetchAllowList } from '../../edge/outbound/fetch-allow-list.js';

describe('issuer trust in the console', () => {
  let test: TestApp;
  let issuerId: string;
  let site: Server;
  let origin: string;
  let published: unknown = {};

  beforeAll(async () => {
    site = createServer((request, response) => {
      const found = request.url === '/.well-known/did-configuration.json';
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(found ? published : {}));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      platform: {
        adminEmails: ['root@example.org'],
        externalFetcher: createGuardedFetcher({ allow: parseFetchAllowList('127.0.0.1') ?? [] }).fetchJson,
      },
    });
    ({ issuerId } = await seedDemoData(test.platform));
  });
  afterAll(async () => {
    await test?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  it('lets the administrator vet and unvet an issuer, showing who and when', async () => {
    const owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
    expect((await owner.get('/console/admin/issuers')).status).toBe(403);
    expect((await owner.post(`/console/admin/issuers/${issuerId}/vetting`, { vetted: 'yes' })).status).toBe(
      403,
    );

    const admin = new WebSession(test);
    await admin.signIn('root@example.org');
    const list = await admin.get('/console/admin/issuers');
    expect(list.status).toBe(200);
    expect(list.text).toMatch(/data-issuer="demo-university" data-vetted="no"/);

    const vetted = await admin.post(`/console/admin/issuers/${issuerId}/vetting`, { vetted: 'yes' });
    expect(vetted.status).toBe(303);
    expect(vetted.headers.get('location')).toBe('/console/admin/issuers?done=vetted');
    const after = await admin.get('/console/admin/issuers?done=vetted');
    expect(after.text).toContain('The issuer is vetted.');
    expect(after.text).toMatch(/data-issuer="demo-university" data-vetted="yes"/);
    expect(after.text).toContain('Vetted by root@example.org on');
    expect(await test.platform.issuers.get(ADMIN, issuerId)).toMatchObject({
      verified: true,
      verifiedBy: 'root@example.org',
    });

    // The credential pages say so in plain words.
    // A credential anyone may read (the demo's earners keep some private, which answer 404).
    const records = await test.platform.credentials.list(ADMIN, { issuerId });
    const readable = await Promise.all(
      records.map((record) =>
        test.platform.credentials.read(null, record.id).then(
          () => record,
          () => null,
        ),
      ),
    );
    const held = readable.find((record) => record !== null && record.revokedAt === null);
    const credentialPage = await new WebSession(test).get(`/credentials/${held?.id}`);
    expect(credentialPage.status).toBe(200);
    expect(credentialPage.text).toMatch(/data-check="issuer-trust"[^>]*data-trust="vetted"/);
    expect(credentialPage.text).toContain('Vetted: listed by badges.example.edu as Demo University.');

    // Without the form token nothing changes.
    expect(
      (await admin.post(`/console/admin/issuers/${issuerId}/vetting`, { vetted: 'no' }, { csrf: false }))
        .status,
    ).toBe(403);
    expect((await test.platform.issuers.get(ADMIN, issuerId)).verified).toBe(true);

    await admin.post(`/console/admin/issuers/${issuerId}/vetting`, { vetted: 'no' });
    expect(await test.platform.issuers.get(ADMIN, issuerId)).toMatchObject({
      verified: false,
      verifiedBy: null,
    });
  });

  it("offers the owner the domain's file and checks the published one", async () => {
    await test.platform.issuers.update(ADMIN, issuerId, { url: `${origin}/` });
    const owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
    const page = await owner.get('/console/demo-university/organisation/domain');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Your domain is not linked yet.');
    expect(page.text).toContain(`${origin}/.well-known/did-configuration.json`);

    const file = await owner.get('/console/demo-university/organisation/domain/did-configuration.json');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('did-configuration.json');
    expect(file.body.linked_dids[0].credentialSubject.origin).toBe(origin);

    const missing = await owner.post('/console/demo-university/organisation/domain/check', {});
    expect(missing.status).toBe(200);
    expect(missing.text).toContain(`${origin} is not linked`);

    published = file.body;
    const linked = await owner.post('/console/demo-university/organisation/domain/check', {});
    expect(linked.status).toBe(303);
    const done = await owner.get(linked.headers.get('location') ?? '');
    expect(done.text).toContain('Your domain is linked.');
    expect(done.text).toContain(`Linked to ${origin}`);
    expect((await test.platform.issuers.get(ADMIN, issuerId)).linkedDomain).toBe(origin);
    const publicPage = await new WebSession(test).get('/issuers/demo-university');
    expect(publicPage.text).toContain(`Domain linked: ${new URL(origin).host}`);
  });
});
