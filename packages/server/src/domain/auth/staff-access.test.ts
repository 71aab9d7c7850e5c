import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { ServerErrorCode } from '../error/server-error.js';
import type { Platform } from '../platform.js';
import { consoleActor, consoleAdminActor } from './staff-access.js';

/** Signs `email` in as its owner would: the emailed link, used once. */
async function signIn(platform: Platform, email: string): Promise<string> {
  await platform.earners.requestSignIn({ email, locale: 'en' });
  const mail = (await platform.mail.list(500)).find((item) => item.toAddress === email.toLowerCase());
  const secret = mail?.textBody.match(/\/signin\/([A-Za-z0-9_-]{43})/)?.[1];
  if (secret === undefined) throw new Error(`no sign-in mail to ${email}`);
  return platform.earners.signInWithLink({ secret, locale: 'en' });
}

describe.each(testDrivers())('console access of signed-in people on %s', (driver) => {
  let test: TestPlatform;
  let platform: Platform;
  let north: { id: string; slug: string };
  let south: { id: string; slug: string };

  beforeAll(async () => {
    test = await openTestPlatform(driver, { adminEmails: ['Root@Example.org'] });
    platform = test.platform;
    north = await platform.issuers.create(ADMIN, { slug: 'north-college', name: 'North College' });
    south = await platform.issuers.create(ADMIN, { slug: 'south-academy', name: 'South Academy' });
    await platform.members.add(ADMIN, north.id, { email: 'ana@example.org', role: 'owner' });
    await platform.members.add(ADMIN, south.id, { email: 'ANA@example.org', role: 'viewer' });
    await platform.members.add(ADMIN, south.id, { email: 'ben@example.org', role: 'issuer' });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('gives a member of two issuers both workspaces, each with its own role, once they prove the address', async () => {
    const account = await signIn(platform, 'Ana@Example.org');
    const access = await platform.staff.accessOf(account);
    expect(access).toMatchObject({ email: 'ana@example.org', isAdmin: false });
    expect(access.workspaces.map((workspace) => [workspace.slug, workspace.role])).toEqual([
      ['north-college', 'owner'],
      ['south-academy', 'viewer'],
    ]);
    const { actor } = consoleActor(access, 'south-academy');
    expect(actor).toEqual({ kind: 'member', issuerId: south.id, role: 'viewer', label: 'ana@example.org' });
  });

  it('answers NOT_FOUND for an issuer the person does not belong to, as for one that does not exist', async () => {
    const access = await platform.staff.accessOf(await signIn(platform, 'ben@example.org'));
    expect(access.workspaces.map((workspace) => workspace.slug)).toEqual(['south-academy']);
    expect(() => consoleActor(access, 'north-college')).toThrow(
      expect.objectContaining({ code: ServerErrorCode.NOT_FOUND }),
    );
    expect(() => consoleActor(access, 'no-such-issuer')).toThrow(
      expect.objectContaining({ code: ServerErrorCode.NOT_FOUND }),
    );
    expect(() => consoleAdminActor(access)).toThrow(
      expect.objectContaining({ code: ServerErrorCode.FORBIDDEN }),
    );
  });

  it('gives nobody anything for an address they have not proved, nor to an account without membership', async () => {
    const stranger = await signIn(platform, 'carol@example.org');
    expect(await platform.staff.accessOf(stranger)).toEqual({ email: null, isAdmin: false, workspaces: [] });
  });

  it('makes the configured administrator owner of every issuer, named in the history by their address', async () => {
    const access = await platform.staff.accessOf(await signIn(platform, 'root@example.org'));
    expect(access.isAdmin).toBe(true);
    expect(access.workspaces.map((workspace) => workspace.slug)).toEqual(['north-college', 'south-academy']);
    expect(consoleActor(access, 'north-college').actor).toEqual({ kind: 'admin', label: 'root@example.org' });
    expect(consoleAdminActor(access)).toEqual({ kind: 'admin', label: 'root@example.org' });
  });
});
