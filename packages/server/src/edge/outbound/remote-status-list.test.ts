import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  addDataIntegrityProof,
  buildAchievement,
  buildAchievementCredential,
  buildBitstringStatusListCredential,
  buildProfile,
  createBitstring,
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  ErrorCode,
  encodeStatusList,
  generateEd25519KeyPair,
  type SigningKey,
  setStatus,
} from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { createGuardedFetcher } from './create-guarded-fetcher.js';
import { parseFetchAllowList } from './fetch-allow-list.js';

const INDEX = 7;
const validFrom = new Date('2026-01-01T00:00:00Z');

async function signedList(key: SigningKey, id: string, revoked: boolean) {
  const bits = createBitstring();
  if (revoked) setStatus(bits, INDEX, 1);
  const list = buildBitstringStatusListCredential({
    id,
    issuer: key.controller,
    statusPurpose: 'revocation',
    encodedList: encodeStatusList(bits),
    validFrom,
  });
  return addDataIntegrityProof({
    document: list as unknown as Record<string, unknown>,
    key,
    created: validFrom,
  });
}

/**
 * ADVERSARIAL V21 end to end: a did:key credential whose status list lives on another local server, read
 * by the platform's verifier through the guarded fetcher (allow-listed), and refused without the list.
 */
describe("the platform's verifier reads a remote status list through the guarded fetcher", () => {
  let key: SigningKey;
  let server: Server;
  let origin: string;
  let connections = 0;
  const lists = new Map<string, Record<string, unknown>>();
  let allowed: TestPlatform;
  let notAllowed: TestPlatform;

  beforeAll(async () => {
    const { publicKey, secretKey } = generateEd25519KeyPair(randomBytes(32));
    const did = didKeyFromPublicKey(publicKey);
    key = createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did });
    server = createServer((request, response) => {
      const list = lists.get(request.url ?? '');
      response.writeHead(list === undefined ? 404 : 200, {
        'content-type': 'application/vc+ld+json',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify(list ?? {}));
    });
    server.on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    lists.set('/lists/clear', await signedList(key, `${origin}/lists/clear`, false));
    lists.set('/lists/revoked', await signedList(key, `${origin}/lists/revoked`, true));
    allowed = await openTestPlatform('pglite', {
      externalFetcher: createGuardedFetcher({ allow: parseFetchAllowList('127.0.0.1') ?? [] }).fetchJson,
    });
    notAllowed = await openTestPlatform('pglite', { externalFetcher: createGuardedFetcher().fetchJson });
  });

  afterAll(async () => {
    await allowed?.close();
    await notAllowed?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  function credential(listPath: string) {
    return addDataIntegrityProof({
      document: buildAchievementCredential({
        id: `urn:uuid:${randomUUID()}`,
        issuer: buildProfile({ id: key.controller, name: 'Remote Academy' }),
        achievement: buildAchievement({
          id: 'https://academy.example/achievements/first-aid',
          name: 'First Aid',
          description: 'Gives first aid.',
          criteria: { narrative: 'Pass the first aid course.' },
        }),
        recipient: { id: 'did:example:learner' },
        validFrom,
        name: 'First Aid',
        credentialStatus: {
          type: 'BitstringStatusListEntry',
          statusListCredential: `${origin}${listPath}`,
          statusListIndex: INDEX,
          statusPurpose: 'revocation',
        },
      }) as unknown as Record<string, unknown>,
      key,
      created: validFrom,
    });
  }

  const statusCheck = (report: { checks: readonly { id: string }[] }) =>
    report.checks.find((check) => check.id === 'status');

  it('verifies a credential whose status list is on an allow-listed host', async () => {
    const report = await allowed.platform.verify(await credential('/lists/clear'));
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.verified).toBe(true);
    expect(statusCheck(report)).toMatchObject({ ok: true, message: expect.stringContaining('not revoked') });
  });

  it('reports a credential revoked on the remote list as revoked', async () => {
    const report = await allowed.platform.verify(await credential('/lists/revoked'));
    expect(report.verified).toBe(false);
    expect(statusCheck(report)).toMatchObject({ ok: false, code: ErrorCode.REVOKED });
  });

  it('never reports a status list that answers 404 as valid', async () => {
    const report = await allowed.platform.verify(await credential('/lists/missing'));
    expect(report.verified).toBe(false);
    expect(statusCheck(report)).toMatchObject({
      ok: false,
      code: ErrorCode.STATUS_RETRIEVAL_ERROR,
      message: expect.stringContaining('HTTP 404'),
    });
  });

  it('without the allow-list, reports the status check failed because the fetch was refused, connecting to nothing', async () => {
    const before = connections;
    const report = await notAllowed.platform.verify(await credential('/lists/clear'));
    expect(report.verified).toBe(false);
    expect(statusCheck(report)).toMatchObject({
      ok: false,
      code: ErrorCode.FETCH_REFUSED,
      message: expect.stringContaining('only https is fetched'),
    });
    expect(connections).toBe(before);
  });
});
