import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';

const ISSUE = '/console/demo-university/issue';

/** The hidden fields of the preview's confirmation form, as the browser would send them back. */
function confirmationFields(html: string): Record<string, string> {
  const form = html.slice(html.indexOf(`action="${ISSUE}"`));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)) {
    const [, name = '', value = ''] = match;
    if (name !== '_csrf') fields[name] = value.replaceAll('&amp;', '&').replaceAll('&quot;', '"');
  }
  return fields;
}

describe('issuing one credential from the console', () => {
  let test: TestApp;
  let issuerId: string;
  let sqlId: string;
  let owner: WebSession;

  async function issuedCount(): Promise<number> {
    return (await test.platform.credentials.searchIssued(ADMIN, issuerId, { limit: 1 })).total;
  }

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    ({ issuerId } = await seedDemoData(test.platform));
    const achievements = await test.platform.achievements.list(ADMIN, { issuerId });
    sqlId = achievements.find((achievement) => achievement.name === 'SQL for Analysts')?.id ?? '';
    await test.platform.achievements.create(ADMIN, {
      issuerId,
      name: 'Unpublished Draft',
      description: 'Not ready.',
      criteria: { narrative: 'Not yet.' },
      status: 'draft',
    });
    await test.platform.members.add(ADMIN, issuerId, { email: 'vera@example.org', role: 'viewer' });
    await test.platform.members.add(ADMIN, issuerId, { email: 'ivan@example.org', role: 'issuer' });
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
  });
  afterAll(async () => {
    await test?.close();
  });

  const form = (recipient: string, extra: Record<string, string> = {}) => ({
    achievementId: sqlId,
    recipient,
    name: 'Nina Newcomer',
    evidenceUrl: 'https://portfolio.example/nina/sql',
    evidenceNarrative: 'Queries written for the **final project**.',
    narrative: 'Scored 92% on the proctored assessment.',
    ...extra,
  });

  it('offers the published achievements of the issuer, not its drafts', async () => {
    const page = await owner.get(ISSUE);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`action="${ISSUE}/preview"`);
    expect(page.text).toContain('SQL for Analysts');
    expect(page.text).not.toContain('Unpublished Draft');
  });

  it('previews the credential as it will read without issuing, then issues exactly one on confirmation', async () => {
    const before = await issuedCount();
    const preview = await owner.post(`${ISSUE}/preview`, form('nina@example.org'));
    expect(preview.status).toBe(200);
    for (const text of [
      'SQL for Analysts',
      'Demo University',
      'Nina Newcomer',
      'nina@example.org',
      'proctored SQL assessment',
      'https://portfolio.example/nina/sql',
      '<strong>final project</strong>',
      'Confirm and issue',
    ]) {
      expect(preview.text).toContain(text);
    }
    expect(preview.text).not.toContain('data-duplicate');
    expect(await issuedCount()).toBe(before);

    const fields = confirmationFields(preview.text);
    expect(fields.idempotencyKey).toMatch(/^console-/);
    expect(fields.recipient).toBe('nina@example.org');
    const confirmed = await owner.post(ISSUE, fields);
    expect(confirmed.status).toBe(303);
    const location = confirmed.headers.get('location') ?? '';
    const id = /\/console\/demo-university\/credentials\/([0-9a-f-]{36})\?done=issued$/.exec(location)?.[1];
    expect(id).toBeDefined();
    expect(await issuedCount()).toBe(before + 1);
    const record = await test.platform.credentials.get(ADMIN, id ?? '');
    expect(record).toMatchObject({ achievementId: sqlId, recipientName: 'Nina Newcomer' });
    expect(record.document).toMatchObject({
      evidence: [{ id: 'https://portfolio.example/nina/sql' }],
      credentialSubject: { narrative: 'Scored 92% on the proctored assessment.' },
    });
    const detail = await owner.get(location);
    expect(detail.text).toContain('The credential was issued.');
  });

  it('issues once when the same confirmation is sent twice', async () => {
    const preview = await owner.post(`${ISSUE}/preview`, form('did:example:omar', { name: 'Omar Twice' }));
    const fields = confirmationFields(preview.text);
    const before = await issuedCount();
    const first = await owner.post(ISSUE, fields);
    const second = await owner.post(ISSUE, fields);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await issuedCount()).toBe(before + 1);
  });

  it('warns that the recipient already holds the achievement and issues again only with "issue anyway"', async () => {
    const preview = await owner.post(`${ISSUE}/preview`, form('learner@example.com', { name: 'Alex Demo' }));
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('data-duplicate="warning"');
    expect(preview.text).toContain('name="issueAnyway"');
    const fields = confirmationFields(preview.text);
    const before = await issuedCount();

    const refused = await owner.post(ISSUE, fields);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Nothing was issued');
    expect(await issuedCount()).toBe(before);

    const anyway = await owner.post(ISSUE, { ...fields, issueAnyway: 'yes' });
    expect(anyway.status).toBe(303);
    expect(await issuedCount()).toBe(before + 1);
  });

  it('keeps what was typed and says why when the form cannot be issued', async () => {
    const before = await issuedCount();
    const badRecipient = await owner.post(`${ISSUE}/preview`, form('not an address'));
    expect(badRecipient.status).toBe(400);
    expect(badRecipient.text).toContain('role="alert"');
    expect(badRecipient.text).toContain('value="not an address"');
    const badEvidence = await owner.post(
      `${ISSUE}/preview`,
      form('ok@example.org', { evidenceUrl: 'javascript:x' }),
    );
    expect(badEvidence.status).toBe(400);
    const draft = (await test.platform.achievements.list(ADMIN, { issuerId, status: 'draft' }))[0];
    const unpublished = await owner.post(
      `${ISSUE}/preview`,
      form('ok@example.org', { achievementId: draft?.id ?? '' }),
    );
    expect(unpublished.status).toBe(400);
    // A confirmation without the preview's key is sent back to be checked again.
    const keyless = await owner.post(ISSUE, form('ok@example.org'));
    expect(keyless.status).toBe(400);
    expect(keyless.text).toContain('This form has expired');
    // "Change" goes back to the form with the values.
    const edit = await owner.post(`${ISSUE}/preview`, { ...form('ok@example.org'), edit: 'yes' });
    expect(edit.status).toBe(200);
    expect(edit.text).toContain('value="ok@example.org"');
    expect(await issuedCount()).toBe(before);
  });

  it('lets an issuer-role member issue, and shows a viewer no form and refuses their posts (403)', async () => {
    const issuer = new WebSession(test);
    await issuer.signIn('ivan@example.org');
    const preview = await issuer.post(`${ISSUE}/preview`, form('did:example:ivy', { name: 'Ivy' }));
    expect(preview.status).toBe(200);
    expect((await issuer.post(ISSUE, confirmationFields(preview.text))).status).toBe(303);

    const viewer = new WebSession(test);
    await viewer.signIn('vera@example.org');
    const page = await viewer.get(ISSUE);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(`action="${ISSUE}/preview"`);
    const before = await issuedCount();
    expect((await viewer.post(`${ISSUE}/preview`, form('x@example.org'))).status).toBe(403);
    const fields = confirmationFields(preview.text);
    const forged = { ...fields, idempotencyKey: 'console-00000000-0000-4000-8000-000000000001' };
    expect((await viewer.post(ISSUE, forged)).status).toBe(403);
    expect(await issuedCount()).toBe(before);
  });

  it("answers another issuer's member 404, refuses a post without its token, and sends a stranger to sign in", async () => {
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    await test.platform.members.add(ADMIN, other.id, { email: 'olga@example.org', role: 'owner' });
    const outsider = new WebSession(test);
    await outsider.signIn('olga@example.org');
    const before = await issuedCount();
    expect((await outsider.get(ISSUE)).status).toBe(404);
    expect((await outsider.post(`${ISSUE}/preview`, form('x@example.org'))).status).toBe(404);
    const key = { idempotencyKey: 'console-00000000-0000-4000-8000-000000000002' };
    expect((await outsider.post(ISSUE, form('x@example.org', key))).status).toBe(404);
    // From their own console, an achievement of another issuer does not exist.
    const own = '/console/other-college/issue';
    expect((await outsider.post(`${own}/preview`, form('x@example.org'))).status).toBe(404);
    expect((await outsider.post(own, form('x@example.org', key))).status).toBe(404);

    const forged = await owner.post(ISSUE, form('x@example.org', key), { csrf: false });
    expect(forged.status).toBe(403);
    expect(await issuedCount()).toBe(before);

    const stranger = await new WebSession(test).get(ISSUE);
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(ISSUE)}`);
  });
});
