import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, PUBLIC_URL, seedIssuer } from '../../../test/support/test-platform.js';
import { AesGcmKeyStore, createPgStorage, type DatabaseHandle } from '../../db/index.js';
import { openTestDatabase, testDrivers } from '../../db/open-test-database.js';
import { createPlatformWithContext, type Platform } from '../platform.js';
import type { Storage } from '../ports/index.js';

type Counted = 'issuers.findBySlug' | 'issuerKeys.list' | 'issuerKeys.findActive' | 'statusLists.findById';

/** The storage with a count of the reads a verification may repeat. */
function countingStorage(storage: Storage): { storage: Storage; counts: Map<Counted, number> } {
  const counts = new Map<Counted, number>();
  const counted = <R extends object>(name: string, repository: R, methods: readonly string[]): R =>
    new Proxy(repository, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        // Bound to the repository itself: its private fields are not the proxy's.
        const method = (value as (...rest: unknown[]) => unknown).bind(target);
        if (typeof property !== 'string' || !methods.includes(property)) return method;
        return (...args: unknown[]) => {
          const key = `${name}.${property}` as Counted;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          return method(...args);
        };
      },
    });
  return {
    storage: {
      ...storage,
      issuers: counted('issuers', storage.issuers, ['findBySlug']),
      issuerKeys: counted('issuerKeys', storage.issuerKeys, ['list', 'findActive']),
      statusLists: counted('statusLists', storage.statusLists, ['findById']),
    },
    counts,
  };
}

describe.each(testDrivers())('what one verification reads on %s', (driver) => {
  let database: DatabaseHandle;
  let platform: Platform;
  let counts: Map<Counted, number>;
  let credential: Record<string, unknown>;
  let credentialId: string;

  beforeAll(async () => {
    database = await openTestDatabase({ driver });
    const counting = countingStorage(createPgStorage({ db: database.db }));
    counts = counting.counts;
    platform = createPlatformWithContext({
      storage: counting.storage,
      keyStore: new AesGcmKeyStore({ masterKey: randomBytes(32) }),
      publicUrl: PUBLIC_URL,
      recipientPepper: randomBytes(32),
    }).platform;
    const { achievement } = await seedIssuer(platform);
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'reads@example.org' },
    });
    credential = record.document;
    credentialId = record.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reads the issuer and its keys once, though the proof, the status list and the trust check name them', async () => {
    expect((await platform.verify(credential)).verified).toBe(true);
    counts.clear();
    expect((await platform.verify(credential)).verified).toBe(true);
    expect(Object.fromEntries(counts)).toEqual({ 'issuers.findBySlug': 1, 'issuerKeys.list': 1 });
  });

  it("reads a status list's bits again only once they changed, and sees the revocation at once", async () => {
    await platform.verify(credential);
    counts.clear();
    await platform.credentials.revoke(ADMIN, credentialId, { reason: 'issued in error' });
    const report = await platform.verify(credential);
    expect(report.verified).toBe(false);
    expect(report.checks.find((check) => check.id === 'status')?.ok).toBe(false);
    expect(counts.get('statusLists.findById')).toBe(1);
    counts.clear();
    expect((await platform.verify(credential)).verified).toBe(false);
    expect(counts.get('statusLists.findById')).toBeUndefined();
  });
});
