import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../test/support/test-platform.js';

const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The anti-CSRF cookie a page set, and the token its forms carry (they must be equal). */
function formToken(result: { headers: Headers; text: string }): { cookie: string; token: string } {
  const cookie = /mc_csrf=([A-Za-z0-9_-]{43})/.exec(result.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(result.text)?.[1] ?? '';
  return { cookie, token };
}

describe('web pages over HTTP', () => {
  let test: TestApp;
  let credentialId: string;

  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: true, devMailbox: false },
      bodyLimitBytes: 64 * 1024,
    });
    const { achievement } = await seedIssuer(test.platform);
    credentialId = (
      await test.platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email: 'web@example.org' },
      })
    ).record.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  it('serves the credential page to browsers and the JSON to everyone else at the same URL', async () => {
    const page = await test.call(`/credentials/${credentialId}`, { headers: HTML });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('data-verdict="verified"');
    const json = await test.call(`/credentials/${credentialId}`);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.body.id).toBe(`https://badges.example.edu/credentials/${credentialId}`);
  });

  it('sends a strict Content-Security-Policy and secure, http-only cookies with every page', async () => {
    const page = await test.call('/verify', { headers: HTML });
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('set-cookie')).toMatch(/mc_csrf=[^;]+;.*HttpOnly.*Secure.*SameSite=Lax/i);
  });

  it('refuses a form post without its token', async () => {
    const forged = await test.call('/signin', {
      body: 'email=victim%40example.org',
      headers: { ...HTML, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toContain('text/html');
    expect(forged.text).toContain('this form has expired');
  });

  it('accepts the same post with its token and mails nothing that reveals whether an account exists', async () => {
    const form = formToken(await test.call('/signin', { headers: HTML }));
    const sent = await test.call('/signin', {
      body: `email=someone%40example.org&_csrf=${form.token}`,
      headers: {
        ...HTML,
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: `mc_csrf=${form.cookie}`,
      },
    });
    // Post/Redirect/Get: reloading the page it lands on mails nothing more. The address it names comes
    // from this browser's cookie, never from the address bar.
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/signin?done=sent');
    const sentCookie = /mc_signin_sent=[^;]+/.exec(sent.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const landed = await test.call('/signin?done=sent', { headers: { ...HTML, Cookie: sentCookie } });
    expect(landed.text).toContain('If someone@example.org can receive mail, a sign-in link is on its way');
    const elsewhere = await test.call('/signin?done=sent&email=evil%40example.org', { headers: HTML });
    expect(elsewhere.text).toContain('If the address you entered can receive mail');
    expect(elsewhere.text).not.toContain('evil@example.org');
    expect((await test.platform.mail.list())[0]?.toAddress).toBe('someone@example.org');
  });

  it('tells the viewer when an upload is too large or not a credential', async () => {
    const form = formToken(await test.call('/verify', { headers: HTML }));
    const upload = async (bytes: Uint8Array, name: string) => {
      const body = new FormData();
      body.set('_csrf', form.token);
      body.set('file', new File([bytes], name));
      const response = await test.app.request('/verify', {
        method: 'POST',
        body,
        headers: { ...HTML, Cookie: `mc_csrf=${form.cookie}` },
      });
      return { status: response.status, text: await response.text() };
    };
    const large = await upload(new Uint8Array(2.5 * 1024 * 1024).fill(0x7b), 'big.json');
    expect(large.status).toBe(400);
    expect(large.text).toContain('The file is too large');
    const wrong = await upload(new TextEncoder().encode('just some notes'), 'notes.txt');
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('This file is not a credential');
  });

  it('refuses a link to nothing in the same words on /verify and in an account import', async () => {
    await test.platform.earners.requestSignIn({ email: 'importer@example.org', locale: 'en' });
    const mail = (await test.platform.mail.list()).find((item) => item.toAddress === 'importer@example.org');
    const secret = /\/signin\/([A-Za-z0-9_-]{43})/.exec(mail?.textBody ?? '')?.[1] ?? '';
    const session = await test.platform.earners.startSession(
      await test.platform.earners.signInWithLink({ secret, locale: 'en' }),
    );
    const form = formToken(await test.call('/verify', { headers: HTML }));
    const post = async (path: string) => {
      const body = new FormData();
      body.set('_csrf', form.token);
      body.set('url', `https://badges.example.edu/credentials/${crypto.randomUUID()}`);
      const response = await test.app.request(path, {
        method: 'POST',
        body,
        headers: { ...HTML, Cookie: `mc_csrf=${form.cookie}; mc_session=${session}` },
      });
      return { status: response.status, text: await response.text() };
    };
    for (const path of ['/verify', '/account/imports']) {
      const refused = await post(path);
      expect(refused.status, path).toBe(400);
      expect(refused.text, path).toContain('Nothing is published at this link');
    }
  });

  it('has no development mailbox in production', async () => {
    expect((await test.call('/dev/mailbox', { headers: HTML })).status).toBe(404);
  });

  it('answers unknown pages with an HTML 404 for browsers and problem+json for API clients', async () => {
    const page = await test.call('/no/such/page', { headers: HTML });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const api = await test.call('/no/such/page');
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers an unknown path under /account with the same HTML 404 page as any other, footer included', async () => {
    await test.platform.earners.requestSignIn({ email: 'web@example.org', locale: 'en' });
    const mail = (await test.platform.mail.list()).find((item) => item.toAddress === 'web@example.org');
    const secret = /\/signin\/([A-Za-z0-9_-]{43})/.exec(mail?.textBody ?? '')?.[1] ?? '';
    const session = await test.platform.earners.startSession(
      await test.platform.earners.signInWithLink({ secret, locale: 'en' }),
    );
    const privacyLinks = (html: string) =>
      [...html.matchAll(/href="([^"]*)" data-policy="privacy"/g)].map((m) => m[1]);
    for (const path of [`/account/credentials/${credentialId}`, '/account/no-such-page', '/no/such/page']) {
      const page = await test.call(path, { headers: { ...HTML, Cookie: `mc_session=${session}` } });
      expect(page.status, path).toBe(404);
      expect(page.headers.get('content-type'), path).toContain('text/html');
      expect(privacyLinks(page.text), path).toEqual(['https://badges.example.edu/privacy']);
    }
  });

  it('sends strangers to sign in from account pages', async () => {
    const account = await test.call('/account', { headers: HTML });
    expect(account.status).toBe(303);
    expect(account.headers.get('location')).toBe('/signin?next=%2Faccount');
  });
});
