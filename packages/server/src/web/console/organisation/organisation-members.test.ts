import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';

describe('the members of an organisation in the console', () => {
  let test: TestApp;
  let issuerId: string;
  let owner: WebSession;
  const page = '/console/demo-university/organisation/members';

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    ({ issuerId } = await seedDemoData(test.platform));
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    await test.platform.members.add(ADMIN, other.id, { email: 'olga@example.org', role: 'owner' });
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
  });
  afterAll(async () => {
    await test?.close();
  });

  const members = () => test.platform.members.list(ADMIN, issuerId);
  const memberId = async (email: string) => {
    const found = (await members()).find((member) => member.email === email);
    if (found === undefined) throw new Error(`${email} is not a member`);
    return found.userId;
  };

  it('invites someone by email, who signs in from the mail and reaches the console with that role', async () => {
    const invited = await owner.post(page, { email: 'Vic@Example.org', name: 'Vic Viewer', role: 'viewer' });
    expect(invited.status).toBe(303);
    expect(invited.headers.get('location')).toBe(`${page}?done=invited`);
    const mail = (await test.platform.mail.list(500)).find((item) => item.toAddress === 'vic@example.org');
    expect(mail?.subject).toContain('Demo University');
    expect(mail?.textBody).toContain('/console');

    const listed = await owner.get(`${page}?done=invited`);
    expect(listed.text).toContain('The invitation was sent.');
    expect(listed.text).toMatch(/<tr data-member="vic@example.org">[\s\S]*?data-role="viewer"/);

    const vic = new WebSession(test);
    expect((await vic.signIn('vic@example.org')).headers.get('location')).toBe('/console');
    const console = await vic.get('/console/demo-university');
    expect(console.status).toBe(200);
    expect(console.text).toContain('Your role: viewer');
    // A viewer reads the members but is offered nothing to change, and the use cases refuse it anyway.
    const readOnly = await vic.get(page);
    expect(readOnly.status).toBe(200);
    expect(readOnly.text).toContain(DEMO_ISSUER_OWNER_EMAIL);
    expect(readOnly.text).not.toContain('<form method="post" action="/console/demo-university/organisation');
    const ownerId = await memberId(DEMO_ISSUER_OWNER_EMAIL);
    expect((await vic.post(page, { email: 'friend@example.org', role: 'owner' })).status).toBe(403);
    expect((await vic.post(`${page}/${ownerId}/role`, { role: 'viewer' })).status).toBe(403);
    expect((await vic.post(`${page}/${ownerId}/remove`, {})).status).toBe(403);
    expect(
      (await vic.post(`${page}/${await memberId('vic@example.org')}/role`, { role: 'owner' })).status,
    ).toBe(403);
    expect((await members()).map((member) => [member.email, member.role]).sort()).toEqual([
      [DEMO_ISSUER_OWNER_EMAIL, 'owner'],
      ['vic@example.org', 'viewer'],
    ]);
  });

  it('keeps what was typed when an invitation is refused', async () => {
    const refused = await owner.post(page, { email: 'not an address', name: 'Nobody', role: 'issuer' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).toContain('value="not an address"');
    expect(refused.text).toContain('<option value="issuer" selected="">');
    expect((await owner.post(page, { email: 'role@example.org', role: 'superuser' })).status).toBe(400);
    expect((await members()).some((member) => member.email === 'role@example.org')).toBe(false);
  });

  it('changes a role, and the person’s console follows', async () => {
    const changed = await owner.post(`${page}/${await memberId('vic@example.org')}/role`, { role: 'issuer' });
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toBe(`${page}?done=role`);
    expect((await members()).find((member) => member.email === 'vic@example.org')?.role).toBe('issuer');
    const vic = new WebSession(test);
    await vic.signIn('vic@example.org');
    expect((await vic.get('/console/demo-university')).text).toContain('Your role: issuer');
  });

  it('refuses to demote or remove the last owner, with the domain’s reason', async () => {
    const ownerId = await memberId(DEMO_ISSUER_OWNER_EMAIL);
    const demoted = await owner.post(`${page}/${ownerId}/role`, { role: 'viewer' });
    expect(demoted.status).toBe(409);
    expect(demoted.text).toContain('the last owner of an issuer must stay an owner');
    const removed = await owner.post(`${page}/${ownerId}/remove`, {});
    expect(removed.status).toBe(409);
    expect(removed.text).toContain('the last owner of an issuer cannot be removed');
    expect((await members()).find((member) => member.userId === ownerId)?.role).toBe('owner');
  });

  it('removes a member, who then finds no console there', async () => {
    const removed = await owner.post(`${page}/${await memberId('vic@example.org')}/remove`, {});
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe(`${page}?done=removed`);
    expect((await members()).some((member) => member.email === 'vic@example.org')).toBe(false);
    const vic = new WebSession(test);
    await vic.signIn('vic@example.org');
    expect((await vic.get('/console/demo-university')).status).toBe(404);
  });

  it('answers 404 to another issuer’s member and for a member of another issuer, and needs the form token', async () => {
    const olga = new WebSession(test);
    await olga.signIn('olga@example.org');
    const ownerId = await memberId(DEMO_ISSUER_OWNER_EMAIL);
    expect((await olga.get(page)).status).toBe(404);
    expect((await olga.post(page, { email: 'olga@example.org', role: 'owner' })).status).toBe(404);
    expect((await olga.post(`${page}/${ownerId}/remove`, {})).status).toBe(404);
    // Olga's own id, named on Demo University's page: not a member there.
    const other = await test.platform.issuers.findBySlug('other-college');
    const olgaId = (await test.platform.members.list(ADMIN, other?.id ?? '')).find(
      (member) => member.email === 'olga@example.org',
    )?.userId;
    expect((await owner.post(`${page}/${olgaId}/remove`, {})).status).toBe(404);
    expect((await test.platform.members.list(ADMIN, other?.id ?? '')).length).toBe(1);

    const stranger = new WebSession(test);
    expect((await stranger.get(page)).status).toBe(303);
    expect((await stranger.post(page, { email: 'x@example.org', role: 'owner' })).status).toBe(303);

    const forged = await owner.post(page, { email: 'forged@example.org', role: 'owner' }, { csrf: false });
    expect(forged.status).toBe(403);
    expect((await members()).some((member) => member.email === 'forged@example.org')).toBe(false);
  });
});
