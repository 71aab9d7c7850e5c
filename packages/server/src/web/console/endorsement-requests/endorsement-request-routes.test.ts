import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';
import { DEMO_EMPLOYER_SLUG } from '../../../domain/demo/seed-demo-talent.js';

const PAGE = '/console/demo-university/endorsement-requests';
const THEIRS = '/console/other-college/endorsement-requests';
const SCRIPT = '<script>alert("asked")</script>';

describe('endorsement requests in the console', () => {
  let test: TestApp;
  let issuerId: string;
  let employerId: string;
  let otherIssuerId: string;
  let cleaningId: string;
  let owner: WebSession;
  let viewer: WebSession;
  let stranger: WebSession;
  let otherViewer: WebSession;
  let admin: WebSession;

  const outgoing = () =>
    test.platform.endorsementRequests.list(ADMIN, { direction: 'outgoing', organisationId: issuerId });
  /** What the other issuer was asked, newest first. */
  const received = () =>
    test.platform.endorsementRequests.list(ADMIN, { direction: 'incoming', organisationId: otherIssuerId });

  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      platform: { adminEmails: ['root@example.org'] },
    });
    ({ issuerId } = await seedDemoData(test.platform));
    employerId = (await test.platform.employers.findBySlug(DEMO_EMPLOYER_SLUG))?.id ?? '';
    const [cleaning] = (
      await test.platform.achievements.list(ADMIN, { issuerId, status: 'published' })
    ).filter((achievement) => achievement.name === 'Data Cleaning Fundamentals');
    cleaningId = cleaning?.id ?? '';
    await test.platform.members.add(ADMIN, issuerId, { email: 'vera@example.org', role: 'viewer' });
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    otherIssuerId = other.id;
    await test.platform.members.add(ADMIN, other.id, { email: 'olga@example.org', role: 'owner' });
    await test.platform.members.add(ADMIN, other.id, { email: 'otto@example.org', role: 'viewer' });
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
    viewer = new WebSession(test);
    await viewer.signIn('vera@example.org');
    stranger = new WebSession(test);
    await stranger.signIn('olga@example.org');
    otherViewer = new WebSession(test);
    await otherViewer.signIn('otto@example.org');
    admin = new WebSession(test);
    await admin.signIn('root@example.org');
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('offers the published achievements and the organisations, and lists the demo request sent', async () => {
    const page = await owner.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<a href="${PAGE}" aria-current="page">Endorsement requests</a>`);
    expect(page.text).toContain(`<option value="${cleaningId}">Data Cleaning Fundamentals</option>`);
    expect(page.text).toContain(`<option value="employer:${employerId}">Demo Employer</option>`);
    expect(page.text).toContain(`<option value="issuer:${otherIssuerId}">Other College</option>`);
    expect(page.text).not.toContain(`value="issuer:${issuerId}"`);
    const [demo] = await outgoing();
    expect(page.text).toMatch(new RegExp(`data-request="${demo?.id}"[\\s\\S]*?data-request-state="pending"`));
    expect(page.text).toContain(`action="${PAGE}/${demo?.id}/cancel"`);
  });

  it('asks an organisation picked from the list, and an invited address', async () => {
    const picked = await owner.post(PAGE, {
      achievementId: cleaningId,
      organisation: `issuer:${otherIssuerId}`,
      email: '',
      sample: '',
      message: 'Would you vouch for it?',
    });
    expect(picked.status).toBe(303);
    expect(picked.headers.get('location')).toBe(`${PAGE}?done=requested`);
    const invited = await owner.post(PAGE, {
      achievementId: cleaningId,
      organisation: '',
      email: 'Hiring@Newco.example',
      sample: '',
      message: '',
    });
    expect(invited.status).toBe(303);
    const page = await owner.get(`${PAGE}?done=requested`);
    expect(page.text).toContain('The request is sent.');
    expect(page.text).toContain('hiring@newco.example (invited)');
    expect(page.text).toContain('Other College');
    const mailbox = await owner.get('/dev/mailbox');
    expect(mailbox.text).toContain('data-mail-to="hiring@newco.example"');
    expect(mailbox.text).toContain('data-mail-to="olga@example.org"');
    // The other issuer sees it come in on its own page.
    const theirs = await stranger.get('/console/other-college/endorsement-requests');
    expect(theirs.text).toMatch(/data-requests="incoming"[\s\S]*?Data Cleaning Fundamentals/);
  });

  it('refuses a duplicate, both a pick and an address, and a bad sample with the page’s words', async () => {
    const base = { achievementId: cleaningId, sample: '', message: '' };
    const duplicate = await owner.post(PAGE, { ...base, organisation: `issuer:${otherIssuerId}`, email: '' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.text).toContain('already pending');
    const both = await owner.post(PAGE, {
      ...base,
      organisation: `employer:${employerId}`,
      email: 'a@b.example',
    });
    expect(both.status).toBe(400);
    expect(both.text).toContain('Choose an organisation or give an address, not both.');
    const sample = await owner.post(PAGE, {
      ...base,
      organisation: `employer:${employerId}`,
      email: '',
      sample: 'not a credential',
    });
    expect(sample.status).toBe(400);
    expect(sample.text).toContain('The sample credential is not an address or id of a credential.');
    expect(sample.text).toContain(
      `<option value="employer:${employerId}" selected="">Demo Employer</option>`,
    );
  });

  it('lets a viewer read without asking or cancelling, and a stranger nothing', async () => {
    const page = await viewer.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Only owners and issuers can ask for an endorsement.');
    expect(page.text).not.toContain('/cancel"');
    const [first] = await outgoing();
    expect(
      (await viewer.post(PAGE, { achievementId: cleaningId, organisation: '', email: 'x@y.example' })).status,
    ).toBe(403);
    expect((await viewer.post(`${PAGE}/${first?.id}/cancel`, {})).status).toBe(403);
    expect((await stranger.get(PAGE)).status).toBe(404);
    const theirs = await stranger.post(`/console/other-college/endorsement-requests/${first?.id}/cancel`, {});
    expect(theirs.status).toBe(404);
  });

  it('cancels a pending request', async () => {
    const [first] = await outgoing();
    const cancelled = await owner.post(`${PAGE}/${first?.id}/cancel`, {});
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe(`${PAGE}?done=cancelled`);
    const page = await owner.get(`${PAGE}?done=cancelled`);
    expect(page.text).toContain('The request is cancelled.');
    expect(page.text).toMatch(
      new RegExp(`data-request="${first?.id}"[\\s\\S]*?data-request-state="cancelled"`),
    );
  });

  it('links each request another issuer sent to its review page, and the mail to it too', async () => {
    const [asked] = await received();
    const list = await stranger.get(THEIRS);
    expect(list.text).toMatch(new RegExp(`data-requests="incoming"[\\s\\S]*?data-request="${asked?.id}"`));
    expect(list.text).toContain(`href="${THEIRS}/${asked?.id}"`);
    expect(list.text).not.toContain('/api/v1/endorsement-requests');
    const mailbox = await stranger.get('/dev/mailbox');
    const mail =
      /data-mail-to="olga@example\.org"><td[^>]*>[^<]*<\/td><td[^>]*><a href="([^"]+)">Demo University asks/.exec(
        mailbox.text,
      )?.[1];
    expect((await stranger.get(mail ?? '/dev/mailbox/none')).text).toContain(`${THEIRS}/${asked?.id}`);
    const review = await stranger.get(`${THEIRS}/${asked?.id}`);
    expect(review.status).toBe(200);
    expect(review.text).toContain(`<a href="${THEIRS}" aria-current="page">Endorsement requests</a>`);
    expect(review.text).toContain('<h1>Request to endorse Data Cleaning Fundamentals</h1>');
    expect(review.text).toContain('Demo University asks you to endorse this achievement.');
    expect(review.text).toContain('Would you vouch for it?');
    expect(review.text).toContain('id="criteria-heading"');
    expect(review.text).toContain(`href="/achievements/${cleaningId}"`);
    expect(review.text).toContain(`action="${THEIRS}/${asked?.id}"`);
    expect(review.text).toContain('name="intent" value="endorse"');
  });

  it('lets a viewer read a request without answering; the requester and other consoles get nothing', async () => {
    const [asked] = await received();
    const seen = await otherViewer.get(`${THEIRS}/${asked?.id}`);
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain('name="intent"');
    expect(seen.text).toContain('Only owners and issuers can answer a request.');
    expect(
      (await otherViewer.post(`${THEIRS}/${asked?.id}`, { intent: 'endorse', comment: 'Mine' })).status,
    ).toBe(403);
    // The issuer that asked reads it among what it sent, and cannot answer its own request.
    expect((await owner.get(`${PAGE}/${asked?.id}`)).status).toBe(404);
    expect((await owner.post(`${PAGE}/${asked?.id}`, { intent: 'endorse', comment: 'Self' })).status).toBe(
      404,
    );
    // The administrator answers only in the console of the issuer asked.
    expect((await admin.get(`${PAGE}/${asked?.id}`)).status).toBe(404);
    expect((await admin.post(`${PAGE}/${asked?.id}`, { intent: 'decline' })).status).toBe(404);
    expect((await admin.get(`${THEIRS}/${asked?.id}`)).status).toBe(200);
    expect((await stranger.get(`${THEIRS}/not-a-uuid`)).status).toBe(404);
    expect((await received())[0]).toMatchObject({ state: 'pending', responseComment: null });
  });

  it('refuses an empty or over-long comment with the page’s words, keeping what was typed', async () => {
    const [asked] = await received();
    const empty = await stranger.post(`${THEIRS}/${asked?.id}`, { intent: 'endorse', comment: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Write a comment to endorse or to answer with a comment.');
    const long = await stranger.post(`${THEIRS}/${asked?.id}`, {
      intent: 'comment',
      comment: 'x'.repeat(2001),
    });
    expect(long.status).toBe(400);
    expect(long.text).toContain('The text has 2001 characters; at most 2000 are allowed.');
    expect(long.text).toContain('aria-invalid="true"');
    expect((await received())[0]?.responseComment).toBeNull();
  });

  it('comments (still pending), then endorses: the asker is mailed and the endorsement is public', async () => {
    const [asked] = await received();
    const path = `${THEIRS}/${asked?.id}`;
    const commented = await stranger.post(path, { intent: 'comment', comment: `Which data sets? ${SCRIPT}` });
    expect(commented.status).toBe(303);
    expect(commented.headers.get('location')).toBe(`${THEIRS}?done=commented`);
    expect((await stranger.get(`${THEIRS}?done=commented`)).text).toContain(
      'Your comment is sent; the request stays open.',
    );
    const review = await stranger.get(path);
    expect(review.text).toContain('Which data sets? &lt;script&gt;');
    expect(review.text).not.toContain('<script>alert');
    expect(review.text).toContain('name="intent" value="endorse"');

    const endorsed = await stranger.post(path, { intent: 'endorse', comment: 'Solid cleaning skills.' });
    expect(endorsed.status).toBe(303);
    expect(endorsed.headers.get('location')).toBe(`${THEIRS}?done=endorsed`);
    const [after] = await received();
    expect(after).toMatchObject({ state: 'endorsed', responseComment: 'Solid cleaning skills.' });
    const list = await stranger.get(`${THEIRS}?done=endorsed`);
    expect(list.text).toContain('The achievement is endorsed; the issuer is told.');
    const closed = await stranger.get(path);
    expect(closed.text).toContain('This request is closed: Endorsed.');
    expect(closed.text).toContain(`href="/endorsements/${after?.endorsementId}"`);
    expect(closed.text).not.toContain('name="intent"');
    const achievement = await stranger.get(`/achievements/${cleaningId}`);
    expect(achievement.text).toMatch(
      new RegExp(`data-endorsement="${after?.endorsementId}">[\\s\\S]*?Endorsed by Other College`),
    );
    const mailbox = await owner.get('/dev/mailbox');
    expect(mailbox.text).toContain('Other College endorses “Data Cleaning Fundamentals”');
    // The asker sees it answered, with the endorsement.
    const sent = await owner.get(PAGE);
    expect(sent.text).toMatch(
      new RegExp(`data-request="${after?.id}"[\\s\\S]*?data-request-state="endorsed"`),
    );
    // Answered is final: a replayed post is refused with the page's words.
    const again = await stranger.post(path, { intent: 'decline', comment: '' });
    expect(again.status).toBe(400);
    expect(again.text).toContain('no longer pending');
  });

  it('declines a request, saying why', async () => {
    const [other] = (await test.platform.achievements.list(ADMIN, { issuerId, status: 'published' })).filter(
      (achievement) => achievement.id !== cleaningId,
    );
    const asked = await test.platform.endorsementRequests.request(ADMIN, {
      achievementId: other?.id ?? '',
      issuerId: otherIssuerId,
    });
    const declined = await stranger.post(`${THEIRS}/${asked.id}`, {
      intent: 'decline',
      comment: 'Outside our field.',
    });
    expect(declined.status).toBe(303);
    expect(declined.headers.get('location')).toBe(`${THEIRS}?done=declined`);
    expect((await stranger.get(`${THEIRS}?done=declined`)).text).toContain(
      'The request is declined; the issuer is told.',
    );
    const [after] = await received();
    expect(after).toMatchObject({ id: asked.id, state: 'declined', responseComment: 'Outside our field.' });
    expect((await stranger.get(`${THEIRS}/${asked.id}`)).text).toContain('This request is closed: Declined.');
  });
});
