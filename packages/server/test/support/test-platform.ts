import { randomBytes } from 'node:crypto';
import { AesGcmKeyStore, createPgStorage, type DatabaseHandle } from '../../src/db/index.js';
import { openTestDatabase, type TestDriver } from '../../src/db/open-test-database.js';
import type { Actor } from '../../src/domain/auth/actor.js';
import { createPlatform, type Platform, type PlatformOptions } from '../../src/domain/platform.js';

export const ADMIN: Actor = { kind: 'admin' };
export const PUBLIC_URL = 'https://badges.example.edu';

export interface TestPlatform {
  readonly platform: Platform;
  readonly database: DatabaseHandle;
  close(): Promise<void>;
}

/** A platform on a fresh, migrated test database of the given driver, with a random master key. */
export async function openTestPlatform(
  driver: TestDriver,
  options: Partial<Omit<PlatformOptions, 'storage' | 'keyStore'>> = {},
): Promise<TestPlatform> {
  const database = await openTestDatabase({ driver });
  const platform = createPlatform({
    storage: createPgStorage({ db: database.db }),
    keyStore: new AesGcmKeyStore({ masterKey: randomBytes(32) }),
    publicUrl: PUBLIC_URL,
    recipientPepper: randomBytes(32),
    ...options,
  });
  return { platform, database, close: () => database.close() };
}

/** An issuer with one published achievement, ready to issue. */
export async function seedIssuer(platform: Platform, slug = `issuer-${randomBytes(3).toString('hex')}`) {
  const issuer = await platform.issuers.create(ADMIN, {
    slug,
    name: `Issuer ${slug}`,
    url: 'https://example.edu',
  });
  const achievement = await platform.achievements.create(ADMIN, {
    issuerId: issuer.id,
    name: 'Data Cleaning',
    description: 'Cleans messy tabular data and documents every step.',
    criteria: { narrative: 'Pass the **data cleaning** assessment.' },
    skills: [
      {
        name: 'Data cleaning',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/b5ca9e2a-d30c-4d18-8b3c-2d4c4e1a2b3c',
      },
    ],
    tags: ['data'],
    credits: 2,
    validityMonths: 36,
  });
  return { issuer, achievement };
}
