import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsSettled } from '../../../test/support/settled-events.js';
import { openTestPlatform, seedIssuer, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { NewEvent } from '../ports/event-repository.js';
import { compareEventCursors, formatEventCursor, isEventCursor, parseEventCursor } from './event-cursor.js';

describe('event cursors', () => {
  it('order by transaction first, then id, and refuse anything else', () => {
    expect(compareEventCursors('9.6', '10.5')).toBeLessThan(0);
    expect(compareEventCursors('10.5', '10.7')).toBeLessThan(0);
    expect(compareEventCursors('0', '1.1')).toBeLessThan(0);
    expect(compareEventCursors('12.3', '12.3')).toBe(0);
    expect(formatEventCursor(parseEventCursor('123456789012.42'))).toBe('123456789012.42');
    for (const bad of ['', '-1', '1', '1.', '.1', '1.2.3', 'a.b', ' 1.2'])
      expect(isEventCursor(bad), bad).toBe(false);
  });
});

describe.each(testDrivers())('the event feed cursor on %s', (driver) => {
  let test: TestPlatform;
  let issuerId = '';
  beforeAll(async () => {
    test = await openTestPlatform(driver);
    issuerId = (await seedIssuer(test.platform)).issuer.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  const event = (marker: string): NewEvent => ({
    type: 'credential.viewed',
    issuerId,
    data: { marker },
    at: new Date(),
  });
  const markers = (events: readonly { data: Record<string, unknown> }[]) =>
    events.map((item) => item.data.marker);

  it('feeds no event while the transaction that wrote it is still open', async () => {
    const before = await test.storage.events.lastCursor();
    await test.storage.transaction(async (repositories) => {
      await repositories.events.append([event('open')]);
      expect(markers(await repositories.events.list({ after: before, limit: 10 }))).toEqual([]);
    });
    await eventsSettled(test);
    expect(markers(await test.storage.events.list({ after: before, limit: 10 }))).toEqual(['open']);
  });

  // Two connections are needed to interleave transactions: PGlite has one.
  it.runIf(driver === 'postgres')(
    'never leaves behind a lower id committed after a higher one was read',
    async () => {
      const start = await test.storage.events.lastCursor();
      const signal = () => {
        let release: () => void = () => {};
        const done = new Promise<void>((resolve) => {
          release = resolve;
        });
        return { done, release };
      };
      const laterHasXid = signal();
      const otherHasId = signal();
      const finishOther = signal();
      // "later" takes its transaction id first but commits its last event after "other", which starts
      // second, takes a lower event id, and is still open when the feed is read.
      const later = test.storage.transaction(async (repositories) => {
        await repositories.events.append([event('later-1')]);
        laterHasXid.release();
        await otherHasId.done;
        await repositories.events.append([event('later-2')]);
      });
      await laterHasXid.done;
      const other = test.storage.transaction(async (repositories) => {
        await repositories.events.append([event('other')]);
        otherHasId.release();
        await finishOther.done;
      });
      await later;
      // Waits out other test files' transactions (on a shared server), never "other": it is not committed.
      await eventsSettled(test);
      const seen = await test.storage.events.list({ after: start, limit: 100 });
      expect(markers(seen)).toEqual(['later-1', 'later-2']);
      finishOther.release();
      await other;
      await eventsSettled(test);
      const rest = await test.storage.events.list({ after: seen.at(-1)?.cursor ?? start, limit: 100 });
      // By id alone, "other" (an id below later-2's) would never be read.
      expect(markers(rest)).toEqual(['other']);
      expect(Number(rest[0]?.id)).toBeLessThan(Number(seen.at(-1)?.id));
    },
  );
});
