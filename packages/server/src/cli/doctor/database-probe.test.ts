import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { databaseProbe } from './database-probe.js';

describe.each(testDrivers())('the doctor database probe on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('reads the server version, the needed functions and the migrations applied', async () => {
    const probe = databaseProbe(test.database);
    expect((await probe.version()).number).toBeGreaterThanOrEqual(150_000);
    expect(await probe.missingFunctions()).toEqual([]);
    expect(await probe.pendingMigrations()).toBe(0);
    expect(Math.abs((await probe.now()).getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('names the issuer DID of each issuer’s newest credential, and none for an issuer without one', async () => {
    const { issuer, achievement } = await seedIssuer(test.platform);
    const idle = await seedIssuer(test.platform);
    await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'probe@example.org' },
      format: 'jwt',
    });
    const issued = await databaseProbe(test.database).issuedDids();
    expect(issued).toContainEqual({
      slug: issuer.slug,
      did: `did:web:badges.example.edu:issuers:${issuer.slug}`,
    });
    expect(issued).toContainEqual({ slug: idle.issuer.slug, did: null });
    const sealed = await databaseProbe(test.database).sealedKey();
    expect(sealed).toMatchObject({ keyId: expect.any(String), sealed: expect.any(Uint8Array) });
  });
});
