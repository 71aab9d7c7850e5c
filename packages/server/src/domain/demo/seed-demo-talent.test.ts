import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsSettled } from '../../../test/support/settled-events.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { seedDemoData } from './seed-demo-data.js';

describe.each(testDrivers())('the demo’s talent on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('records Jordan’s acceptance as a claim, so the issuer’s analytics count it', async () => {
    const { issuerId } = await seedDemoData(test.platform);
    await eventsSettled(test);
    const claims = await test.storage.events.list({ issuerId, types: ['credential.claimed'], limit: 100 });
    const sqlForAnalysts = (await test.storage.achievements.list({ issuerId, limit: 100 })).find(
      (achievement) => achievement.name === 'SQL for Analysts',
    );
    const accepted = claims.filter((event) => event.achievementId === sqlForAnalysts?.id);
    expect(accepted).toHaveLength(1);
    const choice = await test.storage.portfolios.findChoice({
      credentialId: accepted[0]?.credentialId ?? '',
    });
    expect(choice?.choice).toBe('accepted');
  });
});
