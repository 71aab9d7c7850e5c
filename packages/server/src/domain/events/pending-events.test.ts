import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsSettled } from '../../../test/support/settled-events.js';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { EventAboutCredential } from '../ports/event-repository.js';
import { createPendingEvents } from './pending-events.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe.each(testDrivers())('events written in batches on %s', (driver) => {
  let test: TestPlatform;
  let credentialIds: string[];

  beforeAll(async () => {
    test = await openTestPlatform(driver);
    const { achievement } = await seedIssuer(test.platform);
    credentialIds = [];
    for (const email of ['one@example.org', 'two@example.org', 'three@example.org']) {
      const { record } = await test.platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email },
      });
      credentialIds.push(record.id);
    }
  });
  afterAll(async () => {
    await test?.close();
  });

  /** The stored verification events of `credentialId`, read past any batching. */
  async function storedVia(credentialId: string): Promise<unknown[]> {
    await eventsSettled(test);
    const events = await test.storage.events.list({ types: ['credential.verified'], limit: 1000 });
    return events.filter((event) => event.credentialId === credentialId).map((event) => event.data.via);
  }

  function counting() {
    const batches: (readonly EventAboutCredential[])[] = [];
    const warnings: string[] = [];
    const pending = createPendingEvents({
      events: {
        appendAboutCredentials: (events) => {
          batches.push(events);
          return test.storage.events.appendAboutCredentials(events);
        },
      },
      logger: { warn: (_details, message) => warnings.push(message) },
      maxDelayMs: 50,
    });
    return { pending, batches, warnings };
  }

  const verified = (credentialId: string, via: string): EventAboutCredential => ({
    credentialId,
    type: 'credential.verified',
    at: new Date(),
    data: { via, ok: true },
  });

  it('writes what comes within the delay in one statement, and tells each event whether it was stored', async () => {
    const { pending, batches } = counting();
    const [one = '', two = '', three = ''] = credentialIds;
    const stored = Promise.all([
      pending.add(verified(one, 'first')),
      pending.add(verified(two, 'first')),
      pending.add(verified(UNKNOWN, 'first')),
      pending.add(verified('not-a-uuid', 'first')),
      pending.add(verified(three, 'first')),
    ]);
    expect(await stored).toEqual([true, true, false, false, true]);
    expect(batches).toHaveLength(1);
    expect(await storedVia(one)).toEqual(['first']);
    expect(await storedVia(three)).toEqual(['first']);
  });

  it('holds events until the delay or a flush, in the order they came', async () => {
    const { pending, batches } = counting();
    const [one = ''] = credentialIds;
    const first = pending.add(verified(one, 'held-1'));
    const second = pending.add(verified(one, 'held-2'));
    expect(batches).toHaveLength(0);
    expect(await storedVia(one)).not.toContain('held-1');
    await pending.flush();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect((await storedVia(one)).filter((via) => String(via).startsWith('held'))).toEqual([
      'held-1',
      'held-2',
    ]);
    // Nothing left: a second flush writes nothing.
    await pending.flush();
    expect(batches).toHaveLength(1);
  });

  it('logs a failed write and answers false, without failing whoever recorded', async () => {
    const warnings: string[] = [];
    const pending = createPendingEvents({
      events: {
        appendAboutCredentials: async () => {
          throw new Error('the database is gone');
        },
      },
      logger: { warn: (_details, message) => warnings.push(message) },
      maxDelayMs: 10,
    });
    expect(await pending.add(verified(credentialIds[0] ?? '', 'lost'))).toBe(false);
    expect(warnings).toEqual(['could not record events']);
  });

  it("counts a page or API verification in the issuer's feed, read in the same process at once", async () => {
    const [, two = ''] = credentialIds;
    const record = await test.platform.credentials.get(ADMIN, two);
    const recording = test.platform.events.recordVerification(
      await test.platform.verify(record.document),
      'vc-api',
    );
    // The feed writes what is held before it reads: the verification is stored by the time it answers.
    await test.platform.events.feed(ADMIN, { limit: 1 });
    expect(await Promise.race([recording, Promise.resolve('still held')])).toBe(true);
    await eventsSettled(test);
    const { events } = await test.platform.events.feed(ADMIN, { type: ['credential.verified'], limit: 500 });
    expect(
      events.filter((event) => event.data.credentialId === two).map((event) => event.data.via),
    ).toContain('vc-api');
  });
});
