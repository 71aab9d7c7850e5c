import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';

const LIST = '/console/demo-university/credentials';

describe('the console credentials list, export, detail and status changes', () => {
  let test: TestApp;
  let issuerId: string;
  let owner: WebSession;
  let viewer: WebSession;
  let outsider: WebSession;
  let achievementIds: Map<string, string>;
  let formulaId: string;

  async function issue(achievement: string, recipient: { email?: string; did?: string; name?: string }) {
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievementIds.get(achievement) ?? '',
      recipient,
    });
    return issued.record.id;
  }

  async function verify(id: string) {
    const record = await test.platform.credentials.get(ADMIN, id);
    const response = await test.call('/credentials/verify', {
      json: { verifiableCredential: record.document },
    });
    expect(response.status).toBe(200);
    return response.body as { verified: boolean; checks: { id: string; ok: boolean; message: string }[] };
  }

  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      platform: { adminEmails: ['root@example.org'] },
    });
    ({ issuerId } = await seedDemoData(test.platform));
    const practice = await test.platform.achievements.create(ADMIN, {
      issuerId,
      name: 'Practice Round',
      description: 'A credential for the list to have many of.',
      criteria: { narrative: 'Take part.' },
    });
    achievementIds = new Map(
      (await test.platform.achievements.list(ADMIN, { issuerId })).map((a) => [a.name, a.id]),
    );
    expect(achievementIds.get('Practice Round')).toBe(practice.id);
    // 52 more than the demo's 2, so that the list has a second page; DIDs, so that no mail goes out.
    for (let index = 1; index <= 52; index += 1) {
      await issue('Practice Round', { did: `did:example:learner-${index}`, name: `Learner ${index}` });
    }
    formulaId = await issue('SQL for Analysts', {
      email: 'mallory@example.org',
      name: '=HYPERLINK("http://x")',
    });
    await test.platform.members.add(ADMIN, issuerId, { email: 'vera@example.org', role: 'viewer' });
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    await test.platform.members.add(ADMIN, other.id, { email: 'olga@example.org', role: 'owner' });
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
    viewer = new WebSession(test);
    await viewer.signIn('vera@example.org');
    outsider = new WebSession(test);
    await outsider.signIn('olga@example.org');
  });
  afterAll(async () => {
    await test?.close();
  });

  const rows = (html: string) => html.match(/data-credential="/g)?.length ?? 0;

  it('lists every credential of the issuer 50 to a page, with the total and links both ways', async () => {
    const first = await owner.get(LIST);
    expect(first.status).toBe(200);
    // 53 issued here and the demo's 7 (one accepted by jordan@example.com, four Morgan's).
    expect(first.text).toContain('data-total="60"');
    expect(rows(first.text)).toBe(50);
    expect(first.text).toContain(`href="${LIST}?page=2"`);
    expect(first.text).not.toContain('rel="prev"');
    const second = await owner.get(`${LIST}?page=2`);
    expect(rows(second.text)).toBe(10);
    expect(second.text).toContain(`href="${LIST}?page=1"`);
    expect(second.text).not.toContain('rel="next"');
  });

  it('filters by recipient email, DID or name, by achievement, by state and by date, and pages with the filters kept', async () => {
    const byEmail = await owner.get(`${LIST}?recipient=Mallory%40example.org`);
    expect(byEmail.text).toContain('data-total="1"');
    expect(byEmail.text).toContain(`data-credential="${formulaId}"`);
    expect((await owner.get(`${LIST}?recipient=did%3Aexample%3Alearner-7`)).text).toContain('data-total="1"');
    // "Learner 1", "Learner 10" to "Learner 19".
    expect((await owner.get(`${LIST}?recipient=learner+1`)).text).toContain('data-total="11"');
    const sql = achievementIds.get('SQL for Analysts') ?? '';
    expect((await owner.get(`${LIST}?achievement=${sql}`)).text).toContain('data-total="4"');
    expect((await owner.get(`${LIST}?state=pending`)).text).toContain('data-total="59"');
    expect((await owner.get(`${LIST}?state=revoked`)).text).toContain('data-total="0"');
    const today = new Date().toISOString().slice(0, 10);
    // All but Morgan's old credential, issued years ago so that it expires in 20 days.
    expect((await owner.get(`${LIST}?from=${today}&to=${today}`)).text).toContain('data-total="59"');
    expect((await owner.get(`${LIST}?to=2000-01-01`)).text).toContain('data-total="0"');

    const learners = await owner.get(`${LIST}?recipient=Learner&state=pending`);
    expect(learners.text).toContain('data-total="52"');
    expect(learners.text).toContain(`href="${LIST}?recipient=Learner&amp;state=pending&amp;page=2"`);
    const next = await owner.get(`${LIST}?recipient=Learner&state=pending&page=2`);
    expect(rows(next.text)).toBe(2);
  });

  it('answers 400 with the reason for a filter it cannot read', async () => {
    const bad = await owner.get(`${LIST}?state=lost&from=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('role="alert"');
    expect(rows(bad.text)).toBe(0);
  });

  it('exports the filtered credentials as CSV with formula-like cells quoted and neutralised', async () => {
    const sql = achievementIds.get('SQL for Analysts') ?? '';
    const csv = await owner.get(`${LIST.replace(/credentials$/, 'credentials.csv')}?achievement=${sql}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="demo-university-credentials.csv"',
    );
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"id","url","achievement","recipient name","recipient DID","state","issued","valid until","revoked at","reason"',
    );
    expect(lines).toHaveLength(5);
    const mallory = lines.find((line) => line.startsWith(`"${formulaId}"`));
    expect(mallory).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(mallory).toContain(`"${test.platform.publicUrl}/credentials/${formulaId}"`);
    expect(mallory).toContain('"SQL for Analysts"');
    expect(mallory).toContain('"pending"');

    const all = await owner.get(`${LIST.replace(/credentials$/, 'credentials.csv')}`);
    expect(all.text.trimEnd().split('\r\n')).toHaveLength(61);
  });

  it('suspends and reinstates a suspendable credential through the pages, and verification follows', async () => {
    const id = await issue('Statistics for Data Analysis', { did: 'did:example:sam', name: 'Sam Suspend' });
    const detail = await owner.get(`${LIST}/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('data-status-purpose="suspension"');
    expect(detail.text).toContain(`action="${LIST}/${id}/suspend"`);
    expect(detail.text).not.toContain(`action="${LIST}/${id}/reinstate"`);
    expect(detail.text).toContain(`href="/credentials/${id}"`);
    expect(detail.text).toContain(`href="/credentials/${id}/download/credential.json"`);

    const refused = await owner.post(`${LIST}/${id}/suspend`, { reason: '   ' });
    expect(refused.status).toBe(400);
    expect((await verify(id)).verified).toBe(true);

    const suspended = await owner.post(`${LIST}/${id}/suspend`, { reason: 'under investigation' });
    expect(suspended.status).toBe(303);
    expect(suspended.headers.get('location')).toBe(`${LIST}/${id}?done=suspended`);
    const whileSuspended = await verify(id);
    expect(whileSuspended.verified).toBe(false);
    expect(whileSuspended.checks).toContainEqual(
      expect.objectContaining({ id: 'status', ok: false, message: expect.stringContaining('suspended') }),
    );
    const page = await owner.get(`${LIST}/${id}?done=suspended`);
    expect(page.text).toContain('The credential was suspended.');
    expect(page.text).toContain('data-state="suspended"');
    expect(page.text).toContain(`action="${LIST}/${id}/reinstate"`);
    expect((await owner.get(`${LIST}?state=suspended`)).text).toContain(`data-credential="${id}"`);

    const reinstated = await owner.post(`${LIST}/${id}/reinstate`, { reason: 'investigation closed' });
    expect(reinstated.status).toBe(303);
    expect((await verify(id)).verified).toBe(true);
    const history = (await owner.get(`${LIST}/${id}`)).text;
    expect(history.match(/data-event="(\w+)"/g)).toEqual([
      'data-event="issued"',
      'data-event="suspended"',
      'data-event="reinstated"',
    ]);
    expect(history).toContain('under investigation');
    expect(history).toContain(DEMO_ISSUER_OWNER_EMAIL);
  });

  it('revokes only once the box is ticked, for good', async () => {
    const id = await issue('Statistics for Data Analysis', { did: 'did:example:rex', name: 'Rex Revoke' });
    const unconfirmed = await owner.post(`${LIST}/${id}/revoke`, { reason: 'issued in error' });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.text).toContain('issued in error');
    expect((await test.platform.credentials.get(ADMIN, id)).revokedAt).toBeNull();

    const revoked = await owner.post(`${LIST}/${id}/revoke`, { reason: 'issued in error', confirm: 'yes' });
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe(`${LIST}/${id}?done=revoked`);
    expect((await test.platform.credentials.get(ADMIN, id)).revocationReason).toBe('issued in error');
    expect((await verify(id)).verified).toBe(false);
    const page = await owner.get(`${LIST}/${id}`);
    expect(page.text).toContain('data-state="revoked"');
    expect(page.text).not.toContain(`action="${LIST}/${id}/suspend"`);
    expect(page.text).not.toContain(`action="${LIST}/${id}/revoke"`);
  });

  it('explains that a credential issued with a revocation entry only cannot be suspended, and refuses to', async () => {
    const page = await owner.get(`${LIST}/${formulaId}`);
    expect(page.text).toContain('data-status-purpose="revocation"');
    expect(page.text).toContain('issued with a revocation entry only');
    expect(page.text).not.toContain(`action="${LIST}/${formulaId}/suspend"`);
    expect(page.text).toContain(`action="${LIST}/${formulaId}/revoke"`);
    const refused = await owner.post(`${LIST}/${formulaId}/suspend`, { reason: 'try' });
    expect(refused.status).toBe(400);
    expect((await test.platform.credentials.get(ADMIN, formulaId)).suspendedAt).toBeNull();
  });

  it('shows a viewer the list and the detail without any form, and refuses each of their posts (403)', async () => {
    const id = await issue('Statistics for Data Analysis', { did: 'did:example:vic', name: 'Vic Viewer' });
    expect((await viewer.get(LIST)).status).toBe(200);
    const detail = await viewer.get(`${LIST}/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.text).not.toMatch(/action="[^"]*\/(revoke|suspend|reinstate)"/);
    expect(detail.text).not.toContain('<textarea');
    for (const action of ['revoke', 'suspend', 'reinstate']) {
      const refused = await viewer.post(`${LIST}/${id}/${action}`, { reason: 'because', confirm: 'yes' });
      expect(refused.status).toBe(403);
    }
    expect((await viewer.post(`${LIST}/${id}/revoke`, { reason: 'because' })).status).toBe(403);
    const record = await test.platform.credentials.get(ADMIN, id);
    expect(record.revokedAt).toBeNull();
    expect(record.suspendedAt).toBeNull();
  });

  it("answers another issuer's member 404 on the list, the export, the detail and the posts", async () => {
    expect((await outsider.get(LIST)).status).toBe(404);
    expect((await outsider.get(`${LIST.replace(/credentials$/, 'credentials.csv')}`)).status).toBe(404);
    expect((await outsider.get(`${LIST}/${formulaId}`)).status).toBe(404);
    // From their own console, a credential of another issuer does not exist either.
    const own = '/console/other-college/credentials';
    expect((await outsider.get(own)).text).toContain('data-total="0"');
    expect((await outsider.get(`${own}/${formulaId}`)).status).toBe(404);
    for (const base of [LIST, own]) {
      for (const action of ['revoke', 'suspend', 'reinstate']) {
        const refused = await outsider.post(`${base}/${formulaId}/${action}`, {
          reason: 'x',
          confirm: 'yes',
        });
        expect(refused.status).toBe(404);
      }
    }
    const record = await test.platform.credentials.get(ADMIN, formulaId);
    expect(record.revokedAt).toBeNull();
  });

  it('refuses a post without its form token (403), and sends someone signed out to sign in', async () => {
    const forged = await owner.post(
      `${LIST}/${formulaId}/revoke`,
      { reason: 'forged', confirm: 'yes' },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    expect((await test.platform.credentials.get(ADMIN, formulaId)).revokedAt).toBeNull();
    const stranger = new WebSession(test);
    for (const path of [LIST, `${LIST}/${formulaId}`]) {
      const response = await stranger.get(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(path)}`);
    }
  });

  it('answers 404 for a credential id that does not exist', async () => {
    expect((await owner.get(`${LIST}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await owner.get(`${LIST}/not-a-uuid`)).status).toBe(404);
  });
});
