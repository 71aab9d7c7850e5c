import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsSettled } from '../../../test/support/settled-events.js';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { WebhookSender } from '../ports/webhook-sender.js';

describe.each(testDrivers())('a webhook worker told to stop, on %s', (driver) => {
  const stopping = new AbortController();
  const sent: string[] = [];
  // The stop request arrives while the first delivery is being sent.
  const sender: WebhookSender = {
    check: async () => {},
    send: async (request) => {
      stopping.abort();
      sent.push(request.headers['webhook-id'] ?? '');
      return { status: 204, excerpt: '' };
    },
  };
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver, { webhookSender: sender });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('finishes the attempt in flight and hands the other deliveries back at once', async () => {
    const { issuer, achievement } = await seedIssuer(test.platform);
    await test.platform.webhooks.create(ADMIN, {
      issuerId: issuer.id,
      url: 'https://receiver.example/hook',
      events: ['credential.issued'],
    });
    for (const name of ['hook-1', 'hook-2', 'hook-3']) {
      await test.platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email: `${name}@example.org` },
      });
    }
    await eventsSettled(test);
    expect(await test.platform.webhooks.process({ signal: stopping.signal })).toBe(1);
    expect(sent).toHaveLength(1);
    // Not held for the minute's lease: the next step (another process) sends the other two now.
    expect(await test.platform.webhooks.process()).toBe(2);
    expect(new Set(sent).size).toBe(3);
  });
});
