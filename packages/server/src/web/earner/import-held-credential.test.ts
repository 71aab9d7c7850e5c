import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedWallet, walletKey } from '../../../test/support/scripted-wallet.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';

const EMAIL = 'holder@example.org';

describe('importing a credential the earner already holds here', () => {
  let test: TestApp;
  let earner: WebSession;
  let original: { id: string; document: Record<string, unknown> };
  let copy: Record<string, unknown>;

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    const { achievement } = await seedIssuer(test.platform);
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: EMAIL },
    });
    original = { id: issued.record.id, document: issued.record.document };
    const offer = await test.call(`/api/v1/credentials/${issued.record.id}/offers`, {
      token: ADMIN_TOKEN,
      json: {},
    });
    const { answer } = await new ScriptedWallet(test, await walletKey()).receive(offer.body.offerUri);
    expect(answer.status).toBe(200);
    copy = answer.body.credentials[0].credential as Record<string, unknown>;
    earner = new WebSession(test);
    await earner.signIn(EMAIL);
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('leads to its page, storing no second, imported entry, for the credential and for its wallet copy', async () => {
    const copyId = String(copy.id).split('/').pop();
    for (const [credential, page] of [
      [original.document, `/credentials/${original.id}`],
      [copy, `/credentials/${copyId}`],
    ] as const) {
      const posted = await earner.post('/account/imports', { text: JSON.stringify(credential) });
      expect(posted.status).toBe(303);
      expect(posted.headers.get('location')).toBe(page);
    }
    const earnerId = (await test.platform.earners.ofSession(earner.cookie('mc_session') ?? ''))?.id ?? '';
    const portfolio = await test.platform.earners.portfolio(earnerId);
    expect(portfolio.map((item) => item.kind)).toEqual(['issued']);
  });
});
