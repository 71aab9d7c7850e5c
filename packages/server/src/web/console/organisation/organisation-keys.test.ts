import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';

describe('API keys and signing keys in the console', () => {
  let test: TestApp;
  let issuerId: string;
  let owner: WebSession;
  const apiKeys = '/console/demo-university/organisation/api-keys';
  const keys = '/console/demo-university/organisation/keys';

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    ({ issuerId } = await seedDemoData(test.platform));
    await test.platform.members.add(ADMIN, issuerId, { email: 'vera@example.org', role: 'viewer' });
    await test.platform.members.add(ADMIN, issuerId, { email: 'ivan@example.org', role: 'issuer' });
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    await test.platform.members.add(ADMIN, other.id, { email: 'olga@example.org', role: 'owner' });
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
  });
  afterAll(async () => {
    await test?.close();
  });

  async function signedIn(email: string): Promise<WebSession> {
    const session = new WebSession(test);
    await session.signIn(email);
    return session;
  }

  it('shows a new key’s token once, then only its name and prefix; revoked, the key gets 401', async () => {
    const created = await owner.post(apiKeys, {
      name: 'LMS sync',
      role: 'issuer',
      'scope:credentials:write': 'yes',
      'scope:credentials:read': 'yes',
    });
    expect(created.status).toBe(201);
    const token = created.text.match(/data-api-token[^>]*>\s*(mc_[0-9a-f]{16}\.[A-Za-z0-9_-]{43})\s*</)?.[1];
    if (token === undefined) throw new Error('the token is on the page');
    const prefix = token.slice(3, 19);

    const [stored] = await test.platform.apiKeys.list(ADMIN, issuerId);
    expect(stored).toMatchObject({ name: 'LMS sync', role: 'issuer', prefix });
    expect(stored?.scopes).toEqual(['credentials:read', 'credentials:write']);
    const listed = await owner.get(apiKeys);
    expect(listed.text).toContain('LMS sync');
    expect(listed.text).toContain(`mc_${prefix}…`);
    expect(listed.text).toContain('credentials:read credentials:write');
    expect(listed.text).toContain('<td>never</td>');
    expect(listed.text).not.toContain(token);
    expect(listed.text).not.toContain(token.split('.')[1]);

    expect((await test.call('/api/v1/credentials', { token })).status).toBe(200);
    expect((await owner.get(apiKeys)).text).not.toMatch(/<td>never<\/td>/);

    const revoked = await owner.post(`${apiKeys}/${stored?.id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe(`${apiKeys}?done=revoked`);
    expect((await test.call('/api/v1/credentials', { token })).status).toBe(401);
    const after = await owner.get(`${apiKeys}?done=revoked`);
    expect(after.text).toContain('The key was revoked.');
    expect(after.text).toContain('revoked on');
    expect(after.text).not.toContain(`/api-keys/${stored?.id}/revoke`);
  });

  it('refuses a key without a name or with an unknown role, keeping the choices made', async () => {
    const refused = await owner.post(apiKeys, { name: ' ', role: 'viewer', 'scope:bulk:read': 'yes' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).toMatch(/name="scope:bulk:read" type="checkbox" value="yes" checked/);
    expect((await owner.post(apiKeys, { name: 'Root', role: 'admin' })).status).toBe(400);
    expect((await test.platform.apiKeys.list(ADMIN, issuerId)).length).toBe(1);
  });

  it('rotates the signing key after confirmation, and the DID document lists the new key', async () => {
    const before = await owner.get(keys);
    expect(before.status).toBe(200);
    const didBefore = (await test.call('/issuers/demo-university/did.json')).body;
    expect(before.text).toContain('data-did-document');
    expect(before.text).toContain(didBefore.verificationMethod[0].publicKeyMultibase);

    const unconfirmed = await owner.post(`${keys}/rotate`, {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.text).toContain('Tick the box to confirm the rotation.');
    expect((await test.platform.issuers.keys(ADMIN, issuerId)).length).toBe(1);

    const rotated = await owner.post(`${keys}/rotate`, { confirm: 'yes' });
    expect(rotated.status).toBe(303);
    expect(rotated.headers.get('location')).toBe(`${keys}?done=rotated`);
    const signingKeys = await test.platform.issuers.keys(ADMIN, issuerId);
    expect(signingKeys.map((key) => key.active)).toEqual([false, true]);
    const didAfter = (await test.call('/issuers/demo-university/did.json')).body;
    expect(didAfter.verificationMethod).toHaveLength(2);
    expect(didAfter).not.toEqual(didBefore);
    const after = await owner.get(`${keys}?done=rotated`);
    expect(after.text).toContain('A new signing key is active.');
    for (const method of didAfter.verificationMethod) expect(after.text).toContain(method.publicKeyMultibase);
    expect(after.text).toContain('retired on');
  });

  it('offers viewers and issuers neither API keys nor rotation, and the use cases refuse them (403)', async () => {
    for (const email of ['vera@example.org', 'ivan@example.org']) {
      const member = await signedIn(email);
      expect((await member.get(apiKeys)).status).toBe(403);
      expect((await member.post(apiKeys, { name: 'Mine', role: 'owner' })).status).toBe(403);
      const [key] = await test.platform.apiKeys.list(ADMIN, issuerId);
      expect((await member.post(`${apiKeys}/${key?.id}/revoke`, {})).status).toBe(403);

      const readOnly = await member.get(keys);
      expect(readOnly.status).toBe(200);
      expect(readOnly.text).toContain('data-did-document');
      expect(readOnly.text).not.toContain('/keys/rotate');
      expect(readOnly.text).not.toContain('/organisation/api-keys');
      expect((await member.post(`${keys}/rotate`, { confirm: 'yes' })).status).toBe(403);
    }
    expect((await test.platform.apiKeys.list(ADMIN, issuerId)).length).toBe(1);
    expect((await test.platform.issuers.keys(ADMIN, issuerId)).length).toBe(2);
  });

  it('answers 404 to another issuer’s member, sends a stranger to sign in, and needs the form token', async () => {
    const olga = await signedIn('olga@example.org');
    for (const path of [apiKeys, keys]) expect((await olga.get(path)).status).toBe(404);
    expect((await olga.post(apiKeys, { name: 'Mine', role: 'owner' })).status).toBe(404);
    expect((await olga.post(`${keys}/rotate`, { confirm: 'yes' })).status).toBe(404);
    // Another issuer's key, named on this issuer's page: as if it did not exist.
    const other = await test.platform.issuers.findBySlug('other-college');
    const { apiKey } = await test.platform.apiKeys.create(ADMIN, other?.id ?? '', {
      name: 'Theirs',
      role: 'viewer',
    });
    expect((await owner.post(`${apiKeys}/${apiKey.id}/revoke`, {})).status).toBe(404);
    expect((await test.platform.apiKeys.list(ADMIN, other?.id ?? ''))[0]?.revokedAt).toBeNull();

    const stranger = new WebSession(test);
    for (const path of [apiKeys, keys]) expect((await stranger.get(path)).status).toBe(303);
    expect((await stranger.post(`${keys}/rotate`, { confirm: 'yes' })).status).toBe(303);

    expect((await owner.post(`${keys}/rotate`, { confirm: 'yes' }, { csrf: false })).status).toBe(403);
    expect((await owner.post(apiKeys, { name: 'Forged', role: 'owner' }, { csrf: false })).status).toBe(403);
    expect((await test.platform.issuers.keys(ADMIN, issuerId)).length).toBe(2);
    expect((await test.platform.apiKeys.list(ADMIN, issuerId)).length).toBe(1);
  });
});
