import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerSessions } from '../../../test/support/employer-sessions.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { WebSession } from '../../../test/support/web-session.js';
import {
  DEMO_ISSUER_OWNER_EMAIL,
  DEMO_REQUEST_ACHIEVEMENT,
  DEMO_REQUEST_MESSAGE,
  seedDemoData,
} from '../../domain/demo/seed-demo-data.js';
import { DEMO_EMPLOYER_EMAIL, DEMO_EMPLOYER_SLUG } from '../../domain/demo/seed-demo-talent.js';

const BASE = `/employer/${DEMO_EMPLOYER_SLUG}`;
const SCRIPT = '<script>alert("asked")</script>';

describe("the employer workspace's endorsement requests", () => {
  let test: TestApp;
  let employerId: string;
  let issuerId: string;
  let owner: WebSession;
  let viewer: WebSession;
  let otherOwner: WebSession;
  const issuerOwner = () =>
    ({ kind: 'member', issuerId, role: 'owner', label: DEMO_ISSUER_OWNER_EMAIL }) as const;

  /** The demo issuer's requests, as it sees them. */
  const requests = () =>
    test.platform.endorsementRequests.list(issuerOwner(), {
      direction: 'outgoing',
      organisationId: issuerId,
    });

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    ({ issuerId } = await seedDemoData(test.platform));
    const demo = await test.platform.employers.findBySlug(DEMO_EMPLOYER_SLUG);
    if (demo === null) throw new Error('no demo employer');
    employerId = demo.id;
    ({ owner, viewer, otherOwner } = await employerSessions(test, {
      employerId,
      ownerEmail: DEMO_EMPLOYER_EMAIL,
    }));
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('lists the demo request waiting, with its message, under its own menu entry', async () => {
    const [request] = await requests();
    expect(request?.achievement.name).toBe(DEMO_REQUEST_ACHIEVEMENT);
    const page = await owner.get(`${BASE}/endorsement-requests`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<a href="${BASE}/endorsement-requests" aria-current="page">Requests</a>`);
    expect(page.text).toMatch(new RegExp(`data-requests="pending"[\\s\\S]*?data-request="${request?.id}"`));
    expect(page.text).toContain(DEMO_REQUEST_MESSAGE);
    expect(page.text).toContain(`href="${BASE}/endorsement-requests/${request?.id}"`);
  });

  it('reviews the achievement (facts, criteria, skills) and refuses an empty or over-long comment', async () => {
    const [request] = await requests();
    const review = await owner.get(`${BASE}/endorsement-requests/${request?.id}`);
    expect(review.status).toBe(200);
    expect(review.text).toContain(`<h1>Request to endorse ${DEMO_REQUEST_ACHIEVEMENT}</h1>`);
    expect(review.text).toContain('Demo University asks you to endorse this achievement.');
    expect(review.text).toContain('id="criteria-heading"');
    expect(review.text).toContain(`href="/achievements/${request?.achievementId}"`);
    expect(review.text).toContain('name="intent" value="endorse"');
    const empty = await owner.post(`${BASE}/endorsement-requests/${request?.id}`, {
      intent: 'endorse',
      comment: '  ',
    });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Write a comment to endorse');
    const long = await owner.post(`${BASE}/endorsement-requests/${request?.id}`, {
      intent: 'comment',
      comment: 'x'.repeat(2001),
    });
    expect(long.status).toBe(400);
    expect(long.text).toContain('The text has 2001 characters; at most 2000 are allowed.');
    expect((await requests())[0]?.responseComment).toBeNull();
  });

  it('keeps viewers and other employers from answering', async () => {
    const [request] = await requests();
    const seen = await viewer.get(`${BASE}/endorsement-requests/${request?.id}`);
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain('name="intent"');
    expect(seen.text).toContain('Only owners and recruiters can answer a request.');
    const refused = await viewer.post(`${BASE}/endorsement-requests/${request?.id}`, {
      intent: 'endorse',
      comment: 'Mine',
    });
    expect(refused.status).toBe(403);
    expect((await otherOwner.get(`/employer/other-co/endorsement-requests/${request?.id}`)).status).toBe(404);
    expect(
      (
        await otherOwner.post(`/employer/other-co/endorsement-requests/${request?.id}`, {
          intent: 'decline',
        })
      ).status,
    ).toBe(404);
    expect((await otherOwner.get('/employer/other-co/endorsement-requests')).text).not.toContain(
      request?.id ?? 'none',
    );
    expect((await requests())[0]?.state).toBe('pending');
  });

  it('comments (still pending), then endorses: the issuer is mailed and the endorsement is public', async () => {
    const [request] = await requests();
    const path = `${BASE}/endorsement-requests/${request?.id}`;
    const commented = await owner.post(path, { intent: 'comment', comment: `Which data sets? ${SCRIPT}` });
    expect(commented.status).toBe(303);
    expect(commented.headers.get('location')).toBe(`${BASE}/endorsement-requests?done=commented`);
    const review = await owner.get(path);
    expect(review.text).toContain('Which data sets? &lt;script&gt;');
    expect(review.text).not.toContain('<script>alert');
    const endorsed = await owner.post(path, { intent: 'endorse', comment: 'We hire on it.' });
    expect(endorsed.status).toBe(303);
    expect(endorsed.headers.get('location')).toBe(`${BASE}/endorsement-requests?done=endorsed`);
    const [after] = await requests();
    expect(after).toMatchObject({ state: 'endorsed', responseComment: 'We hire on it.' });
    const list = await owner.get(`${BASE}/endorsement-requests?done=endorsed`);
    expect(list.text).toContain('The achievement is endorsed; the issuer is told.');
    expect(list.text).toMatch(new RegExp(`data-requests="answered"[\\s\\S]*?data-request="${request?.id}"`));
    const closed = await owner.get(path);
    expect(closed.text).toContain('This request is closed: Endorsed.');
    expect(closed.text).toContain(`href="/endorsements/${after?.endorsementId}"`);
    expect(closed.text).not.toContain('name="intent"');
    const mailbox = await owner.get('/dev/mailbox');
    expect(mailbox.text).toContain(`data-mail-to="${DEMO_ISSUER_OWNER_EMAIL}"`);
    expect(mailbox.text).toContain(`Demo Employer endorses “${DEMO_REQUEST_ACHIEVEMENT}”`);
    // Answered is final: the form is gone, and a replayed post is refused with the page's words.
    const again = await owner.post(path, { intent: 'decline', comment: '' });
    expect(again.status).toBe(400);
    expect(again.text).toContain('no longer pending');
  });
});
