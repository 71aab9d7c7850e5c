import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSharedJson, sharedPath } from '../../../vc/test/support/shared-data.js';
import { openTestPlatform, type TestPlatform } from '../../test/support/test-platform.js';
import { readResourceMap } from '../resources/read-resource-map.js';

const DID_WEB_CREDENTIAL =
  'peer-suites/dcc-verifier-core/src/test-fixtures/verifiableCredentials/v2/didWeb/v2didWebWithValidStatus.json';
const now = new Date('2026-11-23T00:00:00Z');

describe("the server's verifier with a resource map (VERIFIER_RESOURCES)", () => {
  let withMap: TestPlatform;
  let withoutMap: TestPlatform;
  beforeAll(async () => {
    const resources = readResourceMap({ path: sharedPath('peer-suites/resources-map.json') });
    withMap = await openTestPlatform('pglite', { verifier: { resources, compat: '1edtech' } });
    withoutMap = await openTestPlatform('pglite');
  });
  afterAll(async () => {
    await withMap?.close();
    await withoutMap?.close();
  });

  it("verifies another platform's did:web credential from the map's DID document and status list", async () => {
    const credential = readSharedJson(DID_WEB_CREDENTIAL);
    const report = await withMap.platform.verify(credential, { now });
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.verified).toBe(true);
  });

  it('refuses what it cannot resolve without the map, fetching nothing', async () => {
    const report = await withoutMap.platform.verify(readSharedJson(DID_WEB_CREDENTIAL), { now });
    expect(report.verified).toBe(false);
    expect(report.checks.find((check) => !check.ok)?.code).toMatch(
      /UNKNOWN_CONTEXT|DID_RESOLUTION_ERROR|STATUS_RETRIEVAL_ERROR/,
    );
  });
});
