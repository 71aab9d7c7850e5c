import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPathwayWorld, threeOfFour } from '../../../test/support/pathway-fixtures.js';
import { rejection } from '../../../test/support/rejection.js';
import { eventsSettled } from '../../../test/support/settled-events.js';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { Actor } from '../auth/actor.js';
import { ServerErrorCode } from '../error/server-error.js';
import type { EventType } from '../ports/event-repository.js';
import type { MailTransport } from '../ports/mail-transport.js';
import { dailyVisitorHash, isBot } from './record-activity.js';

/** A mail server that takes everything. */
const ACCEPTING: MailTransport = { send: async () => {} };

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

describe.each(testDrivers())('credential events on %s', (driver) => {
  let test: TestPlatform;
  // Real time moved by `shift`: status lists are signed at real time, and must not look valid only later.
  let shift = 0;
  beforeAll(async () => {
    test = await openTestPlatform(driver, { now: () => new Date(Date.now() + shift) });
  });
  afterAll(async () => {
    await test?.close();
  });

  /** Every event about one credential, oldest first, as the administrator's feed gives them. */
  async function eventsOf(
    credentialId: string,
  ): Promise<{ type: EventType; data: Record<string, unknown> }[]> {
    await eventsSettled(test);
    const { events } = await test.platform.events.feed(ADMIN, { limit: 500 });
    return events.filter((event) => event.data.credentialId === credentialId);
  }

  /** What the mail worker does: every mail waiting in the outbox leaves. */
  async function deliverAll(): Promise<void> {
    while ((await test.platform.mail.deliver(ACCEPTING)) > 0);
  }

  async function claimSecret(to: string, credentialId: string): Promise<string> {
    for (const mail of await test.platform.mail.list(500)) {
      if (mail.toAddress !== to) continue;
      const secret = /\/claim\/([A-Za-z0-9_-]{43})/.exec(mail.textBody)?.[1];
      if (secret === undefined) continue;
      const claim = await test.platform.earners.viewClaim(secret).catch(() => null);
      if (claim?.credential.id === credentialId) return secret;
    }
    throw new Error(`no claim mail for ${credentialId}`);
  }

  it('records issuance in the issuing transaction, the claim mail as it leaves, then claim, revocation', async () => {
    const { platform } = test;
    const { issuer, achievement } = await seedIssuer(platform);
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'ada@example.org', name: 'Ada' },
    });
    const issued = expect.objectContaining({
      type: 'credential.issued',
      data: { credentialId: record.id, achievementId: achievement.id, issuerId: issuer.id, via: 'api' },
    });
    expect(await eventsOf(record.id)).toEqual([issued]);
    // Each id is stored once, in its column: the feed puts them back into `data`.
    const stored = await test.database.db.execute(
      sql`select data from events where credential_id = ${record.id} and type = 'credential.issued'`,
    );
    expect((stored as unknown as { rows: { data: unknown }[] }).rows).toEqual([{ data: { via: 'api' } }]);
    await deliverAll();
    expect(await eventsOf(record.id)).toEqual([
      issued,
      expect.objectContaining({
        type: 'credential.claim_mail_sent',
        data: { credentialId: record.id, achievementId: achievement.id, issuerId: issuer.id },
      }),
    ]);
    // Issuing again under the same idempotency key adds nothing.
    await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'grace@example.org' },
      idempotencyKey: 'once',
    });
    const again = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'grace@example.org' },
      idempotencyKey: 'once',
    });
    await deliverAll();
    expect((await eventsOf(again.record.id)).map((event) => event.type)).toEqual([
      'credential.issued',
      'credential.claim_mail_sent',
    ]);

    await platform.earners.acceptClaim({
      secret: await claimSecret('ada@example.org', record.id),
      signedIn: null,
      locale: 'en',
    });
    await platform.credentials.revoke(ADMIN, record.id, { reason: 'issued in error' });
    expect((await eventsOf(record.id)).map((event) => event.type)).toEqual([
      'credential.issued',
      'credential.claim_mail_sent',
      'credential.claimed',
      'credential.revoked',
    ]);
    expect((await eventsOf(record.id)).at(-1)?.data).toMatchObject({ reason: 'issued in error' });
  });

  it('records a claim mail once even when it left twice (its lease ran out while the first send hung)', async () => {
    const { platform } = test;
    await deliverAll();
    const { achievement } = await seedIssuer(platform);
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'twice@example.org' },
    });
    let release = () => {};
    let started = () => {};
    const sending = new Promise<void>((resolve) => {
      started = resolve;
    });
    const hanging: MailTransport = {
      send: () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    };
    const first = platform.mail.deliver(hanging);
    await sending;
    shift += 5 * 60 * 1000;
    try {
      // A second worker takes the same mail once the first worker's lease has run out, and sends it.
      expect(await platform.mail.deliver(ACCEPTING)).toBe(1);
      release();
      expect(await first).toBe(1);
    } finally {
      shift -= 5 * 60 * 1000;
    }
    expect((await eventsOf(record.id)).map((event) => event.type)).toEqual([
      'credential.issued',
      'credential.claim_mail_sent',
    ]);
  });

  it('records a declined claim, a suspension and a reinstatement', async () => {
    const { platform } = test;
    const { issuer } = await seedIssuer(platform);
    const achievement = await platform.achievements.create(ADMIN, {
      issuerId: issuer.id,
      name: 'Forklift',
      description: 'Drives a forklift safely.',
      criteria: { narrative: 'Pass the test.' },
      suspendable: true,
    });
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'no@example.org' },
    });
    await deliverAll();
    await platform.earners.declineClaim({ secret: await claimSecret('no@example.org', record.id) });
    await platform.credentials.suspend(ADMIN, record.id, { reason: 'audit' });
    await platform.credentials.reinstate(ADMIN, record.id, {});
    expect((await eventsOf(record.id)).map((event) => event.type)).toEqual([
      'credential.issued',
      'credential.claim_mail_sent',
      'credential.declined',
      'credential.suspended',
      'credential.reinstated',
    ]);
  });

  it('records accepting and declining from the account as the claim link would, once per change', async () => {
    const { platform } = test;
    const { achievement } = await seedIssuer(platform);
    await platform.earners.requestSignIn({ email: 'account@example.org', locale: 'en' });
    const mail = (await platform.mail.list(500)).find((item) => item.toAddress === 'account@example.org');
    const secret = /\/signin\/([A-Za-z0-9_-]{43})/.exec(mail?.textBody ?? '')?.[1] ?? '';
    const earnerId = await platform.earners.signInWithLink({ secret, locale: 'en' });
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'account@example.org' },
    });
    await deliverAll();
    await platform.earners.choose(earnerId, record.id, { choice: 'accepted', visibility: 'public' });
    await platform.earners.choose(earnerId, record.id, { visibility: 'private' });
    await platform.earners.choose(earnerId, record.id, { choice: 'declined', visibility: 'private' });
    expect((await eventsOf(record.id)).map((event) => event.type)).toEqual([
      'credential.issued',
      'credential.claim_mail_sent',
      'credential.claimed',
      'credential.declined',
    ]);
  });

  it('records a bulk batch with one event per credential, marked as bulk', async () => {
    const { platform } = test;
    const { achievement } = await seedIssuer(platform);
    const job = await platform.bulk.create(ADMIN, {
      achievementId: achievement.id,
      text: 'email\nb1@example.org\nb2@example.org\n',
      format: 'csv',
    });
    while ((await platform.bulk.processRows({ workerId: 'events' })) > 0);
    await deliverAll();
    const issued = await platform.credentials.list(ADMIN, { achievementId: achievement.id });
    expect(issued).toHaveLength(2);
    for (const credential of issued) {
      const events = await eventsOf(credential.id);
      expect(events.map((event) => event.type)).toEqual(['credential.issued', 'credential.claim_mail_sent']);
      expect(events[0]?.data).toMatchObject({ via: 'bulk', bulkJobId: job.id });
    }
  });

  it('records the pathway award of a stacked credential', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    const { pathway } = await platform.pathways.create(ADMIN, threeOfFour(world));
    for (const part of world.parts.slice(0, 3)) {
      await platform.credentials.issue(ADMIN, {
        achievementId: part.id,
        recipient: { email: 'pw@example.org' },
      });
    }
    const [stacked] = await platform.credentials.list(ADMIN, {
      recipient: 'pw@example.org',
      achievementId: world.certificate.id,
    });
    expect(stacked).toBeDefined();
    const events = await eventsOf(stacked?.id ?? '');
    expect(events.map((event) => event.type)).toEqual(['credential.issued', 'pathway.awarded']);
    expect(events[0]?.data).toMatchObject({ via: 'pathway', pathwayId: pathway.id });

    const progressOf = async () => {
      await eventsSettled(test);
      const { events } = await test.platform.events.feed(ADMIN, { type: ['pathway.progressed'], limit: 500 });
      return events.filter((event) => event.data.pathwayId === pathway.id);
    };
    const progress = await progressOf();
    const percents = progress.map((event) => event.data.percent as number);
    expect(percents.length).toBeGreaterThanOrEqual(2);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(progress.at(-1)?.data).toMatchObject({ percent: 100, met: true });
    expect(JSON.stringify(progress)).not.toContain('pw@example.org');
    // Evaluating again records nothing new.
    await platform.pathways.processJobs({ workerId: 'again' });
    expect(await progressOf()).toHaveLength(progress.length);
  });

  it('counts a view once per visitor and day, never a bot, and keeps no address', async () => {
    const { platform } = test;
    const { achievement } = await seedIssuer(platform);
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'view@example.org' },
    });
    const visitor = { ip: '203.0.113.7', userAgent: BROWSER };
    expect(await platform.events.recordView({ credentialId: record.id, visitor })).toBe(true);
    expect(await platform.events.recordView({ credentialId: record.id, visitor })).toBe(false);
    // Another browser at the same address is another visitor.
    expect(
      await platform.events.recordView({
        credentialId: record.id,
        visitor: { ...visitor, userAgent: `${BROWSER} Edg/131` },
      }),
    ).toBe(true);
    for (const userAgent of [
      'Googlebot/2.1 (+http://www.google.com/bot.html)',
      'facebookexternalhit/1.1',
      'curl/8.5',
      null,
    ]) {
      expect(
        await platform.events.recordView({
          credentialId: record.id,
          visitor: { ip: '198.51.100.1', userAgent },
        }),
      ).toBe(false);
    }
    shift = 24 * 60 * 60 * 1000;
    expect(await platform.events.recordView({ credentialId: record.id, visitor })).toBe(true);
    shift = 0;
    const views = (await eventsOf(record.id)).filter((event) => event.type === 'credential.viewed');
    expect(views).toHaveLength(3);
    const stored = JSON.stringify(await test.database.db.execute('select * from events'));
    expect(stored).not.toContain('203.0.113.7');
    expect(stored).not.toContain('Chrome');
    // A visitor's hash changes with the day: no visitor can be followed from one day to the next.
    const pepper = new Uint8Array(32);
    expect(dailyVisitorHash(pepper, new Date('2026-03-01T23:59:59Z'), '203.0.113.7', BROWSER)).not.toBe(
      dailyVisitorHash(pepper, new Date('2026-03-02T00:00:00Z'), '203.0.113.7', BROWSER),
    );
    expect(isBot(BROWSER)).toBe(false);
  });

  it('records shares, the LinkedIn add, downloads per format and verifications of its own credentials only', async () => {
    const { platform } = test;
    const { achievement } = await seedIssuer(platform);
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'share@example.org' },
    });
    const visitor = { ip: '203.0.113.8', userAgent: BROWSER };
    await platform.events.recordShare({ credentialId: record.id, channel: 'x', visitor });
    await platform.events.recordShare({ credentialId: record.id, channel: 'embed', visitor });
    await platform.events.recordShare({ credentialId: record.id, channel: 'linkedin-add', visitor });
    await platform.events.recordDownload({ credentialId: record.id, format: 'pdf', visitor });
    await platform.events.recordVerification(await platform.verify(record.document), 'vc-api');
    // A credential of another platform, even with a lookalike id, is not counted.
    const foreign = { ...record.document, id: `https://elsewhere.example/credentials/${record.id}` };
    expect(await platform.events.recordVerification(await platform.verify(foreign), 'page')).toBe(false);
    // Nor is an unknown id, nor a share of one.
    expect(
      await platform.events.recordShare({
        credentialId: '00000000-0000-4000-8000-000000000000',
        channel: 'x',
        visitor,
      }),
    ).toBe(false);
    const events = (await eventsOf(record.id)).slice(1);
    expect(
      events.map((event) => [event.type, event.data.channel ?? event.data.format ?? event.data.via]),
    ).toEqual([
      ['credential.shared', 'x'],
      ['credential.shared', 'embed'],
      ['credential.linkedin_added', undefined],
      ['credential.downloaded', 'pdf'],
      ['credential.verified', 'vc-api'],
    ]);
    expect(events.at(-1)?.data.ok).toBe(true);
    // The ids come from the stored credential, read in the same statement as the insert.
    expect(events.at(-1)?.data).toMatchObject({ issuerId: record.issuerId, achievementId: achievement.id });
    // An id that is not a UUID is nobody's credential (and no query error).
    expect(
      await platform.events.recordDownload({ credentialId: 'not-a-uuid', format: 'json', visitor }),
    ).toBe(false);
  });

  it('records each batch verification', async () => {
    const { platform } = test;
    const { achievement } = await seedIssuer(platform);
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'batch@example.org' },
    });
    await platform.verification.batch(ADMIN, { items: [record.document, record.document] });
    const verified = (await eventsOf(record.id)).filter((event) => event.type === 'credential.verified');
    expect(verified.map((event) => event.data.via)).toEqual(['batch', 'batch']);
  });

  it('records the expiry of a credential once, when the sweep runs after its end date', async () => {
    const { platform } = test;
    const { issuer } = await seedIssuer(platform);
    const achievement = await platform.achievements.create(ADMIN, {
      issuerId: issuer.id,
      name: 'First aid',
      description: 'Gives first aid.',
      criteria: { narrative: 'Pass the course.' },
      validityMonths: 1,
    });
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'exp@example.org' },
    });
    expect(record.validUntil).not.toBeNull();
    await platform.events.sweepExpired();
    expect((await eventsOf(record.id)).map((event) => event.type)).not.toContain('credential.expired');
    shift = (record.validUntil?.getTime() ?? 0) + 1000 - Date.now();
    try {
      await platform.events.sweepExpired();
      await platform.events.sweepExpired();
    } finally {
      shift = 0;
    }
    const expired = (await eventsOf(record.id)).filter((event) => event.type === 'credential.expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]?.data.validUntil).toBe(record.validUntil?.toISOString());
  });

  it("feeds events in id order through the cursor, an issuer's own only", async () => {
    const { platform } = test;
    const first = await seedIssuer(platform);
    const second = await seedIssuer(platform);
    const own: Actor = { kind: 'member', issuerId: first.issuer.id, role: 'viewer' };
    for (const email of ['f1@example.org', 'f2@example.org', 'f3@example.org']) {
      await platform.credentials.issue(ADMIN, { achievementId: first.achievement.id, recipient: { email } });
      await platform.credentials.issue(ADMIN, { achievementId: second.achievement.id, recipient: { email } });
    }
    await deliverAll();
    await eventsSettled(test);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await platform.events.feed(own, {
        ...(after === undefined ? {} : { after }),
        limit: 2,
        type: ['credential.issued'],
      });
      if (result.events.length === 0) {
        expect(result.next).toBe(after);
        break;
      }
      for (const event of result.events) {
        expect(event.data.issuerId).toBe(first.issuer.id);
        expect(event.type).toBe('credential.issued');
        seen.push(event.id);
      }
      after = result.next;
    }
    expect(seen).toHaveLength(3);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
    expect((await rejection(platform.events.feed(own, { issuerId: second.issuer.id }))).code).toBe(
      ServerErrorCode.NOT_FOUND,
    );
    const administrator = await platform.events.feed(ADMIN, { issuerId: second.issuer.id, limit: 500 });
    expect(administrator.events.every((event) => event.data.issuerId === second.issuer.id)).toBe(true);
    expect(administrator.events.length).toBeGreaterThanOrEqual(6);
  });
});
