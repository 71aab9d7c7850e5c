import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPendingMigrations } from './migration-status.js';
import { migrationsUpTo } from './migrations-up-to.test-support.js';
import { openTestDatabase, testDrivers } from './open-test-database.js';
import { runMigrations } from './run-migrations.js';

describe.each(testDrivers())('pending migrations on %s', (driver) => {
  let older: string;
  beforeAll(async () => {
    older = await migrationsUpTo('0021_mail_announces_events_key');
  });
  afterAll(async () => {
    if (older !== undefined) await rm(older, { recursive: true, force: true });
  });

  it('counts every migration on an empty database, the missing ones on an older one, none when current', async () => {
    const database = await openTestDatabase({ driver, migrate: false });
    try {
      const all = await countPendingMigrations(database.db);
      expect(all).toBeGreaterThan(20);
      await runMigrations(database, { migrationsFolder: older });
      expect(await countPendingMigrations(database.db)).toBe(all - 22);
      await runMigrations(database);
      expect(await countPendingMigrations(database.db)).toBe(0);
    } finally {
      await database.close();
    }
  });
});
