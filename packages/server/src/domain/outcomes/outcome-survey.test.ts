import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../../../test/support/rejection.js';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { AesGcmKeyStore, createPgStorage } from '../../db/index.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { Actor } from '../auth/actor.js';
import { recipientLookupHash } from '../credential/recipient-lookup-hash.js';
import { ServerErrorCode } from '../error/server-error.js';
import { createPlatformWithContext } from '../platform.js';
import type { OutboxMail } from '../ports/index.js';
import { addMonths } from './sweep-outcome-surveys.js';

describe.each(testDrivers())('career outcomes survey on %s', (driver) => {
  let test: TestPlatform;
  let now = new Date('2026-01-15T09:00:00Z');

  beforeAll(async () => {
    test = await openTestPlatform(driver, { now: () => now });
  });
  afterAll(async () => {
    await test?.close();
  });

  async function account(email: string, consent?: boolean, locale = 'en'): Promise<string> {
    const { storage, platform } = test;
    const earner = await storage.earners.create({ displayName: null, locale });
    await storage.earnerEmails.put({
      earnerId: earner.id,
      email,
      lookupHash: recipientLookupHash(platform.context.recipientPepper, email),
      verifiedAt: now,
    });
    if (consent !== undefined) await platform.outcomes.setConsent(earner.id, consent);
    return earner.id;
  }

  async function surveysTo(email: string): Promise<OutboxMail[]> {
    const mails = await test.platform.mail.list(1000);
    return mails.filter((mail) => mail.toAddress === email && /one question$/.test(mail.subject));
  }

  /** The answer links of a survey mail, by the words of each answer. */
  function answerLinks(mail: OutboxMail | undefined): Record<string, string> {
    const links: Record<string, string> = {};
    for (const match of (mail?.textBody ?? '').matchAll(
      /^- (.+): https:\/\/[^/]+\/outcomes\/answer\/(\S+)$/gm,
    )) {
      links[match[1] ?? ''] = decodeURIComponent(match[2] ?? '');
    }
    return links;
  }

  it('asks only earners who consented, once per credential and wave, at 3, 6 and 12 months, across repeated sweeps and two processes', async () => {
    const { platform } = test;
    now = new Date('2026-01-15T09:00:00Z');
    const { achievement } = await seedIssuer(platform);
    const yes = 'survey-yes@example.org';
    const no = 'survey-no@example.org';
    const silent = 'survey-silent@example.org';
    await account(yes, true);
    await account(no, false);
    await account(silent);
    const issuedAt = now;
    for (const email of [yes, no, silent]) {
      await platform.credentials.issue(ADMIN, { achievementId: achievement.id, recipient: { email } });
    }
    const other = createPlatformWithContext({
      storage: createPgStorage({ db: test.database.db }),
      keyStore: new AesGcmKeyStore({ masterKey: randomBytes(32) }),
      publicUrl: platform.publicUrl,
      recipientPepper: platform.context.recipientPepper,
      now: () => now,
    }).platform;

    now = new Date(addMonths(issuedAt, 3).getTime() - 60_000);
    expect(await platform.outcomes.sweep()).toBe(0);
    now = addMonths(issuedAt, 3);
    await Promise.all([platform.outcomes.sweep(), other.outcomes.sweep()]);
    expect(await platform.outcomes.sweep()).toBe(0);
    const first = await surveysTo(yes);
    expect(first).toHaveLength(1);
    expect(first[0]?.subject).toBe('Since earning “Data Cleaning”: one question');
    expect(first[0]?.textBody).toContain('It is 3 months since you earned “Data Cleaning”.');
    expect(first[0]?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(first[0]?.headers['List-Unsubscribe']).toMatch(/\/notifications\/unsubscribe\/[^>]+>$/);
    expect(Object.keys(answerLinks(first[0]))).toEqual([
      'a promotion',
      'a new job',
      'a raise',
      'new responsibilities',
      'none of these',
    ]);
    expect(await surveysTo(no)).toHaveLength(0);
    expect(await surveysTo(silent)).toHaveLength(0);

    now = addMonths(issuedAt, 6);
    await other.outcomes.sweep();
    await platform.outcomes.sweep();
    now = addMonths(issuedAt, 12);
    await platform.outcomes.sweep();
    await platform.outcomes.sweep();
    const all = await surveysTo(yes);
    expect(all.map((mail) => /It is (\d+) months/.exec(mail.textBody)?.[1]).sort()).toEqual(['12', '3', '6']);
    now = addMonths(issuedAt, 14);
    expect(await platform.outcomes.sweep()).toBe(0);
    expect(await surveysTo(no)).toHaveLength(0);
  });

  it('records one-click answers from the mail, only for the earner, credential and wave the link names', async () => {
    const { platform } = test;
    now = new Date('2026-02-01T09:00:00Z');
    const { achievement } = await seedIssuer(platform);
    const ana = 'survey-ana@example.org';
    const ben = 'survey-ben@example.org';
    const anaId = await account(ana, true);
    const benId = await account(ben, true);
    const { record: anaCredential } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: ana },
    });
    const { record: benCredential } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: ben },
    });
    now = addMonths(now, 3);
    await platform.outcomes.sweep();
    const links = answerLinks((await surveysTo(ana))[0]);
    const promotion = links['a promotion'] ?? '';
    const raise = links['a raise'] ?? '';

    // Viewing (what a link scanner does) records nothing.
    expect(await platform.outcomes.viewAnswerLink(promotion)).toEqual({
      achievementName: 'Data Cleaning',
      wave: 3,
      outcome: 'promotion',
    });
    expect((await platform.outcomes.listForEarner(anaId))[0]?.answeredAt).toBeNull();

    expect(await platform.outcomes.answerByLink(promotion)).toEqual({ outcomes: ['promotion'] });
    expect(await platform.outcomes.answerByLink(raise)).toEqual({ outcomes: ['promotion', 'raise'] });
    expect(await platform.outcomes.answerByLink(raise)).toEqual({ outcomes: ['promotion', 'raise'] });
    const [stored] = await platform.outcomes.listForEarner(anaId);
    expect(stored).toMatchObject({
      credentialId: anaCredential.id,
      wave: 3,
      outcomes: ['promotion', 'raise'],
    });
    expect(stored?.answeredAt).toEqual(now);

    // Ana's signature on Ben's credential, another wave, or another answer: refused, nothing stored.
    const [, wave, earner, outcome, signature] = promotion.split('.');
    for (const forged of [
      [benCredential.id, wave, benId, outcome, signature],
      [anaCredential.id, wave, benId, outcome, signature],
      [anaCredential.id, '6', earner, outcome, signature],
      [anaCredential.id, wave, earner, 'new-job', signature],
    ]) {
      const error = await rejection(platform.outcomes.answerByLink(forged.join('.')));
      expect(error).toMatchObject({ code: ServerErrorCode.NOT_FOUND });
      await expect(platform.outcomes.viewAnswerLink(forged.join('.'))).rejects.toMatchObject({
        code: ServerErrorCode.NOT_FOUND,
      });
    }
    // Signed in, Ben cannot answer for Ana's credential either.
    await expect(
      platform.outcomes.answer(benId, { credentialId: anaCredential.id, wave: 3, outcomes: ['none'] }),
    ).rejects.toMatchObject({ code: ServerErrorCode.NOT_FOUND });
    expect((await platform.outcomes.listForEarner(benId))[0]?.answeredAt).toBeNull();
    expect((await platform.outcomes.listForEarner(anaId))[0]?.outcomes).toEqual(['promotion', 'raise']);

    // "None" replaces the others; on the account page it cannot be combined with them.
    expect(await platform.outcomes.answerByLink(links['none of these'] ?? '')).toEqual({
      outcomes: ['none'],
    });
    await expect(
      platform.outcomes.answer(anaId, {
        credentialId: anaCredential.id,
        wave: 3,
        outcomes: ['none', 'raise'],
      }),
    ).rejects.toMatchObject({ code: ServerErrorCode.VALIDATION_ERROR });
    await expect(
      platform.outcomes.answer(anaId, { credentialId: anaCredential.id, wave: 3, outcomes: ['bonus'] }),
    ).rejects.toMatchObject({ code: ServerErrorCode.VALIDATION_ERROR });
    expect(
      await platform.outcomes.answer(anaId, {
        credentialId: anaCredential.id,
        wave: 3,
        outcomes: ['raise', 'new-job'],
      }),
    ).toEqual({ outcomes: ['new-job', 'raise'] });
    // A wave never asked cannot be answered.
    await expect(
      platform.outcomes.answer(anaId, { credentialId: anaCredential.id, wave: 6, outcomes: ['raise'] }),
    ).rejects.toMatchObject({ code: ServerErrorCode.NOT_FOUND });
  });

  it('hides every figure under 5 respondents and gives exact shares with Wilson intervals from 5', async () => {
    const { platform } = test;
    now = new Date('2026-03-01T09:00:00Z');
    const { issuer, achievement } = await seedIssuer(platform);
    const earners: { id: string; credentialId: string }[] = [];
    for (let i = 0; i < 7; i += 1) {
      const email = `survey-k${i}@example.org`;
      const id = await account(email, true);
      const { record } = await platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email },
      });
      earners.push({ id, credentialId: record.id });
    }
    const viewer: Actor = { kind: 'member', issuerId: issuer.id, role: 'viewer' };
    expect(await platform.outcomes.forAchievement(viewer, achievement.id)).toEqual({
      achievementId: achievement.id,
      asked: 0,
      respondents: 0,
      responseRate: null,
      minRespondents: 5,
      figures: null,
    });
    const issuedAt = now;
    now = addMonths(issuedAt, 3);
    expect(await platform.outcomes.sweep()).toBe(7);
    const answers = [['promotion', 'raise'], ['promotion'], ['none'], ['new-job']] as const;
    for (const [i, outcomes] of answers.entries()) {
      const earner = earners[i];
      if (earner === undefined) throw new Error('seeded above');
      await platform.outcomes.answer(earner.id, { credentialId: earner.credentialId, wave: 3, outcomes });
    }
    const four = await platform.outcomes.forAchievement(viewer, achievement.id);
    expect(four).toMatchObject({ asked: 7, respondents: 4, figures: null });
    expect(four.responseRate).toBeCloseTo(4 / 7, 12);

    // The fifth earner answers "none" at 3 months, then a raise at 6: they count once, for the raise.
    const fifth = earners[4];
    if (fifth === undefined) throw new Error('seeded above');
    await platform.outcomes.answer(fifth.id, {
      credentialId: fifth.credentialId,
      wave: 3,
      outcomes: ['none'],
    });
    now = addMonths(issuedAt, 6);
    await platform.outcomes.sweep();
    await platform.outcomes.answer(fifth.id, {
      credentialId: fifth.credentialId,
      wave: 6,
      outcomes: ['raise'],
    });

    const five = await platform.outcomes.forAchievement(viewer, achievement.id);
    expect(five).toMatchObject({ asked: 7, respondents: 5, minRespondents: 5 });
    expect(five.responseRate).toBeCloseTo(5 / 7, 12);
    const byOutcome = Object.fromEntries((five.figures ?? []).map((f) => [f.outcome, f]));
    expect(Object.keys(byOutcome)).toEqual(['promotion', 'new-job', 'raise', 'responsibilities', 'none']);
    // Reference intervals for n = 5 (Wilson score, z = 1.96): 2/5 → [0.1176, 0.7693], 1/5 → [0.0362, 0.6245],
    // 0/5 → [0, 0.4345].
    const expected = {
      promotion: { count: 2, share: 0.4, lower: 0.1176, upper: 0.7693 },
      'new-job': { count: 1, share: 0.2, lower: 0.0362, upper: 0.6245 },
      raise: { count: 2, share: 0.4, lower: 0.1176, upper: 0.7693 },
      responsibilities: { count: 0, share: 0, lower: 0, upper: 0.4345 },
      none: { count: 1, share: 0.2, lower: 0.0362, upper: 0.6245 },
    };
    for (const [outcome, want] of Object.entries(expected)) {
      const figure = byOutcome[outcome];
      expect(figure?.count, outcome).toBe(want.count);
      expect(figure?.share, outcome).toBeCloseTo(want.share, 12);
      expect(figure?.interval.lower, outcome).toBeCloseTo(want.lower, 4);
      expect(figure?.interval.upper, outcome).toBeCloseTo(want.upper, 4);
    }

    // An earner who withdraws consent leaves every figure, and can no longer answer.
    const first = earners[0];
    if (first === undefined) throw new Error('seeded above');
    await platform.notifications.setSettings(first.id, { 'outcome-survey': false });
    expect(await platform.outcomes.forAchievement(viewer, achievement.id)).toMatchObject({
      asked: 6,
      respondents: 4,
      figures: null,
    });
    await expect(
      platform.outcomes.answer(first.id, { credentialId: first.credentialId, wave: 3, outcomes: ['none'] }),
    ).rejects.toMatchObject({ code: ServerErrorCode.NOT_FOUND });
  });

  it('answers NOT_FOUND to another issuer, as for an achievement that does not exist', async () => {
    const { platform } = test;
    const { achievement } = await seedIssuer(platform);
    const { issuer: otherIssuer } = await seedIssuer(platform);
    const outsider: Actor = { kind: 'member', issuerId: otherIssuer.id, role: 'owner' };
    const error = await rejection(platform.outcomes.forAchievement(outsider, achievement.id));
    expect(error).toMatchObject({ code: ServerErrorCode.NOT_FOUND, message: 'no such achievement' });
    const missing = await rejection(
      platform.outcomes.forAchievement(ADMIN, '00000000-0000-4000-8000-000000000000'),
    );
    expect(missing).toMatchObject({ code: ServerErrorCode.NOT_FOUND, message: 'no such achievement' });
  });

  it('asks for consent once: off until the earner says yes, and a no is remembered', async () => {
    const { platform } = test;
    const id = await account('survey-consent@example.org');
    expect(await platform.outcomes.consent(id)).toEqual({ consented: false, decided: false });
    expect((await platform.notifications.settings(id))['outcome-survey']).toBe(false);
    await platform.outcomes.setConsent(id, false);
    expect(await platform.outcomes.consent(id)).toEqual({ consented: false, decided: true });
    await platform.notifications.setSettings(id, { 'outcome-survey': true });
    expect(await platform.outcomes.consent(id)).toEqual({ consented: true, decided: true });
  });
});
