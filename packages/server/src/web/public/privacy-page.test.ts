import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PUBLIC_URL } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';

/** The footer's policy links, by `data-policy`. */
function footerPolicies(html: string): Record<string, string> {
  const footer = html.slice(html.indexOf('<footer'));
  return Object.fromEntries(
    [...footer.matchAll(/<a href="([^"]+)" data-policy="(\w+)"/g)].map((match) => [match[2], match[1]]),
  );
}

function cookieNames(result: CallResult): string[] {
  return result.headers.getSetCookie().map((cookie) => cookie.slice(0, cookie.indexOf('=')));
}

describe('the built-in privacy page', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: {
        secureCookies: false,
        devMailbox: true,
        mail: { from: 'Badges <badges@example.edu>', retentionDays: 45 },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('says, in English, what is kept, shown and sent, with the lifetimes the code and settings enforce', async () => {
    const page = await new WebSession(test).get('/privacy?lang=en');
    expect(page.status).toBe(200);
    const html = page.text;
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('<h1>Privacy</h1>');
    expect(html).toContain('The operator of badges.example.edu.');
    expect(html).toContain('comes from Badges &lt;badges@example.edu&gt;.');
    // MAIL_RETENTION_DAYS as configured; the link and session lifetimes of email-links.ts.
    expect(html).toContain('keeps each mail 45 days after sending it');
    expect(html).toContain('A sign-in link works for 30 minutes');
    expect(html).toContain('a claim link for 60 days; a signed-in session lasts 30 days');
    expect(html).toContain('then only its result, for 7 days');
    expect(html).toContain('none for fewer than 5 respondents');
    // Where the earner acts on it: pages that exist.
    for (const path of ['/account', '/account/settings', '/account/sharing', '/account/apps'])
      expect(html).toContain(`<a href="${path}">`);
  });

  it('names every cookie the pages set on the way to signing in, and no other', async () => {
    const browser = new WebSession(test);
    const seen = new Set<string>();
    for (const name of cookieNames(await browser.get('/privacy?lang=fr'))) seen.add(name);
    for (const name of cookieNames(await browser.post('/signin', { email: 'ada@example.org' })))
      seen.add(name);
    for (const name of cookieNames(await browser.signIn('ada@example.org'))) seen.add(name);
    expect([...seen].sort()).toEqual(['mc_csrf', 'mc_lang', 'mc_session', 'mc_signin_sent']);
    const html = (await browser.get('/privacy')).text;
    const listed = [...html.matchAll(/<dt><code>([\w-]+)<\/code><\/dt>/g)].map((match) => match[1]);
    expect(listed.sort()).toEqual(['mc_after_signin', 'mc_csrf', 'mc_lang', 'mc_session', 'mc_signin_sent']);
  });

  it('reads in French, with no-break spaces before the high punctuation', async () => {
    const page = await new WebSession(test).get('/privacy?lang=fr');
    expect(page.text).toContain('<html lang="fr"');
    expect(page.text).toContain('<h1>Confidentialité</h1>');
    expect(page.text).toContain('garde chaque courriel 45 jours après son envoi');
    expect(page.text).toContain('Ce qui est conservé');
    expect(page.text).toContain('\u00a0: le document signé');
    expect(page.text).not.toMatch(/[^\u00a0>] [:;?!](?=\s)/);
  });

  it('puts the privacy link in the footer of every page, signed in or not, errors included', async () => {
    const visitor = new WebSession(test);
    for (const path of ['/', '/achievements', '/verify', '/privacy']) {
      const page = await visitor.get(path);
      expect(footerPolicies(page.text), path).toEqual({ privacy: `${PUBLIC_URL}/privacy` });
    }
    // A path no page matches is answered outside the page routes, with the same footer.
    const missing = await visitor.get('/no-such-page');
    expect(missing.status).toBe(404);
    expect(footerPolicies(missing.text)).toEqual({ privacy: `${PUBLIC_URL}/privacy` });
    // Without terms of their own, /terms leads to this page, which stands for them.
    const terms = await visitor.get('/terms');
    expect(terms.status).toBe(302);
    expect(terms.headers.get('location')).toBe(`${PUBLIC_URL}/privacy`);
    const earner = new WebSession(test);
    await earner.signIn('grace@example.org');
    for (const path of ['/account', '/account/settings'])
      expect(footerPolicies((await earner.get(path)).text), path).toEqual({
        privacy: `${PUBLIC_URL}/privacy`,
      });
  });
});

describe('the privacy page when the operator names their own documents', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      platform: {
        policies: {
          privacyPolicyUrl: 'https://www.example.edu/legal/privacy',
          termsOfServiceUrl: 'https://www.example.edu/legal/terms',
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('links the footer to both documents, and sends /privacy on to the operator’s policy', async () => {
    const visitor = new WebSession(test);
    for (const path of ['/', '/no-such-page'])
      expect(footerPolicies((await visitor.get(path)).text), path).toEqual({
        privacy: 'https://www.example.edu/legal/privacy',
        terms: 'https://www.example.edu/legal/terms',
      });
    const privacy = await visitor.get('/privacy');
    expect(privacy.status).toBe(302);
    expect(privacy.headers.get('location')).toBe('https://www.example.edu/legal/privacy');
    // /terms, which this platform's registrations at other hosts name, leads to the operator's terms.
    const terms = await visitor.get('/terms');
    expect(terms.status).toBe(302);
    expect(terms.headers.get('location')).toBe('https://www.example.edu/legal/terms');
  });
});
