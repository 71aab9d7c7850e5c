import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';

const BASE = '/console/demo-university/endorsements';
const OTHER = '/console/other-college/endorsements';
const SCRIPT = '<script>alert("endorsed")</script> & more';

describe("the console's endorsements: given, received, endorsing and withdrawing", () => {
  let test: TestApp;
  let demoId: string;
  let otherId: string;
  let weldingId: string;
  let sqlId: string;
  let owner: WebSession;
  let viewer: WebSession;
  let otherOwner: WebSession;
  let anonymous: WebSession;

  const given = (issuerId: string, includeWithdrawn = false) =>
    test.platform.endorsements.list({ endorserId: issuerId, includeWithdrawn });

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    ({ issuerId: demoId } = await seedDemoData(test.platform));
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    otherId = other.id;
    weldingId = (
      await test.platform.achievements.create(ADMIN, {
        issuerId: otherId,
        name: 'Welding Basics',
        description: 'Welds safely.',
        criteria: { narrative: 'Pass the **welding** test.' },
      })
    ).id;
    const found = await test.platform.achievements.searchCatalog({ q: 'SQL for Analysts', limit: 5 });
    sqlId =
      found.entries.find((entry) => entry.achievement.name === 'SQL for Analysts')?.achievement.id ?? '';
    await test.platform.members.add(ADMIN, demoId, { email: 'vera@example.org', role: 'viewer' });
    await test.platform.members.add(ADMIN, otherId, { email: 'olga@example.org', role: 'owner' });
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
    viewer = new WebSession(test);
    await viewer.signIn('vera@example.org');
    otherOwner = new WebSession(test);
    await otherOwner.signIn('olga@example.org');
    anonymous = new WebSession(test);
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('shows what the issuer receives, and offers other issuers and their achievements, never its own', async () => {
    expect(sqlId).not.toBe('');
    const page = await owner.get(`${BASE}?q=`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<a href="${BASE}" aria-current="page">Endorsements</a>`);
    expect(page.text).toContain('data-given-empty');
    // The demo's employer endorses SQL for Analysts: received, linked to its public page.
    const [demo] = await test.platform.endorsements.list({ achievementId: sqlId });
    expect(page.text).toMatch(new RegExp(`data-received[\\s\\S]*?data-endorsement="${demo?.id}"`));
    expect(page.text).toContain('Demo Employer');
    expect(page.text).toContain(`href="/endorsements/${demo?.id}"`);
    expect(page.text).toContain(`href="${BASE}/new?issuer=other-college"`);
    expect(page.text).toContain(`href="${BASE}/new?achievement=${weldingId}"`);
    expect(page.text).not.toContain(`data-achievement="${sqlId}"`);
    expect(page.text).not.toContain(`data-issuer="${demoId}"`);
    const narrowed = await owner.get(`${BASE}?q=welding`);
    expect(narrowed.text).toContain(`data-achievement="${weldingId}"`);
    expect(narrowed.text).toContain('No other issuer matches.');
  });

  it('reviews another issuer and endorses it; its credentials then carry the endorsement, shown verified', async () => {
    const review = await owner.get(`${BASE}/new?issuer=other-college`);
    expect(review.status).toBe(200);
    expect(review.text).toContain('<h1>Endorse Other College</h1>');
    expect(review.text).toContain(`href="/achievements/${weldingId}"`);
    expect(review.text).toContain('name="issuer" value="other-college"');
    expect(review.text).toContain('maxlength="2000"');
    const endorsed = await owner.post(BASE, { issuer: 'other-college', comment: SCRIPT });
    expect(endorsed.status).toBe(303);
    expect(endorsed.headers.get('location')).toBe(`${BASE}?done=endorsed`);
    const [endorsement] = await given(demoId);
    expect(endorsement).toMatchObject({ comment: SCRIPT, subject: { kind: 'issuer', id: otherId } });

    const list = await owner.get(`${BASE}?done=endorsed`);
    expect(list.text).toContain('The endorsement is signed and published.');
    expect(list.text).toMatch(
      new RegExp(`data-given="in-force"[\\s\\S]*?data-endorsement="${endorsement?.id}"`),
    );
    expect(list.text).toContain('&lt;script&gt;alert(&quot;endorsed&quot;)&lt;/script&gt; &amp; more');
    expect(list.text).not.toContain('<script>alert');
    const received = await otherOwner.get(OTHER);
    expect(received.text).toMatch(
      new RegExp(
        `data-received[\\s\\S]*?data-endorsement="${endorsement?.id}"[\\s\\S]*?Your issuer as a whole`,
      ),
    );

    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: weldingId,
      recipient: { email: 'welder@example.com', name: 'Welder' },
    });
    const credential = await anonymous.get(`/credentials/${issued.record.id}`);
    expect(credential.status).toBe(200);
    expect(credential.text).toMatch(
      /data-endorsement-of="issuer" data-endorsement-standing="verified">[\s\S]*?Issuer endorsed by Demo University/,
    );
  });

  it('endorses another issuer’s achievement, and refuses its own, an empty or long comment, and a forged form', async () => {
    const endorsed = await owner.post(BASE, { achievement: weldingId, comment: 'We hire welders from it.' });
    expect(endorsed.status).toBe(303);
    expect((await given(demoId)).map((item) => item.subject.id)).toContain(weldingId);

    const own = await owner.get(`${BASE}/new?achievement=${sqlId}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('data-own');
    expect(own.text).not.toContain('name="comment"');
    const refused = await owner.post(BASE, { achievement: sqlId, comment: 'Ours.' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('an issuer does not endorse its own achievement');
    const long = await owner.post(BASE, { achievement: weldingId, comment: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.text).toContain('The comment has 2001 characters; at most 2000 are allowed.');
    const empty = await owner.post(BASE, { issuer: 'other-college', comment: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('the comment is required');
    const forged = await owner.post(BASE, { achievement: weldingId, comment: 'Forged' }, { csrf: false });
    expect(forged.status).toBe(403);
    expect(await given(demoId)).toHaveLength(2);
    expect((await owner.get(`${BASE}/new?achievement=not-an-id`)).status).toBe(404);
    expect((await owner.get(`${BASE}/new?issuer=no-such-issuer`)).status).toBe(404);
  });

  it('lets a viewer read, and endorse or withdraw nothing (403); keeps another issuer out (404)', async () => {
    const [endorsement] = await given(demoId);
    const list = await viewer.get(BASE);
    expect(list.status).toBe(200);
    expect(list.text).toContain('Only owners and issuing staff can endorse');
    expect(list.text).not.toContain('/withdraw"');
    const review = await viewer.get(`${BASE}/new?achievement=${weldingId}`);
    expect(review.status).toBe(200);
    expect(review.text).not.toContain('name="comment"');
    for (const response of [
      await viewer.post(BASE, { achievement: weldingId, comment: 'Mine' }),
      await viewer.get(`${BASE}/${endorsement?.id}/withdraw`),
      await viewer.post(`${BASE}/${endorsement?.id}/withdraw`, {}),
    ]) {
      expect(response.status).toBe(403);
    }
    expect((await otherOwner.get(BASE)).status).toBe(404);
    expect((await otherOwner.get(`${OTHER}/${endorsement?.id}/withdraw`)).status).toBe(404);
    expect((await otherOwner.post(`${OTHER}/${endorsement?.id}/withdraw`, {})).status).toBe(404);
    expect((await given(demoId)).map((item) => item.id)).toContain(endorsement?.id);
  });

  it('withdraws after a confirmation; the credentials that carry it then show it revoked', async () => {
    const endorsement = (await given(demoId)).find((item) => item.subject.kind === 'issuer');
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: weldingId,
      recipient: { email: 'apprentice@example.com' },
    });
    const confirm = await owner.get(`${BASE}/${endorsement?.id}/withdraw`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('<h1>Withdraw the endorsement of Other College</h1>');
    expect(confirm.text).toContain('name="reason"');
    const long = await owner.post(`${BASE}/${endorsement?.id}/withdraw`, { reason: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.text).toContain('The reason has 501 characters; at most 500 are allowed.');
    const withdrawn = await owner.post(`${BASE}/${endorsement?.id}/withdraw`, { reason: 'Audit lapsed' });
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.headers.get('location')).toBe(`${BASE}?done=withdrawn`);

    const list = await owner.get(`${BASE}?done=withdrawn`);
    expect(list.text).toContain('The endorsement is withdrawn.');
    expect(list.text).toMatch(
      new RegExp(`data-given="withdrawn"[\\s\\S]*?data-endorsement="${endorsement?.id}"`),
    );
    expect(list.text).toContain('Reason: Audit lapsed');
    const credential = await anonymous.get(`/credentials/${issued.record.id}`);
    expect(credential.text).toContain('data-endorsement-of="issuer" data-endorsement-standing="revoked"');
    expect((await owner.get(`${BASE}/${endorsement?.id}/withdraw`)).status).toBe(404);
    // What Other College receives is what is in force.
    expect((await otherOwner.get(OTHER)).text).not.toContain(`data-endorsement="${endorsement?.id}"`);
  });
});
