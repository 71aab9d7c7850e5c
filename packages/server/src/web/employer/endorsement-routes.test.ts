import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerSessions } from '../../../test/support/employer-sessions.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import type { WebSession } from '../../../test/support/web-session.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';
import {
  DEMO_EMPLOYER_EMAIL,
  DEMO_EMPLOYER_SLUG,
  DEMO_ENDORSEMENT_COMMENT,
} from '../../domain/demo/seed-demo-talent.js';

const BASE = `/employer/${DEMO_EMPLOYER_SLUG}`;
const SCRIPT = '<script>alert("endorsed")</script> & more';

describe("the employer workspace's endorsements and the public endorsement pages", () => {
  let test: TestApp;
  let employerId: string;
  let sqlId: string;
  let cleaningId: string;
  let owner: WebSession;
  let viewer: WebSession;
  let otherOwner: WebSession;
  let anonymous: WebSession;

  async function achievementId(name: string): Promise<string> {
    const found = await test.platform.achievements.searchCatalog({ q: name, limit: 5 });
    return found.entries.find((entry) => entry.achievement.name === name)?.achievement.id ?? '';
  }

  async function endorsementsOf(achievement: string, includeWithdrawn = false) {
    return (await test.platform.endorsements.list({ endorserId: employerId, includeWithdrawn })).filter(
      (endorsement) => endorsement.subject.id === achievement,
    );
  }

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    await seedDemoData(test.platform);
    const demo = await test.platform.employers.findBySlug(DEMO_EMPLOYER_SLUG);
    if (demo === null) throw new Error('no demo employer');
    employerId = demo.id;
    sqlId = await achievementId('SQL for Analysts');
    cleaningId = await achievementId('Data Cleaning Fundamentals');
    ({ owner, viewer, otherOwner, anonymous } = await employerSessions(test, {
      employerId,
      ownerEmail: DEMO_EMPLOYER_EMAIL,
    }));
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('lists the demo endorsement in force, linked to its page, and finds achievements by name', async () => {
    expect(sqlId).not.toBe('');
    expect(cleaningId).not.toBe('');
    const [seeded] = await endorsementsOf(sqlId);
    const page = await owner.get(`${BASE}/endorsements?q=cleaning`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<a href="${BASE}/endorsements" aria-current="page">Endorsements</a>`);
    expect(page.text).toMatch(
      new RegExp(`data-endorsements="in-force"[\\s\\S]*?data-endorsement="${seeded?.id}"`),
    );
    expect(page.text).toContain(`href="/endorsements/${seeded?.id}"`);
    expect(page.text).toContain(`href="${BASE}/endorsements/${seeded?.id}/withdraw"`);
    expect(page.text).toContain(`href="${BASE}/endorsements/new?achievement=${cleaningId}"`);
    expect(page.text).not.toContain(`data-achievement="${sqlId}"`);
  });

  it('reviews an achievement, endorses it with a comment shown as text, and lists it on the achievement page', async () => {
    const review = await owner.get(`${BASE}/endorsements/new?achievement=${cleaningId}`);
    expect(review.status).toBe(200);
    expect(review.text).toContain('<h1>Endorse Data Cleaning Fundamentals</h1>');
    expect(review.text).toContain('href="/issuers/');
    expect(review.text).toContain('maxlength="2000"');
    const endorsed = await owner.post(`${BASE}/endorsements`, { achievement: cleaningId, comment: SCRIPT });
    expect(endorsed.status).toBe(303);
    expect(endorsed.headers.get('location')).toBe(`${BASE}/endorsements?done=endorsed`);
    const [endorsement] = await endorsementsOf(cleaningId);
    expect(endorsement?.comment).toBe(SCRIPT);

    const page = await anonymous.get(`/endorsements/${endorsement?.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Demo Employer endorses Data Cleaning Fundamentals</h1>');
    expect(page.text).toContain('&lt;script&gt;alert(&quot;endorsed&quot;)&lt;/script&gt; &amp; more');
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('data-endorsement-state="in-force"');
    expect(page.text).toContain(`href="/achievements/${cleaningId}"`);
    expect(page.text).toContain(`href="/endorsements/${endorsement?.id}/endorsement.json"`);
    const json = await anonymous.get(`/endorsements/${endorsement?.id}/endorsement.json`);
    expect(JSON.parse(json.text).credentialSubject.endorsementComment).toBe(SCRIPT);

    const achievement = await anonymous.get(`/achievements/${cleaningId}`);
    expect(achievement.text).toContain(
      `<a href="/endorsements/${endorsement?.id}">Endorsed by Demo Employer</a>`,
    );
    expect(achievement.text).not.toContain('<script>alert');
    const sql = await anonymous.get(`/achievements/${sqlId}`);
    expect(sql.text).toContain(DEMO_ENDORSEMENT_COMMENT);
  });

  it('refuses an empty or over-long comment with the page’s message, and stores nothing', async () => {
    const before = (await endorsementsOf(sqlId)).length;
    const long = await owner.post(`${BASE}/endorsements`, { achievement: sqlId, comment: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.text).toContain('The comment has 2001 characters; at most 2000 are allowed.');
    expect(long.text).toContain('aria-invalid="true"');
    const empty = await owner.post(`${BASE}/endorsements`, { achievement: sqlId, comment: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('the comment is required');
    expect(await endorsementsOf(sqlId)).toHaveLength(before);
  });

  it('lets a viewer see endorsements and reviews, and endorse or withdraw nothing (403)', async () => {
    const [seeded] = await endorsementsOf(sqlId);
    const list = await viewer.get(`${BASE}/endorsements`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('Only owners and recruiters can endorse');
    expect(list.text).not.toContain('/withdraw"');
    const review = await viewer.get(`${BASE}/endorsements/new?achievement=${cleaningId}`);
    expect(review.status).toBe(200);
    expect(review.text).not.toContain('name="comment"');
    const refused = [
      await viewer.post(`${BASE}/endorsements`, { achievement: cleaningId, comment: 'Mine' }),
      await viewer.get(`${BASE}/endorsements/${seeded?.id}/withdraw`),
      await viewer.post(`${BASE}/endorsements/${seeded?.id}/withdraw`, {}),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect(response.text).toContain('<h1>This did not work</h1>');
    }
    expect(await endorsementsOf(sqlId)).toHaveLength(1);
  });

  it("keeps another employer's endorsement out of reach (404)", async () => {
    const [seeded] = await endorsementsOf(sqlId);
    const other = '/employer/other-co';
    expect((await otherOwner.get(`${other}/endorsements/${seeded?.id}/withdraw`)).status).toBe(404);
    expect((await otherOwner.post(`${other}/endorsements/${seeded?.id}/withdraw`, {})).status).toBe(404);
    expect((await otherOwner.get(`${other}/endorsements`)).text).not.toContain(
      `/endorsements/${seeded?.id}"`,
    );
    expect((await endorsementsOf(sqlId))[0]?.withdrawnAt).toBeNull();
  });

  it('shows a credential’s endorsement as verified, then as revoked once withdrawn, everywhere', async () => {
    const [endorsement] = await endorsementsOf(cleaningId);
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: cleaningId,
      recipient: { email: 'holder@example.com', name: 'Holder' },
    });
    const credential = `/credentials/${issued.record.id}`;
    const before = await anonymous.get(credential);
    expect(before.status).toBe(200);
    expect(before.text).toMatch(
      /data-endorsement-standing="verified">[\s\S]*?Endorsed by Demo Employer[\s\S]*?&lt;script&gt;/,
    );

    const confirm = await owner.get(`${BASE}/endorsements/${endorsement?.id}/withdraw`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('name="reason"');
    const withdrawn = await owner.post(`${BASE}/endorsements/${endorsement?.id}/withdraw`, {
      reason: 'The course changed',
    });
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.headers.get('location')).toBe(`${BASE}/endorsements?done=withdrawn`);

    const page = await anonymous.get(`/endorsements/${endorsement?.id}`);
    expect(page.text).toContain('data-endorsement-state="withdrawn"');
    expect(page.text).toContain('Withdrawn on ');
    expect(page.text).toContain('Reason: The course changed');
    expect((await anonymous.get(`/achievements/${cleaningId}`)).text).not.toContain('Endorsed by');
    const list = await owner.get(`${BASE}/endorsements?done=withdrawn`);
    expect(list.text).toContain('The endorsement is withdrawn.');
    expect(list.text).toMatch(
      new RegExp(`data-endorsements="withdrawn"[\\s\\S]*?data-endorsement="${endorsement?.id}"`),
    );
    const after = await anonymous.get(credential);
    expect(after.text).toContain('data-endorsement-standing="revoked"');
    expect(after.text).not.toContain('data-endorsement-standing="verified"');
    // Withdrawn is final: it cannot be withdrawn again.
    expect((await owner.get(`${BASE}/endorsements/${endorsement?.id}/withdraw`)).status).toBe(404);
  });
});
