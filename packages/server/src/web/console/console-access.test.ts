import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../domain/demo/seed-demo-data.js';

describe('getting into the issuer console', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      platform: { adminEmails: ['root@example.org'] },
    });
    await seedDemoData(test.platform);
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    await test.platform.members.add(ADMIN, other.id, { email: 'olga@example.org', role: 'viewer' });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('sends someone without a session to sign in (303)', async () => {
    const response = await new WebSession(test).get('/console');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/signin?next=%2Fconsole');
  });

  it('takes the demo owner from the emailed link to a console that names Demo University', async () => {
    const browser = new WebSession(test);
    const signedIn = await browser.signIn(DEMO_ISSUER_OWNER_EMAIL);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/console');
    const home = await browser.get('/console');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.text).toContain('Demo University');
    // The demo's seven: two waiting for learner@example.com, one accepted by jordan@example.com, and the four
    // of morgan@example.com that show notifications (one auto-awarded by a pathway, one about to expire).
    expect(home.text).toContain('data-stat="issued-total">7<');
    const dashboard = await browser.get('/console/demo-university');
    expect(dashboard.status).toBe(200);
    // Another issuer's console answers as if it did not exist.
    expect((await browser.get('/console/other-college')).status).toBe(404);
    expect((await browser.get('/console/admin/issuers/new')).status).toBe(403);
  });

  it('tells an earner who works for no issuer so, and keeps them on their credentials after sign-in', async () => {
    const browser = new WebSession(test);
    const signedIn = await browser.signIn('nobody@example.org');
    expect(signedIn.headers.get('location')).toBe('/account');
    const page = await browser.get('/console');
    expect(page.status).toBe(403);
    expect(page.text).toContain('not a member of any issuer');
  });

  it('lets the administrator add an issuer and invite its owner, who then reaches its console', async () => {
    const admin = new WebSession(test);
    await admin.signIn('root@example.org');
    expect((await admin.get('/console/admin/issuers/new')).status).toBe(200);
    const refused = await admin.post('/console/admin/issuers', {
      name: 'Harbour Institute',
      slug: 'harbour-institute',
      ownerEmail: 'not an address',
    });
    expect(refused.status).toBe(400);
    expect(await test.platform.issuers.findBySlug('harbour-institute')).toBeNull();
    const created = await admin.post('/console/admin/issuers', {
      name: 'Harbour Institute',
      slug: 'harbour-institute',
      url: 'https://harbour.example',
      ownerEmail: 'Hana@Example.org',
    });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/console/harbour-institute');
    const invitation = (await test.platform.mail.list(50)).find(
      (mail) => mail.toAddress === 'hana@example.org',
    );
    expect(invitation?.subject).toContain('Harbour Institute');
    expect(invitation?.textBody).toContain('/console');

    const owner = new WebSession(test);
    await owner.signIn('hana@example.org');
    const console = await owner.get('/console/harbour-institute');
    expect(console.status).toBe(200);
    expect(console.text).toContain('Harbour Institute');
  });

  it('refuses a console form posted without its token', async () => {
    const admin = new WebSession(test);
    await admin.signIn('root@example.org');
    const forged = await admin.post(
      '/console/admin/issuers',
      { name: 'Forged', slug: 'forged', ownerEmail: 'f@example.org' },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    expect(await test.platform.issuers.findBySlug('forged')).toBeNull();
  });
});
