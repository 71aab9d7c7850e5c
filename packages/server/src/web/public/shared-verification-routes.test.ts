import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';

const HTML = { Accept: 'text/html' };

describe('/verify offers a link to its result', () => {
  let test: TestApp;
  let credential: Record<string, unknown>;
  let credentialId: string;
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: false } });
    const { achievement } = await seedIssuer(test.platform);
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'link@example.org' },
    });
    credential = issued.record.document as Record<string, unknown>;
    credentialId = issued.record.id;
    const page = await test.call('/verify', { headers: HTML });
    csrf = {
      cookie: /mc_csrf=([A-Za-z0-9_-]{43})/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '',
      token: /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '',
    };
  });
  afterAll(async () => {
    await test?.close();
  });

  async function post(path: string, fields: Record<string, string>) {
    const body = new FormData();
    body.set('_csrf', csrf.token);
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return test.app.request(path, {
      method: 'POST',
      body,
      headers: { ...HTML, Cookie: `mc_csrf=${csrf.cookie}` },
    });
  }

  it('shares the result, and the shared page checks the public credential again', async () => {
    const verified = await post('/verify', { text: JSON.stringify(credential) });
    const page = await verified.text();
    expect(verified.status).toBe(200);
    const seal = /name="seal" value="([^"]+)"/.exec(page)?.[1];
    expect(seal).toBeDefined();

    const shared = await post('/verify/share', { seal: seal ?? '' });
    expect(shared.status).toBe(303);
    const location = shared.headers.get('location') ?? '';
    expect(location).toMatch(/^\/verifications\/[0-9a-f-]{36}$/);

    const result = await test.call(location, { headers: HTML });
    expect(result.status).toBe(200);
    expect(result.text).toContain('First checked on');
    expect(result.text).toContain('Checked again just now');
    expect(result.text).toContain(`/credentials/${credentialId}`);
  });

  it('compares a visitor’s copy with a result whose credential it did not keep', async () => {
    // An altered copy names a public credential's id but is not that credential: only its digest is kept.
    const altered = { ...credential, name: 'Altered name' };
    const verified = await (await post('/verify', { text: JSON.stringify(altered) })).text();
    const seal = /name="seal" value="([^"]+)"/.exec(verified)?.[1] ?? '';
    const location = (await post('/verify/share', { seal })).headers.get('location') ?? '';
    const result = await test.call(location, { headers: HTML });
    expect(result.text).toContain('not verified');
    expect(result.text).toContain('Check your copy');
    expect(result.text).not.toContain('Altered name');

    const same = await (await post(location, { text: JSON.stringify(altered) })).text();
    expect(same).toContain('Your copy is the credential that was checked');
    const other = await (await post(location, { text: JSON.stringify(credential) })).text();
    expect(other).toContain('Your copy is not the credential that was checked');
  });

  it('refuses a seal that was not made here', async () => {
    const response = await post('/verify/share', { seal: 'eyJkaWdlc3QiOiIwMCJ9.AAAA' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('verify it again');
  });
});
