import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../test/support/test-platform.js';
import { createServerApp } from '../create-server-app.js';
import type { ProcessReadiness } from './routes/readiness-routes.js';

describe('GET /readyz', () => {
  let test: TestPlatform;
  let state: ProcessReadiness = { workersRunning: true, stopping: false };
  let app: ReturnType<typeof createServerApp>;
  beforeAll(async () => {
    test = await openTestPlatform('pglite');
    app = createServerApp({
      platform: test.platform,
      logger: pino({ level: 'silent' }),
      bodyLimitBytes: 64 * 1024,
      readiness: () => state,
    });
  });
  let databaseClosed = false;
  afterAll(async () => {
    if (!databaseClosed) await test?.close();
  });

  async function readiness() {
    const response = await app.request('/readyz');
    expect(response.headers.get('cache-control')).toBe('no-store');
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('answers 200 while the database answers, its schema is current, the workers run and no shutdown began', async () => {
    expect(await readiness()).toEqual({
      status: 200,
      body: {
        status: 'ready',
        checks: { database: 'ok', migrations: 'ok', workers: 'ok', shutdown: 'no' },
      },
    });
  });

  it('answers 503 once shutdown began, and while the workers do not run', async () => {
    state = { workersRunning: true, stopping: true };
    expect(await readiness()).toMatchObject({
      status: 503,
      body: { status: 'not-ready', checks: { shutdown: 'in-progress' } },
    });
    state = { workersRunning: false, stopping: false };
    expect(await readiness()).toMatchObject({ status: 503, body: { checks: { workers: 'stopped' } } });
    state = { workersRunning: true, stopping: false };
  });

  it('answers 503 when the database lacks a migration of this build, or does not answer', async () => {
    await test.database.db.execute(
      'delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)',
    );
    expect(await readiness()).toMatchObject({ status: 503, body: { checks: { migrations: 'pending' } } });
    await test.database.close();
    databaseClosed = true;
    expect(await readiness()).toMatchObject({ status: 503, body: { checks: { database: 'unavailable' } } });
  });
});
