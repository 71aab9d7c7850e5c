import { randomBytes } from 'node:crypto';
import { AesGcmKeyStore, createPgStorage, type DatabaseHandle } from '../../src/db/index.js';
import { openTestDatabase, type TestDriver } from '../../src/db/open-test-database.js';
import type { Actor } from '../../src/domain/auth/actor.js';
import { createPlatformWithContext, type Platform, type PlatformOptions } from '../../src/domain/platform.js';
import type { PlatformContext } from '../../src/domain/platform-context.js';
import type { Storage } from '../../src/domain/ports/index.js';

export const ADMIN: Actor = { kind: 'admin' };
export const PUBLIC_URL = 'https://badges.example.edu';

export interface TestPlatform {
  /**
   * The use cases, and the context under them for domain tests that check what a use case stored. Edges
   * never see the context (the import check refuses `.context.` on a platform outside `domain/`).
   */
  readonly platform: Platform & { readonly context: PlatformContext };
  /** The storage the platform runs on, for tests that set up rows past the use cases. */
  readonly storage: Storage;
  readonly database: DatabaseHandle;
  close(): Promise<void>;
}

/** A platform on a fresh, migrated test database of the given driver, with a random master key. */
export async function openTestPlatform(
  driver: TestDriver,
  options: Partial<Omit<PlatformOptions, 'storage' | 'keyStore'>> = {},
): Promise<TestPlatform> {
  const database = await openTestDatabase({ driver });
  const storage = createPgStorage({ db: database.db });
  const { platform, context } = createPlatformWithContext({
    storage,
    keyStore: new AesGcmKeyStore({ masterKey: randomBytes(32) }),
    publicUrl: PUBLIC_URL,
    recipientPepper: randomBytes(32),
    ...options,
  });
  return {
    platform: { ...platform, context },
    storage,
    database,
    close: async () => {
      await platform.events.flush();
      await database.close();
    },
  };
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
        name: 'perform data cleansing',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/50b100ea-74fd-4706-99db-3e4ca55e51b8',
      },
    ],
    tags: ['data'],
    credits: 2,
    validityMonths: 36,
  });
  return { issuer, achievement };
}
