import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPathwayWorld, threeOfFour } from '../../../test/support/pathway-fixtures.js';
import { rejection } from '../../../test/support/rejection.js';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { AesGcmKeyStore, createPgStorage } from '../../db/index.js';
import { testDrivers } from '../../db/open-test-database.js';
import { recipientLookupHash } from '../credential/recipient-lookup-hash.js';
import { ServerErrorCode } from '../error/server-error.js';
import { createPlatformWithContext } from '../platform.js';
import type { NotificationKind, OutboxMail } from '../ports/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testDrivers())('notification mails on %s', (driver) => {
  let test: TestPlatform;
  let now = new Date('2026-12-01T09:00:00Z');

  beforeAll(async () => {
    test = await openTestPlatform(driver, { now: () => now });
  });
  afterAll(async () => {
    await test?.close();
  });

  /** An earner account that confirmed `email`, as signing in by the emailed link leaves it. */
  async function account(email: string, locale = 'en'): Promise<string> {
    const { storage } = test;
    const { context } = test.platform;
    const earner = await storage.earners.create({ displayName: null, locale });
    await storage.earnerEmails.put({
      earnerId: earner.id,
      email,
      lookupHash: recipientLookupHash(context.recipientPepper, email),
      verifiedAt: now,
    });
    return earner.id;
  }

  async function mailsTo(email: string, subject?: RegExp): Promise<OutboxMail[]> {
    const mails = await test.platform.mail.list(500);
    return mails.filter(
      (mail) => mail.toAddress === email && (subject === undefined || subject.test(mail.subject)),
    );
  }

  function tokenOf(mail: OutboxMail | undefined): string {
    const token = /\/notifications\/unsubscribe\/([^>]+)>/.exec(mail?.headers['List-Unsubscribe'] ?? '')?.[1];
    if (token === undefined) throw new Error('no unsubscribe link');
    return decodeURIComponent(token);
  }

  it('mails one pathway-award notice, with RFC 8058 headers and an unsubscribe link, however often the jobs run', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    await platform.pathways.create(ADMIN, threeOfFour(world));
    const email = 'award@example.org';
    await account(email);
    for (const part of world.parts.slice(0, 3)) {
      await platform.credentials.issue(ADMIN, { achievementId: part.id, recipient: { email } });
    }
    await platform.pathways.processJobs({ workerId: 'again' });
    await platform.pathways.processJobs({ workerId: 'once more' });

    const awards = await mailsTo(email, /^You earned “Certificate” by completing “Three of four”/);
    expect(awards).toHaveLength(1);
    const [award] = awards;
    expect(award?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(award?.headers['List-Unsubscribe']).toMatch(
      /^<https:\/\/badges\.example\.edu\/notifications\/unsubscribe\/[^>]+>$/,
    );
    expect(award?.textBody).toContain(
      'Unsubscribe from credentials awarded by a pathway: https://badges.example.edu/',
    );
    expect(award?.htmlBody).toContain('/notifications/unsubscribe/');
    const [certificate] = await platform.credentials.list(ADMIN, {
      recipient: email,
      achievementId: world.certificate.id,
    });
    expect(award?.textBody).toContain(`/account/credentials/${certificate?.id}`);
  });

  it('mails pathway progress once per step, then once when a single credential would complete it', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    await platform.pathways.create(ADMIN, threeOfFour(world));
    const email = 'progress@example.org';
    await account(email, 'fr');
    const [a, b] = world.parts;
    await platform.credentials.issue(ADMIN, { achievementId: a.id, recipient: { email } });
    await platform.pathways.processJobs({ workerId: 'again' });
    expect((await mailsTo(email, /parcouru 33 %/)).length).toBe(1);
    expect(await mailsTo(email, /Plus qu’une certification/)).toHaveLength(0);

    await platform.credentials.issue(ADMIN, { achievementId: b.id, recipient: { email } });
    await platform.pathways.processJobs({ workerId: 'again' });
    const oneAway = await mailsTo(email, /^Plus qu’une certification pour achever « Three of four »/);
    expect(oneAway).toHaveLength(1);
    expect(oneAway[0]?.textBody).toContain('suffit : Part C, Part D.');
    expect(await mailsTo(email, /parcouru/)).toHaveLength(1);
  });

  it('sends each expiry reminder once per threshold, with the renewal link, across repeated sweeps and two processes', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    const expiring = await platform.achievements.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'First Aid',
      description: 'Yearly first aid.',
      criteria: { narrative: 'Pass the practical.' },
      validityMonths: 12,
      renewalUrl: 'https://example.edu/renew/first-aid',
    });
    // A renewal page is mailed, so only https is taken.
    await expect(
      platform.achievements.update(ADMIN, expiring.id, { renewalUrl: 'http://example.edu/renew' }),
    ).rejects.toMatchObject({ issues: [{ path: ['renewalUrl'] }] });
    const email = 'expiry@example.org';
    await account(email);
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: expiring.id,
      recipient: { email },
    });
    const validUntil = record.validUntil ?? new Date(0);
    const reminders = () => mailsTo(email, /^Your credential “First Aid” expires/);
    expect(await platform.notifications.sweepExpiry()).toBe(0);

    // A second process on the same database: its sweep races this one's.
    const other = createPlatformWithContext({
      storage: createPgStorage({ db: test.database.db }),
      keyStore: new AesGcmKeyStore({ masterKey: randomBytes(32) }),
      publicUrl: platform.publicUrl,
      recipientPepper: platform.context.recipientPepper,
      now: () => now,
    }).platform;
    now = new Date(validUntil.getTime() - 20 * DAY_MS);
    await Promise.all([platform.notifications.sweepExpiry(), other.notifications.sweepExpiry()]);
    await platform.notifications.sweepExpiry();
    const first = await reminders();
    expect(first.map((mail) => mail.subject)).toEqual(['Your credential “First Aid” expires in 20 days']);
    expect(first[0]?.textBody).toContain('Renew it: https://example.edu/renew/first-aid');

    now = new Date(validUntil.getTime() - 5 * DAY_MS);
    await other.notifications.sweepExpiry();
    await platform.notifications.sweepExpiry();
    now = new Date(validUntil.getTime() - 12 * 60 * 60 * 1000);
    await platform.notifications.sweepExpiry();
    await other.notifications.sweepExpiry();
    expect((await reminders()).map((mail) => mail.subject).sort()).toEqual([
      'Your credential “First Aid” expires in 20 days',
      'Your credential “First Aid” expires in 5 days',
      'Your credential “First Aid” expires tomorrow',
    ]);
    // Past its end, nothing more.
    now = new Date(validUntil.getTime() + DAY_MS);
    expect(await platform.notifications.sweepExpiry()).toBe(0);
  });

  it('delivers a reminder once when a worker dies between taking it and marking it sent', async () => {
    const { platform } = test;
    const { achievement } = await (async () => {
      const world = await seedPathwayWorld(platform);
      return {
        achievement: await platform.achievements.create(ADMIN, {
          issuerId: world.issuer.id,
          name: 'Forklift',
          description: 'Forklift licence.',
          criteria: { narrative: 'Drive.' },
          validityMonths: 1,
        }),
      };
    })();
    const email = 'restart@example.org';
    await account(email);
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email },
    });
    now = new Date((record.validUntil ?? new Date(0)).getTime() - 3 * DAY_MS);
    expect(await platform.notifications.sweepExpiry()).toBeGreaterThanOrEqual(1);
    const sent: OutboxMail[] = [];
    // The first worker takes the mail and dies before marking it sent (its lease then runs out).
    await expect(
      platform.mail.deliver({
        send: async () => {
          throw new Error('killed');
        },
      }),
    ).resolves.toBeGreaterThan(0);
    // After a restart: the sweep runs again, and a new worker delivers once the mail is due again.
    expect(await platform.notifications.sweepExpiry()).toBe(0);
    now = new Date(now.getTime() + 2 * 60 * 60 * 1000);
    while ((await platform.mail.deliver({ send: async (mail) => void sent.push(mail) })) > 0) {}
    expect(
      sent.filter((mail) => mail.toAddress === email && /Forklift” expires/.test(mail.subject)),
    ).toHaveLength(1);
  });

  it('respects the earner’s settings: defaults, a kind turned off, a kind turned on', async () => {
    const { platform } = test;
    const earnerId = await account('settings@example.org');
    expect(await platform.notifications.settings(earnerId)).toEqual({
      'pathway-award': true,
      expiry: true,
      'pathway-progress': true,
      'new-achievement': false,
      // Consent to the outcomes survey is opt-in.
      'outcome-survey': false,
    });
    const world = await seedPathwayWorld(platform);
    const expiring = await platform.achievements.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Night Shift',
      description: 'Night shift safety.',
      criteria: { narrative: 'Attend.' },
      validityMonths: 1,
    });
    await platform.notifications.setSettings(earnerId, { expiry: false, 'new-achievement': true });
    expect(await platform.notifications.settings(earnerId)).toMatchObject({
      expiry: false,
      'new-achievement': true,
    });
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: expiring.id,
      recipient: { email: 'settings@example.org' },
    });
    now = new Date((record.validUntil ?? new Date(0)).getTime() - 2 * DAY_MS);
    await platform.notifications.sweepExpiry();
    expect(await mailsTo('settings@example.org', /Night Shift” expires/)).toEqual([]);
    await expect(
      platform.notifications.setSettings(earnerId, { bogus: true } as unknown as Record<
        NotificationKind,
        boolean
      >),
    ).rejects.toThrow();
  });

  it('mails followers of a pathway with the same skills when an achievement is published, once', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    const skill = { name: 'forecasting', url: 'http://data.europa.eu/esco/skill/forecast-test' };
    const skilled = await platform.achievements.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Forecasting I',
      description: 'Forecasting basics.',
      criteria: { narrative: 'Forecast.' },
      skills: [skill],
    });
    const { pathway } = await platform.pathways.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Forecasting path',
      completionAchievementId: world.certificate.id,
      requirement: { type: 'achievement' as const, achievementId: skilled.id },
    });
    const keen = await account('keen@example.org');
    const quiet = await account('quiet@example.org');
    for (const earner of [keen, quiet]) await platform.earners.follow(earner, pathway.id);
    await platform.notifications.setSettings(keen, { 'new-achievement': true });

    const draft = await platform.achievements.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Forecasting II',
      description: 'More forecasting.',
      criteria: { narrative: 'Forecast more.' },
      skills: [skill],
      status: 'draft',
    });
    expect(await mailsTo('keen@example.org', /Forecasting II/)).toEqual([]);
    await platform.achievements.update(ADMIN, draft.id, { status: 'published' });
    await platform.achievements.update(ADMIN, draft.id, { status: 'draft' });
    await platform.achievements.update(ADMIN, draft.id, { status: 'published' });
    const mails = await mailsTo('keen@example.org', /Forecasting II/);
    expect(mails.map((mail) => mail.subject)).toEqual([`New from ${world.issuer.name}: “Forecasting II”`]);
    expect(mails[0]?.textBody).toContain('“Forecasting path” you follow: forecasting');
    expect(await mailsTo('quiet@example.org')).toEqual([]);
  });

  it('unsubscribes by the link without signing in, only its own kind and recipient', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    await platform.pathways.create(ADMIN, threeOfFour(world));
    const email = 'unsub@example.org';
    const earnerId = await account(email);
    const other = await account('bystander@example.org');
    await platform.credentials.issue(ADMIN, { achievementId: world.parts[0].id, recipient: { email } });
    const token = tokenOf((await mailsTo(email, /of the way/))[0]);
    const [id, kind, signature] = token.split('.');
    expect(kind).toBe('pathway-progress');

    // The same signature under another recipient or another kind is refused, and changes nothing.
    for (const forged of [
      `${other}.${kind}.${signature}`,
      `${id}.expiry.${signature}`,
      `${id}.${kind}.x${signature}`,
      'nonsense',
    ]) {
      expect(await rejection(platform.notifications.unsubscribe(forged))).toMatchObject({
        code: ServerErrorCode.NOT_FOUND,
      });
      expect(() => platform.notifications.viewUnsubscribe(forged)).toThrow();
    }
    expect(await platform.notifications.settings(other)).toMatchObject({ 'pathway-progress': true });

    expect(platform.notifications.viewUnsubscribe(token)).toEqual({ kind: 'pathway-progress' });
    expect(await platform.notifications.unsubscribe(token)).toEqual({ kind: 'pathway-progress' });
    expect(await platform.notifications.unsubscribe(token)).toEqual({ kind: 'pathway-progress' });
    expect(await platform.notifications.settings(earnerId)).toEqual({
      'pathway-award': true,
      expiry: true,
      'pathway-progress': false,
      'new-achievement': false,
      'outcome-survey': false,
    });
    await platform.credentials.issue(ADMIN, { achievementId: world.parts[1].id, recipient: { email } });
    expect(await mailsTo(email, /One credential away/)).toEqual([]);
  });
});
