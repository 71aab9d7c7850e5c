import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { seedDemoData } from './seed-demo-data.js';
import { DEMO_NOTIFIED_EMAIL } from './seed-demo-notifications.js';

describe.each(testDrivers())('the demo’s notification mails on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('has an auto-awarded certificate notice and an expiry reminder in the mailbox after the start-up sweep', async () => {
    await seedDemoData(test.platform);
    // What the notification worker does as the server starts; a second start adds nothing.
    expect(await test.platform.notifications.sweepExpiry()).toBe(1);
    await seedDemoData(test.platform);
    expect(await test.platform.notifications.sweepExpiry()).toBe(0);

    const subjects = (await test.platform.mail.list(500))
      .filter((mail) => mail.toAddress === DEMO_NOTIFIED_EMAIL)
      .map((mail) => mail.subject);
    expect(
      subjects.filter((subject) =>
        subject.startsWith('You earned “Data Analytics Certificate” by completing'),
      ),
    ).toHaveLength(1);
    expect(subjects.filter((subject) => / expires in 20 days$/.test(subject))).toEqual([
      'Your credential “Data Visualisation and Storytelling” expires in 20 days',
    ]);
  });
});
