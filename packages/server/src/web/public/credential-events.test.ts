import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsSettled } from '../../../test/support/settled-events.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';

const BROWSER = {
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'User-Agent':
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
};

describe('credential page events over HTTP', () => {
  let test: TestApp;
  let credentialId: string;

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: true, devMailbox: false } });
    const { achievement } = await seedIssuer(test.platform);
    credentialId = (
      await test.platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email: 'page@example.org' },
      })
    ).record.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  async function types(): Promise<string[]> {
    await eventsSettled(test);
    const feed = await test.call('/api/v1/events?limit=500', { token: ADMIN_TOKEN });
    return feed.body.events
      .filter((event: { data: { credentialId?: string } }) => event.data.credentialId === credentialId)
      .map((event: { type: string; data: { channel?: string; format?: string; via?: string } }) =>
        [event.type, event.data.channel ?? event.data.format ?? event.data.via].filter(Boolean).join(' '),
      );
  }

  it('counts a page view once per visitor, not for bots or JSON readers, and records shares and downloads', async () => {
    expect((await test.call(`/credentials/${credentialId}`, { headers: BROWSER })).status).toBe(200);
    const again = await test.call(`/credentials/${credentialId}`, { headers: BROWSER });
    await test.call(`/credentials/${credentialId}`, {
      headers: { ...BROWSER, 'User-Agent': 'LinkedInBot/1.0' },
    });
    await test.call(`/credentials/${credentialId}`, {
      headers: { Accept: 'application/json', 'User-Agent': BROWSER['User-Agent'] },
    });
    // The share buttons carry their beacon; the page loads site.js, no inline script.
    expect(again.text).toContain(`data-beacon="/credentials/${credentialId}/events/x"`);
    expect(again.text).toContain(`data-beacon="/credentials/${credentialId}/events/embed"`);
    expect(again.text).not.toMatch(/<script(?![^>]*\bsrc=)/);

    const beacon = (action: string, site?: string) =>
      test.call(`/credentials/${credentialId}/events/${action}`, {
        method: 'POST',
        headers: {
          'User-Agent': BROWSER['User-Agent'],
          ...(site === undefined ? {} : { 'Sec-Fetch-Site': site }),
        },
      });
    expect((await beacon('x', 'same-origin')).status).toBe(204);
    expect((await beacon('embed', 'same-origin')).status).toBe(204);
    // Another site cannot count shares through a visitor's browser; an unknown action counts nothing.
    expect((await beacon('linkedin', 'cross-site')).status).toBe(204);
    expect((await beacon('telepathy', 'same-origin')).status).toBe(204);

    const download = await test.call(`/credentials/${credentialId}/download/credential.json`, {
      headers: { 'User-Agent': BROWSER['User-Agent'] },
    });
    expect(download.status).toBe(200);

    expect(await types()).toEqual([
      // No claim mail event: the mail has not left (no mail worker runs here).
      'credential.issued api',
      'credential.viewed',
      'credential.shared x',
      'credential.shared embed',
      'credential.downloaded json',
    ]);
  });

  it('counts /verify of its own credential, as the page', async () => {
    const credential = await test.call(`/credentials/${credentialId}`, {
      headers: { Accept: 'application/ld+json' },
    });
    const before = (await types()).filter((type) => type.startsWith('credential.verified')).length;
    const answer = await test.call('/credentials/verify', {
      method: 'POST',
      json: { verifiableCredential: credential.body },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.verified).toBe(true);
    const verified = (await types()).filter((type) => type.startsWith('credential.verified'));
    expect(verified).toHaveLength(before + 1);
    expect(verified.at(-1)).toBe('credential.verified vc-api');
  });
});
