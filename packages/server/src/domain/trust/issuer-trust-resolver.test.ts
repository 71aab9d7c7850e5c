import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  addDataIntegrityProof,
  buildAchievement,
  buildAchievementCredential,
  buildDidConfiguration,
  buildDomainLinkageCredential,
  buildProfile,
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  generateEd25519KeyPair,
  type JsonObject,
  parseTrustRegistry,
  type SigningKey,
} from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { createGuardedFetcher } from '../../edge/outbound/create-guarded-fetcher.js';
import { parseFetchAllowList } from '../../edge/outbound/fetch-allow-list.js';

function didKeySigner(): SigningKey {
  const { publicKey, secretKey } = generateEd25519KeyPair(randomBytes(32));
  const did = didKeyFromPublicKey(publicKey);
  return createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did });
}

async function badgeFrom(key: SigningKey, url?: string): Promise<JsonObject> {
  const credential = buildAchievementCredential({
    id: `urn:uuid:${crypto.randomUUID()}`,
    issuer: buildProfile({
      id: key.controller,
      name: 'Foreign Academy',
      ...(url === undefined ? {} : { url }),
    }),
    achievement: buildAchievement({
      id: 'https://foreign.example/achievements/1',
      name: 'Teamwork',
      description: 'Works in a team.',
      criteria: { narrative: 'Peer review.' },
    }),
    recipient: { id: 'did:example:learner' },
    validFrom: '2026-01-01T00:00:00Z',
  }) as unknown as JsonObject;
  return addDataIntegrityProof({ document: credential, key, created: '2026-01-01T00:00:00Z' });
}

/** The trust sources of the platform's verifier for issuers of other platforms. */
describe('issuer trust of foreign issuers', () => {
  let site: Server;
  let origin: string;
  let fetches = 0;
  let published: unknown = {};
  let test: TestPlatform;
  const listed = didKeySigner();
  const linked = didKeySigner();
  const stranger = didKeySigner();

  beforeAll(async () => {
    site = createServer((request, response) => {
      fetches += 1;
      const found = request.url === '/.well-known/did-configuration.json';
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(found ? published : {}));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const dlc = await addDataIntegrityProof({
      document: buildDomainLinkageCredential({
        did: linked.controller,
        origin,
        issuanceDate: new Date('2026-01-01T00:00:00Z'),
        expirationDate: new Date(Date.now() + 86_400_000),
      }),
      key: linked,
      created: '2026-01-01T00:00:00Z',
    });
    published = buildDidConfiguration([dlc]);
    test = await openTestPlatform('pglite', {
      externalFetcher: createGuardedFetcher({ allow: parseFetchAllowList('127.0.0.1') ?? [] }).fetchJson,
      trust: {
        registries: [
          parseTrustRegistry(`${listed.controller} Foreign Academy (listed)`, {
            source: 'partners.txt',
            defaultName: 'Partner registry',
          }),
        ],
      },
    });
  });
  afterAll(async () => {
    await test?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  it('says vetted for an issuer a configured registry lists, naming the registry', async () => {
    const report = await test.platform.verify(await badgeFrom(listed));
    expect(report.verified).toBe(true);
    expect(report.issuerTrust).toEqual({
      level: 'vetted',
      registry: 'Partner registry',
      name: 'Foreign Academy (listed)',
    });
  });

  it("says domain-linked when the issuer's site links its DID, and remembers the answer", async () => {
    const before = fetches;
    const report = await test.platform.verify(await badgeFrom(linked, `${origin}/about`));
    expect(report.verified).toBe(true);
    expect(report.issuerTrust).toEqual({ level: 'domain-linked', domain: origin });
    expect(fetches).toBe(before + 1);
    const again = await test.platform.verify(await badgeFrom(linked, `${origin}/about`));
    expect(again.issuerTrust).toEqual({ level: 'domain-linked', domain: origin });
    expect(fetches).toBe(before + 1);
  });

  it('says unknown when the site links another DID, never vetted', async () => {
    const report = await test.platform.verify(await badgeFrom(stranger, origin));
    expect(report.verified).toBe(true);
    expect(report.issuerTrust).toEqual({ level: 'unknown' });
  });

  it('asks no trust source about a forged credential naming a listed issuer', async () => {
    const before = fetches;
    const forged = await badgeFrom(stranger, origin);
    const named = { ...forged, issuer: { ...(forged.issuer as JsonObject), id: listed.controller } };
    const report = await test.platform.verify(named);
    expect(report.verified).toBe(false);
    expect(report.issuerTrust).toEqual({ level: 'unknown' });
    expect(fetches).toBe(before);
  });
});
