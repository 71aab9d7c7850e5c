import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';

/** The number a figure of the home page shows (`data-figure` names it). */
function figure(html: string, name: string): string | undefined {
  return new RegExp(`data-figure="${name}"><dt>[^<]*</dt><dd>([^<]*)</dd>`).exec(html)?.[1];
}

describe('the home page', () => {
  let test: TestApp;
  let shift = 0;
  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      platform: { now: () => new Date(Date.now() + shift) },
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('shows the instance’s live figures, counted again after five minutes, in the reader’s language', async () => {
    const visitor = new WebSession(test);
    const empty = (await visitor.get('/')).text;
    expect(figure(empty, 'credentialsIssued')).toBe('0');
    expect(empty).toContain('No issuer yet.');

    const { issuer, achievement } = await seedIssuer(test.platform);
    // An employer's workspace issues nothing: not an issuer of the home page.
    await test.platform.employers.create(ADMIN, { slug: 'acme-hiring', name: 'Acme Hiring' });
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'ada@example.org' },
    });
    await test.platform.events.recordVerification(
      await test.platform.verify(issued.record.document),
      'vc-api',
    );
    // Counted a moment ago: still the same figures.
    expect(figure((await visitor.get('/')).text, 'credentialsIssued')).toBe('0');

    shift = 5 * 60_000;
    const home = (await visitor.get('/')).text;
    expect(figure(home, 'credentialsIssued')).toBe('1');
    expect(figure(home, 'verificationsSince')).toBe('1');
    expect(figure(home, 'achievements')).toBe('1');
    expect(figure(home, 'issuers')).toBe('1');
    expect(home).toContain('credential issued</dt>');
    expect(home).toContain('verification in the last 30 days</dt>');
    expect(home).toContain(`href="/issuers/${issuer.slug}"`);

    const french = await test.call('/', { headers: { Accept: 'text/html', 'Accept-Language': 'fr' } });
    const html = french.text;
    expect(html).toContain('certification délivrée</dt>');
    expect(html).toContain('Qui délivre des certifications ici');
  });
});
