import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { pngSize } from '../shared/render/png-size.test-support.js';

const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The content of a `<meta>` tag, by its property or name. */
function meta(html: string, key: string): string | undefined {
  const escaped = key.replace(/[.:+]/g, '\\$&');
  return new RegExp(`<meta (?:property|name)="${escaped}" content="([^"]*)"`).exec(html)?.[1];
}

describe('share cards and link previews', () => {
  let test: TestApp;
  let publicId: string;
  let privateId: string;
  let achievementId: string;
  let handle: string;

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: true, devMailbox: false } });
    const { achievement } = await seedIssuer(test.platform);
    achievementId = achievement.id;
    const issue = async (email: string) =>
      (await test.platform.credentials.issue(ADMIN, { achievementId, recipient: { email } })).record.id;
    publicId = await issue('ada@example.org');
    privateId = await issue('grace@example.org');
    // Grace claims hers and keeps it private; Ada's is unclaimed, so public at its link.
    const mails = await test.platform.mail.list(50);
    const secret = mails
      .filter((mail) => mail.toAddress === 'grace@example.org')
      .map((mail) => /\/claim\/([A-Za-z0-9_-]{43})/.exec(mail.textBody)?.[1])
      .find((found) => found !== undefined);
    const { earnerId } = await test.platform.earners.acceptClaim({
      secret: secret ?? '',
      signedIn: null,
      locale: 'en',
    });
    await test.platform.earners.choose(earnerId, privateId, { choice: 'accepted', visibility: 'private' });
    handle = `grace-${achievementId.slice(0, 6)}`;
    await test.platform.earners.updateProfile(earnerId, { displayName: 'Grace Hopper 李', handle });
  });
  afterAll(async () => {
    await test?.close();
  });

  it.each([
    ['credential', () => `/credentials/${publicId}/share-card.png`],
    ['achievement', () => `/achievements/${achievementId}/share-card.png`],
    ['portfolio', () => `/u/${handle}/share-card.png`],
  ])('serves the %s card as a cacheable PNG of exactly 1200×630, without cookies', async (_kind, path) => {
    const card = await test.app.request(path());
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await card.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    expect(card.headers.get('cache-control')).toBe('public, max-age=300');
    expect(card.headers.get('set-cookie')).toBeNull();
    const etag = card.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await test.call(path(), { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('has no card for a private credential, as it has no public page', async () => {
    expect((await test.call(`/credentials/${privateId}/share-card.png`)).status).toBe(404);
    expect((await test.call(`/credentials/${privateId}`, { headers: HTML })).status).toBe(404);
    expect((await test.call('/u/nobody-here/share-card.png')).status).toBe(404);
  });

  it('points the credential page at its PNG card, large, with its size and words', async () => {
    const page = await test.call(`/credentials/${publicId}?lang=fr`, { headers: HTML });
    expect(page.status).toBe(200);
    expect(meta(page.text, 'og:image')).toBe(
      `https://badges.example.edu/credentials/${publicId}/share-card.png?lang=fr`,
    );
    expect(meta(page.text, 'og:image:width')).toBe('1200');
    expect(meta(page.text, 'og:image:height')).toBe('630');
    expect(meta(page.text, 'og:image:alt')).toContain('délivrée par');
    expect(meta(page.text, 'twitter:card')).toBe('summary_large_image');
    expect(page.headers.get('vary')).toContain('Accept');
  });

  it('gives the portfolio and achievement pages Open Graph tags with their cards', async () => {
    const portfolio = await test.call(`/u/${handle}`, { headers: HTML });
    expect(meta(portfolio.text, 'og:image')).toBe(
      `https://badges.example.edu/u/${handle}/share-card.png?lang=en`,
    );
    expect(meta(portfolio.text, 'og:title')).toContain('Grace Hopper 李');
    expect(meta(portfolio.text, 'twitter:card')).toBe('summary_large_image');
    const achievement = await test.call(`/achievements/${achievementId}`, { headers: HTML });
    expect(meta(achievement.text, 'og:image')).toBe(
      `https://badges.example.edu/achievements/${achievementId}/share-card.png?lang=en`,
    );
    expect(meta(achievement.text, 'og:url')).toBe(`https://badges.example.edu/achievements/${achievementId}`);
  });

  it('sends the page to crawlers and to */*, the JSON to clients that prefer a JSON type, varying on Accept', async () => {
    const asked = async (headers: Record<string, string>) => {
      const answer = await test.call(`/credentials/${publicId}`, { headers });
      return { type: answer.headers.get('content-type') ?? '', vary: answer.headers.get('vary') ?? '' };
    };
    for (const headers of [{ Accept: '*/*' }, { Accept: '*/*', 'User-Agent': 'LinkedInBot/1.0' }, HTML]) {
      const answer = await asked(headers);
      expect(answer.type, JSON.stringify(headers)).toContain('text/html');
      expect(answer.vary).toContain('Accept');
    }
    for (const accept of ['application/json', 'application/ld+json', 'application/vc+ld+json']) {
      const answer = await asked({ Accept: accept });
      expect(answer.type, accept).toContain(accept);
      expect(answer.vary).toContain('Accept');
    }
  });
});
