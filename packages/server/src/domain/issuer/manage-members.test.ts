import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';

describe.each(testDrivers())('issuer members on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('adds people by email (case-insensitively), changes their role, and never removes the last owner', async () => {
    const { issuer } = await seedIssuer(test.platform);
    const owner = await test.platform.members.add(ADMIN, issuer.id, {
      email: 'Owner@Example.org',
      role: 'owner',
    });
    expect(owner).toMatchObject({ email: 'owner@example.org', role: 'owner' });
    const again = await test.platform.members.add(ADMIN, issuer.id, {
      email: 'owner@example.org',
      role: 'owner',
    });
    expect(again.userId).toBe(owner.userId);
    const staff = await test.platform.members.add(ADMIN, issuer.id, {
      email: 'staff@example.org',
      name: 'Staff',
      role: 'viewer',
    });
    await test.platform.members.add(ADMIN, issuer.id, { email: 'staff@example.org', role: 'issuer' });
    expect(
      (await test.platform.members.list(ADMIN, issuer.id))
        .map((member) => [member.email, member.role])
        .sort(),
    ).toEqual([
      ['owner@example.org', 'owner'],
      ['staff@example.org', 'issuer'],
    ]);
    await expect(test.platform.members.remove(ADMIN, issuer.id, owner.userId)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await test.platform.members.remove(ADMIN, issuer.id, staff.userId);
    expect(await test.platform.members.list(ADMIN, issuer.id)).toHaveLength(1);
    const outsider = {
      kind: 'member',
      issuerId: '00000000-0000-4000-8000-000000000000',
      role: 'owner',
    } as const;
    await expect(test.platform.members.list(outsider, issuer.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
