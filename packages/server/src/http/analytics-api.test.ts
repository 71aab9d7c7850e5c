import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import { eventOfCredential } from '../domain/events/record-events.js';
import type { EventType } from '../domain/ports/event-repository.js';

const at = (iso: string) => new Date(iso);

describe.each(testDrivers())('issuer analytics over HTTP on %s', (driver) => {
  let test: TestApp;
  // The platform's clock, set for each issuance: the scenario happens on known days of March 2026.
  let clock = at('2026-03-02T09:00:00Z');
  let issuerA: string;
  let issuerB: string;
  let achievementX: string;
  let achievementY: string;
  let achievementZ: string;
  let keyA: string;
  let viewerA: string;
  let keyB: string;

  beforeAll(async () => {
    test = await openTestApp(driver, { platform: { now: () => clock } });
    const { platform } = test;
    const a = await seedIssuer(platform);
    const b = await seedIssuer(platform);
    issuerA = a.issuer.id;
    issuerB = b.issuer.id;
    achievementX = a.achievement.id;
    achievementZ = b.achievement.id;
    achievementY = (
      await platform.achievements.create(ADMIN, {
        issuerId: issuerA,
        name: 'Data Visualisation',
        description: 'Draws honest charts of tabular data.',
        criteria: { narrative: 'Pass the visualisation assessment.' },
      })
    ).id;
    keyA = (await platform.apiKeys.create(ADMIN, issuerA, { name: 'owner', role: 'owner' })).token;
    viewerA = (await platform.apiKeys.create(ADMIN, issuerA, { name: 'viewer', role: 'viewer' })).token;
    keyB = (await platform.apiKeys.create(ADMIN, issuerB, { name: 'other', role: 'owner' })).token;

    const issue = async (achievementId: string, email: string) =>
      (await platform.credentials.issue(ADMIN, { achievementId, recipient: { email } })).record;
    clock = at('2026-03-02T09:00:00Z');
    const x1 = await issue(achievementX, 'ada@example.org');
    const x2 = await issue(achievementX, 'bob@example.org');
    // Ada again: a second credential, not a second recipient.
    const x3 = await issue(achievementX, 'ada@example.org');
    const z1 = await issue(achievementZ, 'dan@example.org');
    clock = at('2026-03-04T09:00:00Z');
    const y1 = await issue(achievementY, 'cy@example.org');
    clock = at('2026-03-11T00:00:00Z');

    type Record = typeof x1;
    const event = (record: Record, type: EventType, when: string, data = {}) =>
      eventOfCredential(record, type, at(when), data);
    await test.storage.events.append([
      event(x1, 'credential.claimed', '2026-03-02T10:00:00Z'),
      event(x2, 'credential.claimed', '2026-03-03T09:00:00Z'),
      event(y1, 'credential.claimed', '2026-03-06T09:00:00Z'),
      event(x1, 'credential.viewed', '2026-03-02T12:00:00Z'),
      event(x1, 'credential.viewed', '2026-03-03T12:00:00Z'),
      event(x1, 'credential.viewed', '2026-03-10T12:00:00Z'),
      event(y1, 'credential.viewed', '2026-03-05T12:00:00Z'),
      event(x1, 'credential.shared', '2026-03-03T13:00:00Z', { channel: 'linkedin' }),
      event(x1, 'credential.shared', '2026-03-03T13:05:00Z', { channel: 'link' }),
      event(x1, 'credential.linkedin_added', '2026-03-03T13:10:00Z'),
      event(x2, 'credential.downloaded', '2026-03-04T10:00:00Z', { format: 'pdf' }),
      event(x2, 'credential.downloaded', '2026-03-04T11:00:00Z', { format: 'png' }),
      event(x1, 'credential.verified', '2026-03-10T12:00:00Z', { via: 'page', ok: true }),
      event(x1, 'credential.verified', '2026-03-10T12:30:00Z', { via: 'vc-api', ok: false }),
      event(y1, 'credential.verified', '2026-03-05T12:30:00Z', { via: 'batch', ok: true }),
      event(x3, 'credential.revoked', '2026-03-06T09:00:00Z', { reason: 'issued twice' }),
      // The other issuer's activity, which must never show in A's figures.
      event(z1, 'credential.claimed', '2026-03-02T10:00:00Z'),
      ...[2, 3, 4, 5, 6].map((day) => event(z1, 'credential.viewed', `2026-03-0${day}T12:00:00Z`)),
      event(z1, 'credential.verified', '2026-03-02T11:00:00Z', { via: 'page', ok: true }),
    ]);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('answers the seeded scenario with its known figures, for all time', async () => {
    const response = await test.call(`/api/v1/analytics?issuerId=${issuerA}`, { token: keyA });
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({
      issuerId: issuerA,
      achievementId: null,
      from: null,
      to: null,
      issued: 4,
      claimed: 3,
      views: 4,
      shares: 2,
      linkedinAdds: 1,
      downloads: 2,
      verifications: 3,
      revocations: 1,
      uniqueRecipients: 3,
      claimRate: 0.75,
      // Claims after 1 hour, 1 day and 2 days.
      medianSecondsToClaim: 86_400,
      sharesByChannel: { linkedin: 1, link: 1 },
      downloadsByFormat: { pdf: 1, png: 1 },
      funnel: { issued: 4, claimed: 3, shared: 1, verified: 2 },
      bucket: 'day',
    });
    // From the first event's day to the clock's (exclusive): 2 to 10 March.
    expect(body.series.map((point: { start: string }) => point.start.slice(0, 10))).toEqual(
      [2, 3, 4, 5, 6, 7, 8, 9, 10].map((day) => `2026-03-${String(day).padStart(2, '0')}`),
    );
    expect(body.series[0]).toMatchObject({ issued: 3, claimed: 1, views: 1, verifications: 0 });
    expect(body.series[8]).toMatchObject({ issued: 0, views: 1, verifications: 2 });
    expect(body.topAchievements).toEqual([
      expect.objectContaining({ achievementId: achievementX, name: 'Data Cleaning', issued: 3, views: 3 }),
      expect.objectContaining({ achievementId: achievementY, name: 'Data Visualisation', issued: 1 }),
    ]);
  });

  it('counts only the chosen period (days inclusive) and the chosen achievement', async () => {
    const period = await test.call(`/api/v1/analytics?issuerId=${issuerA}&from=2026-03-04&to=2026-03-05`, {
      token: viewerA,
    });
    expect(period.status).toBe(200);
    expect(period.body).toMatchObject({
      from: '2026-03-04T00:00:00.000Z',
      to: '2026-03-06T00:00:00.000Z',
      issued: 1,
      claimed: 0,
      views: 1,
      shares: 0,
      downloads: 2,
      verifications: 1,
      revocations: 0,
      uniqueRecipients: 1,
      // Cy claimed on the 6th: after the period.
      claimRate: 0,
      medianSecondsToClaim: null,
      funnel: { issued: 1, claimed: 0, shared: 0, verified: 1 },
    });
    expect(period.body.series).toHaveLength(2);

    const instants = await test.call(`/api/v1/analytics?from=2026-03-02T09:30:00Z&to=2026-03-03T09:00:00Z`, {
      token: keyA,
    });
    expect(instants.body).toMatchObject({ issued: 0, claimed: 1, views: 1 });

    const ofY = await test.call(`/api/v1/analytics?issuerId=${issuerA}&achievementId=${achievementY}`, {
      token: keyA,
    });
    expect(ofY.body).toMatchObject({
      achievementId: achievementY,
      issued: 1,
      claimed: 1,
      views: 1,
      verifications: 1,
      medianSecondsToClaim: 172_800,
    });
  });

  it('draws days, then weeks (from Monday, as the database counts them), never past now', async () => {
    const wide = await test.call(`/api/v1/analytics?issuerId=${issuerA}&from=2020-01-01&to=2030-12-31`, {
      token: keyA,
    });
    // Clamped to the first event (2 March) and now (11 March): nine days, not eleven years.
    expect(wide.body).toMatchObject({ bucket: 'day', issued: 4, views: 4 });
    expect(wide.body.series).toHaveLength(9);

    clock = at('2026-07-01T00:00:00Z');
    try {
      const weekly = await test.call(`/api/v1/analytics?issuerId=${issuerA}`, { token: keyA });
      expect(weekly.body.bucket).toBe('week');
      const [first, second] = weekly.body.series;
      expect(first).toMatchObject({ start: '2026-03-02T00:00:00.000Z', issued: 4, claimed: 3, views: 3 });
      expect(second).toMatchObject({ start: '2026-03-09T00:00:00.000Z', views: 1, verifications: 2 });
      // 2 March to 1 July: 18 weeks, every one present.
      expect(weekly.body.series).toHaveLength(18);
    } finally {
      clock = at('2026-03-11T00:00:00Z');
    }
  });

  it("answers 404 for another issuer's analytics, and 400 for a period that makes no sense", async () => {
    expect((await test.call(`/api/v1/analytics?issuerId=${issuerA}`, { token: keyB })).status).toBe(404);
    expect((await test.call(`/api/v1/analytics.csv?issuerId=${issuerA}`, { token: keyB })).status).toBe(404);
    expect(
      (
        await test.call(`/api/v1/analytics?issuerId=${issuerA}&achievementId=${achievementZ}`, {
          token: keyA,
        })
      ).status,
    ).toBe(404);
    const unknown = '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    expect((await test.call(`/api/v1/analytics?issuerId=${unknown}`, { token: ADMIN_TOKEN })).status).toBe(
      404,
    );
    // B's own figures hold only B's activity.
    const own = await test.call('/api/v1/analytics', { token: keyB });
    expect(own.body).toMatchObject({ issued: 1, claimed: 1, views: 5, verifications: 1 });
    for (const query of ['from=2026-03-05&to=2026-03-04', 'from=yesterday', 'to=2026-02-30']) {
      const refused = await test.call(`/api/v1/analytics?issuerId=${issuerA}&${query}`, { token: keyA });
      expect(refused.status, query).toBe(400);
    }
    expect((await test.call(`/api/v1/analytics?issuerId=${issuerA}`)).status).toBe(401);
  });

  it('exports the underlying counts as CSV, one line per day and achievement', async () => {
    const csv = await test.call(`/api/v1/analytics.csv?issuerId=${issuerA}&from=2026-03-04&to=2026-03-05`, {
      token: keyA,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="analytics-2026-03-04-2026-03-06.csv"',
    );
    const [header, ...lines] = csv.text.trimEnd().split('\r\n');
    expect(header).toBe(
      'period_start,achievement_id,issued,claimed,views,shares,linkedin_adds,downloads,verifications,revocations',
    );
    expect(lines.sort()).toEqual(
      [
        `2026-03-04,${achievementX},0,0,0,0,0,2,0,0`,
        `2026-03-04,${achievementY},1,0,0,0,0,0,0,0`,
        `2026-03-05,${achievementY},0,0,1,0,0,0,1,0`,
      ].sort(),
    );
    const same = await test.call(
      `/api/v1/analytics?issuerId=${issuerA}&from=2026-03-04&to=2026-03-05&format=csv`,
      { token: keyA },
    );
    expect(same.text).toBe(csv.text);
  });
});
