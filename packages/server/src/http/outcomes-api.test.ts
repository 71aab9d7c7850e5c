import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import { recipientLookupHash } from '../domain/credential/recipient-lookup-hash.js';
import { addMonths } from '../domain/outcomes/sweep-outcome-surveys.js';

describe.each(testDrivers())('GET /api/v1/achievements/{id}/outcomes on %s', (driver) => {
  let test: TestApp;
  let now = new Date('2026-04-01T09:00:00Z');
  const pepper = randomBytes(32);
  beforeAll(async () => {
    test = await openTestApp(driver, { platform: { now: () => now, recipientPepper: pepper } });
  });
  afterAll(async () => {
    await test?.close();
  });

  async function key(issuerId: string, role: 'viewer' | 'owner'): Promise<string> {
    return (await test.platform.apiKeys.create(ADMIN, issuerId, { name: `${role} key`, role })).token;
  }

  it('gives the issuer’s keys the aggregate, figures only from 5 respondents, and 404 to another issuer', async () => {
    const { platform, storage } = test;
    const { issuer, achievement } = await seedIssuer(platform);
    const { issuer: other } = await seedIssuer(platform);
    const ids: { earnerId: string; credentialId: string }[] = [];
    for (let i = 0; i < 5; i += 1) {
      const email = `api-outcome-${i}@example.org`;
      const earner = await storage.earners.create({ displayName: null, locale: 'en' });
      await storage.earnerEmails.put({
        earnerId: earner.id,
        email,
        lookupHash: recipientLookupHash(pepper, email),
        verifiedAt: now,
      });
      await platform.outcomes.setConsent(earner.id, true);
      const { record } = await platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email },
      });
      ids.push({ earnerId: earner.id, credentialId: record.id });
    }
    now = addMonths(now, 3);
    await platform.outcomes.sweep();
    const path = `/api/v1/achievements/${achievement.id}/outcomes`;
    const viewer = await key(issuer.id, 'viewer');

    for (const [i, { earnerId, credentialId }] of ids.slice(0, 4).entries()) {
      await platform.outcomes.answer(earnerId, {
        credentialId,
        wave: 3,
        outcomes: i < 3 ? ['promotion'] : ['none'],
      });
    }
    const hidden = await test.call(path, { token: viewer });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual({
      achievementId: achievement.id,
      asked: 5,
      respondents: 4,
      responseRate: 0.8,
      minRespondents: 5,
      figures: null,
    });

    const last = ids[4];
    if (last === undefined) throw new Error('seeded above');
    await platform.outcomes.answer(last.earnerId, {
      credentialId: last.credentialId,
      wave: 3,
      outcomes: ['raise'],
    });
    const shown = await test.call(path, { token: viewer });
    expect(shown.status).toBe(200);
    const body = shown.body as {
      respondents: number;
      responseRate: number;
      figures: {
        outcome: string;
        count: number;
        share: number;
        interval: { lower: number; upper: number };
      }[];
    };
    expect(body.respondents).toBe(5);
    expect(body.responseRate).toBe(1);
    const promotion = body.figures.find((figure) => figure.outcome === 'promotion');
    // 3/5: Wilson 95% [0.2307, 0.8824].
    expect(promotion?.count).toBe(3);
    expect(promotion?.share).toBeCloseTo(0.6, 12);
    expect(promotion?.interval.lower).toBeCloseTo(0.2307, 4);
    expect(promotion?.interval.upper).toBeCloseTo(0.8824, 4);

    const outsider = await test.call(path, { token: await key(other.id, 'owner') });
    expect(outsider.status).toBe(404);
    expect(outsider.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(outsider.body)).not.toContain('promotion');
    expect((await test.call(path)).status).toBe(401);
  });
});
