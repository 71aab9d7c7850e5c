import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { NewMail } from '../ports/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function mail(to: string, dedupeKey?: string): NewMail {
  return {
    toAddress: to,
    subject: `Hello ${to}`,
    textBody: `A link for ${to}`,
    htmlBody: `<p>A link for ${to}</p>`,
    ...(dedupeKey === undefined ? {} : { dedupeKey }),
  };
}

describe.each(testDrivers())('sent mail is forgotten after its retention on %s', (driver) => {
  let test: TestPlatform;
  // Mail is queued at the database's clock; the worker's clock runs a little ahead of it.
  let now = new Date(Date.now() + 60_000);
  const sent = { send: async () => {} };

  beforeAll(async () => {
    test = await openTestPlatform(driver, { now: () => now });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('deletes old claim mails, empties old notifications but keeps their key, and leaves the rest', async () => {
    await test.storage.mailOutbox.enqueue([
      mail('old@example.org'),
      mail('notified@example.org', 'expiry:1'),
    ]);
    expect(await test.platform.mail.deliver(sent)).toBe(2);

    now = new Date(now.getTime() + 31 * DAY_MS);
    await test.storage.mailOutbox.enqueue([mail('recent@example.org')]);
    expect(await test.platform.mail.deliver(sent)).toBe(1);
    await test.storage.mailOutbox.enqueue([mail('waiting@example.org')]);

    expect(await test.platform.mail.forgetSent(30)).toBe(2);
    const left = await test.platform.mail.list(10);
    expect(left.map((row) => row.toAddress).sort()).toEqual([
      '',
      'recent@example.org',
      'waiting@example.org',
    ]);
    const emptied = left.find((row) => row.toAddress === '');
    expect(emptied).toMatchObject({ subject: '', textBody: '', htmlBody: '' });
    expect(emptied?.sentAt).not.toBeNull();

    // The kept key still stops the same notification from going out again.
    expect(await test.storage.mailOutbox.enqueue([mail('notified@example.org', 'expiry:1')])).toBe(0);
    // Nothing left to forget: a second sweep is a no-op.
    expect(await test.platform.mail.forgetSent(30)).toBe(0);
  });
});
