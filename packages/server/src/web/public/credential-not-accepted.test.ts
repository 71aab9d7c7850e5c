import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';

describe('a credential its recipient has not accepted yet', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('stays viewable at its link, saying so, until accepted; declined, it is gone', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const issue = (email: string) =>
      test.platform.credentials.issue(ADMIN, { achievementId: achievement.id, recipient: { email } });
    const pending = (await issue('later@example.org')).record;
    const visitor = new WebSession(test);
    const before = await visitor.get(`/credentials/${pending.id}`);
    expect(before.status).toBe(200);
    expect(before.text).toContain('data-not-accepted');
    expect(before.text).toContain('Its recipient has not accepted this credential yet');

    const earner = new WebSession(test);
    await earner.signIn('later@example.org');
    await earner.post(`/account/credentials/${pending.id}`, { choice: 'accepted', visibility: 'public' });
    const after = await visitor.get(`/credentials/${pending.id}`);
    expect(after.status).toBe(200);
    expect(after.text).not.toContain('data-not-accepted');

    const declined = (await issue('later@example.org')).record;
    await earner.post(`/account/credentials/${declined.id}`, { choice: 'declined', visibility: 'private' });
    expect((await visitor.get(`/credentials/${declined.id}`)).status).toBe(404);
  });
});
