import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';
import { testDrivers } from '../../db/open-test-database.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';

const HTML = 'text/html';

describe.each(testDrivers())('public pages for a visitor who is not signed in, on %s', (driver) => {
  let test: TestApp;
  let credentialId = '';

  beforeAll(async () => {
    test = await openTestApp(driver, { web: { secureCookies: false, devMailbox: false } });
    await seedDemoData(test.platform);
    // A credential anyone may read: the demo has private ones too, and the list's order among credentials
    // issued in one instant is the database's.
    const credentials = await test.platform.credentials.list(ADMIN, { limit: 50 });
    for (const credential of credentials) {
      if ((await test.call(`/credentials/${credential.id}`, { headers: { Accept: HTML } })).status === 200) {
        credentialId = credential.id;
        break;
      }
    }
    if (credentialId === '') throw new Error('the demo issued no public credential');
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  /** A page as this browser would ask for it again, naming the version it holds. */
  async function revalidate(visitor: WebSession, path: string, etag: string) {
    return test.call(path, {
      headers: { Accept: HTML, Cookie: `mc_csrf=${visitor.cookie('mc_csrf')}`, 'If-None-Match': etag },
    });
  }

  it('carry a strong ETag and are answered 304, without a body, while nothing changed', async () => {
    const visitor = new WebSession(test);
    await visitor.get('/');
    for (const path of ['/', '/achievements', `/credentials/${credentialId}`, '/issuers/demo-university']) {
      const page = await visitor.get(path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toMatch(/^<html[\s\S]*<\/html>$/);
      const etag = page.headers.get('ETag') ?? '';
      expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      // The page carries the visitor's form token: a browser may keep it, a shared cache may not.
      expect(page.headers.get('Cache-Control'), path).toBe('private, no-cache');
      expect((await visitor.get(path)).headers.get('ETag'), path).toBe(etag);

      const again = await revalidate(visitor, path, etag);
      expect(again.status, path).toBe(304);
      expect(again.text, path).toBe('');
      expect(again.headers.get('ETag'), path).toBe(etag);
      expect(again.headers.get('Cache-Control'), path).toBe('private, no-cache');
      expect(again.headers.get('Vary'), path).toContain('Cookie');
      expect(again.headers.get('Set-Cookie'), path).toBeNull();
      expect(again.headers.get('Content-Type'), path).toBeNull();
      // Another version held (or none of ours): the page itself.
      expect((await revalidate(visitor, path, '"an-older-version"')).status, path).toBe(200);
    }
  });

  it('change their ETag when what they show changes: a revoked credential is never a 304', async () => {
    const { record } = await test.platform.credentials.issue(ADMIN, {
      achievementId: (await test.platform.credentials.get(ADMIN, credentialId)).achievementId,
      recipient: { email: 'revalidated@example.org', name: 'Rea Validated' },
    });
    const visitor = new WebSession(test);
    const before = await visitor.get(`/credentials/${record.id}`);
    const etag = before.headers.get('ETag') ?? '';
    expect((await revalidate(visitor, `/credentials/${record.id}`, etag)).status).toBe(304);
    await test.platform.credentials.revoke(ADMIN, record.id, { reason: 'issued in error' });
    const after = await revalidate(visitor, `/credentials/${record.id}`, etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
  });

  it('stay no-store, without a validator, behind a secret link and for someone signed in', async () => {
    const visitor = new WebSession(test);
    for (const path of ['/signin', '/verify?url=https://badges.example.org/credentials/1']) {
      const page = await visitor.get(path);
      expect(page.headers.get('Cache-Control'), path).toBe('no-store');
      expect(page.headers.get('ETag'), path).toBeNull();
    }
    const earner = new WebSession(test);
    await earner.signIn('signed-in-visitor@example.org');
    for (const path of ['/', `/credentials/${credentialId}`]) {
      const page = await earner.get(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('Cache-Control'), path).toBe('no-store');
      expect(page.headers.get('ETag'), path).toBeNull();
    }
  });
});
