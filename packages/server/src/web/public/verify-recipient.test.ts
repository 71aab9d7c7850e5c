import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';

const HTML = { Accept: 'text/html' };

describe('/verify answers whether the credential was issued to the person who sent it', () => {
  let test: TestApp;
  let credential: Record<string, unknown>;
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: false } });
    const { achievement } = await seedIssuer(test.platform);
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'holder@example.org' },
    });
    credential = issued.record.document as Record<string, unknown>;
    const page = await test.call('/verify', { headers: HTML });
    csrf = {
      cookie: /mc_csrf=([A-Za-z0-9_-]{43})/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '',
      token: /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '',
    };
  });
  afterAll(async () => {
    await test?.close();
  });

  async function verify(fields: Record<string, string>): Promise<{ status: number; page: string }> {
    const body = new FormData();
    body.set('_csrf', csrf.token);
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    const response = await test.app.request('/verify', {
      method: 'POST',
      body,
      headers: { ...HTML, Cookie: `mc_csrf=${csrf.cookie}` },
    });
    return { status: response.status, page: await response.text() };
  }

  it('offers an optional "Issued to" field', async () => {
    const page = (await test.call('/verify', { headers: HTML })).text;
    expect(page).toMatch(/<label for="verify-recipient">Issued to \(email, optional\)<\/label>/);
    expect(page).toMatch(/<input id="verify-recipient" type="email" name="recipient"/);
  });

  it('says yes for the holder’s address, in any case, and keeps the address in the form', async () => {
    const { status, page } = await verify({
      text: JSON.stringify(credential),
      recipient: ' Holder@Example.org ',
    });
    expect(status).toBe(200);
    expect(page).toContain('data-recipient="match"');
    expect(page).toContain('Issued to the person who sent it? Yes: it was issued to Holder@Example.org.');
    expect(page).toContain('data-verdict="verified"');
    expect(page).toContain('value="Holder@Example.org"');
  });

  it('says no for another address, and the credential is then not verified for them', async () => {
    const { page } = await verify({ text: JSON.stringify(credential), recipient: 'impostor@example.org' });
    expect(page).toContain('data-recipient="mismatch"');
    expect(page).toContain(
      'Issued to the person who sent it? No: it was not issued to impostor@example.org.',
    );
    expect(page).toMatch(/data-check="recipient" data-outcome="failed"/);
    expect(page).not.toContain('data-verdict="verified"');
  });

  it('says it cannot tell when the credential names nobody by email, and asks nothing without an address', async () => {
    const subject = { ...(credential.credentialSubject as Record<string, unknown>) };
    delete subject.identifier;
    const anonymous = await verify({
      text: JSON.stringify({ ...credential, credentialSubject: subject }),
      recipient: 'holder@example.org',
    });
    expect(anonymous.page).toContain('data-recipient="unstated"');
    const without = await verify({ text: JSON.stringify(credential) });
    expect(without.page).not.toContain('data-recipient=');
    expect(without.page).not.toContain('data-check="recipient"');
  });
});
