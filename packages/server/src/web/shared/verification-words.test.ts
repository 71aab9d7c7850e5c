import '@hono/zod-openapi';
import { VERIFIER_CHECK_IDS } from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { CATALOGUES } from '../../i18n/translate.js';

describe('the words of verification checks', () => {
  it.each(Object.keys(CATALOGUES))(
    'has a label and both outcomes for every check the verifier can emit (%s)',
    (locale) => {
      const messages: Readonly<Record<string, string>> = CATALOGUES[locale] ?? {};
      const missing = VERIFIER_CHECK_IDS.flatMap((id) =>
        ['label', 'ok', 'failed']
          .map((part) => `check.${id}.${part}`)
          .filter((key) => typeof messages[key] !== 'string' || messages[key] === ''),
      );
      expect(missing).toEqual([]);
    },
  );
});

describe('/verify with a pasted VC-JWT', () => {
  const HTML = { Accept: 'text/html' };
  let test: TestApp;
  let jwt = '';
  let csrf = { cookie: '', token: '' };

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: false } });
    const { achievement } = await seedIssuer(test.platform);
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'jwt-words@example.org' },
      format: 'jwt',
    });
    jwt = issued.record.jwt ?? '';
    const page = await test.call('/verify', { headers: HTML });
    csrf = {
      cookie: /mc_csrf=([A-Za-z0-9_-]{43})/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '',
      token: /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '',
    };
  });
  afterAll(async () => {
    await test?.close();
  });

  it.each(['en', 'fr'])('names every row, the token’s signature as “Signature” (%s)', async (locale) => {
    expect(jwt.split('.')).toHaveLength(3);
    const body = new FormData();
    body.set('_csrf', csrf.token);
    body.set('text', jwt);
    const response = await test.app.request('/verify', {
      method: 'POST',
      body,
      headers: { ...HTML, 'Accept-Language': locale, Cookie: `mc_csrf=${csrf.cookie}` },
    });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).not.toContain(locale === 'en' ? 'Other check' : 'Autre contrôle');
    expect(page).not.toContain(locale === 'en' ? 'This check passed.' : 'Ce contrôle a réussi.');
    expect(page).toContain(locale === 'en' ? 'Token expiry' : 'Expiration du jeton');
    // French puts a no-break space before the colon.
    expect(page).toContain(locale === 'en' ? '</strong>: passed' : '</strong>\u00a0: réussi');
    // The JWT's own signature row, worded as a signature, not as an envelope detail.
    expect(page.match(/>Signature</g)?.length ?? 0).toBeGreaterThanOrEqual(1);
  });
});
