import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestPlatform, seedIssuer, type TestPlatform } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import { folderTransport } from './mail-transports.js';

describe.each(testDrivers())('mail delivery from the outbox on %s', (driver) => {
  let test: TestPlatform;
  let folder: string;
  // Mail is queued at the database's clock; the worker's clock runs a little ahead of it.
  let now = new Date(Date.now() + 60_000);

  beforeAll(async () => {
    test = await openTestPlatform(driver, { now: () => now });
    folder = await mkdtemp(join(tmpdir(), 'microcred-outbox-'));
  });
  afterAll(async () => {
    await test?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('retries a refused mail later, then writes it once as an .eml file', async () => {
    const { achievement } = await seedIssuer(test.platform);
    await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'mail@example.org' },
    });

    let refusals = 0;
    const down = {
      send: async () => {
        refusals += 1;
        throw new Error('connection refused');
      },
    };
    expect(await test.platform.mail.deliver(down)).toBe(1);
    expect(refusals).toBe(1);
    const [failed] = await test.platform.mail.list();
    expect(failed).toMatchObject({ sentAt: null, lastError: 'connection refused', attempts: 1 });
    // Backing off: not due again at once.
    expect(await test.platform.mail.deliver(down)).toBe(0);

    now = new Date(now.getTime() + 2 * 60_000);
    const transport = folderTransport({ folder, from: 'microcred <no-reply@example.org>' });
    expect(await test.platform.mail.deliver(transport)).toBe(1);
    expect(await test.platform.mail.deliver(transport)).toBe(0);
    const files = await readdir(folder);
    expect(files).toHaveLength(1);
    const eml = await readFile(join(folder, files[0] ?? ''), 'utf8');
    expect(eml).toContain('To: mail@example.org');
    // The subject has typographic quotes, so it is MIME-encoded.
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(eml).toMatch(/\/claim\/[A-Za-z0-9_-]{43}/);
  });
  it('sends the mail in hand when told to stop, and hands the others back at once', async () => {
    const { achievement } = await seedIssuer(test.platform);
    for (const name of ['stop-1', 'stop-2', 'stop-3']) {
      await test.platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email: `${name}@example.org` },
      });
    }
    const stopping = new AbortController();
    const sent: string[] = [];
    // The stop request arrives while the first mail is being sent.
    const stoppedMidway = {
      send: async (mail: { toAddress: string }) => {
        stopping.abort();
        sent.push(mail.toAddress);
      },
    };
    expect(await test.platform.mail.deliver(stoppedMidway, { signal: stopping.signal })).toBe(1);
    expect(sent).toHaveLength(1);
    // Not held for the minute's lease: another worker sends the other two now, as first attempts.
    const others: { toAddress: string; attempts: number }[] = [];
    expect(await test.platform.mail.deliver({ send: async (mail) => void others.push(mail) })).toBe(2);
    expect(others.map((mail) => mail.attempts)).toEqual([1, 1]);
    expect(new Set([...sent, ...others.map((mail) => mail.toAddress)]).size).toBe(3);
  });
});
