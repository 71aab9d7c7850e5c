import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDrivers } from '../../db/open-test-database.js';

describe.each(testDrivers())('bulk jobs over HTTP on %s', (driver) => {
  let test: TestApp;
  let achievementId: string;
  beforeAll(async () => {
    test = await openTestApp(driver, { bodyLimitBytes: 2048 });
    const issuer = (
      await test.call('/api/v1/issuers', { token: ADMIN_TOKEN, json: { slug: 'bulk-http', name: 'Bulk' } })
    ).body;
    achievementId = (
      await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: { issuerId: issuer.id, name: 'Bulk', description: 'Bulk', criteria: { narrative: 'Bulk' } },
      })
    ).body.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  const upload = (body: string, type = 'text/csv', query = `achievementId=${achievementId}`) =>
    test.call(`/api/v1/bulk-jobs?${query}`, { token: ADMIN_TOKEN, body, headers: { 'Content-Type': type } });

  it('accepts a CSV larger than the JSON body limit, issues it in the background and reports bad rows', async () => {
    const rows = Array.from({ length: 60 }, (_, index) =>
      index === 6 ? 'not-an-email,Bad' : `person-number-${index}@example.org,Person Number ${index}`,
    );
    const csv = `email,name\n${rows.join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(2048);
    const created = await upload(csv);
    expect(created.status).toBe(202);
    expect(created.headers.get('Location')).toBe(`/api/v1/bulk-jobs/${created.body.id}`);
    expect(created.body).toMatchObject({ total: 60, failed: 1, state: 'queued' });
    while ((await test.platform.bulk.processRows({ workerId: 'http-test', jobId: created.body.id })) > 0) {
      // a worker drains the job, as the server's background worker would
    }
    const progress = await test.call(`/api/v1/bulk-jobs/${created.body.id}`, { token: ADMIN_TOKEN });
    expect(progress.body).toMatchObject({ state: 'completed', done: 59, failed: 1, duplicates: 0 });
    const errors = await test.call(`/api/v1/bulk-jobs/${created.body.id}/errors`, { token: ADMIN_TOKEN });
    expect(errors.body).toEqual([{ row: 7, reason: 'failed', error: expect.stringContaining('email') }]);
  });

  it('leaves each recipient one credential when the same CSV is uploaded twice, the second job reporting duplicates', async () => {
    const csv = 'email,name\ntwice-1@example.org,One\ntwice-2@example.org,Two\ntwice-3@example.org,Three\n';
    const drain = async (jobId: string) => {
      while ((await test.platform.bulk.processRows({ workerId: 'http-test', jobId })) > 0) {
        // as the server's background worker would
      }
      return (await test.call(`/api/v1/bulk-jobs/${jobId}`, { token: ADMIN_TOKEN })).body;
    };
    const first = await upload(csv);
    expect(await drain(first.body.id)).toMatchObject({
      state: 'completed',
      done: 3,
      failed: 0,
      duplicates: 0,
    });
    const second = await upload(csv);
    expect(second.status).toBe(202);
    expect(await drain(second.body.id)).toMatchObject({
      state: 'completed',
      done: 0,
      failed: 0,
      duplicates: 3,
    });
    const errors = await test.call(`/api/v1/bulk-jobs/${second.body.id}/errors`, { token: ADMIN_TOKEN });
    expect(errors.body).toEqual(
      [1, 2, 3].map((row) => ({
        row,
        reason: 'duplicate',
        error: expect.stringContaining('already holds'),
        credentialId: expect.any(String),
      })),
    );
    for (const row of [1, 2, 3]) {
      const held = await test.call(
        `/api/v1/credentials?recipient=twice-${row}@example.org&achievementId=${achievementId}`,
        { token: ADMIN_TOKEN },
      );
      expect(held.body).toHaveLength(1);
    }

    const again = await upload(csv, 'text/csv', `achievementId=${achievementId}&allowDuplicates=true`);
    expect(await drain(again.body.id)).toMatchObject({ state: 'completed', done: 3, duplicates: 0 });
    expect(
      (await upload(csv, 'text/csv', `achievementId=${achievementId}&allowDuplicates=maybe`)).status,
    ).toBe(400);
  });

  it('takes JSON lines too', async () => {
    const created = await upload(
      '{"email":"j1@example.org"}\n{"did":"did:example:j2","name":"J2"}\n',
      'application/x-ndjson',
    );
    expect(created.status).toBe(202);
    expect(created.body.total).toBe(2);
  });

  it('answers problems for a broken quote, a wrong media type, a missing achievement and an unknown job', async () => {
    const broken = await upload('email,name\na@example.org,"Ada\n');
    expect(broken.status).toBe(400);
    expect(broken.headers.get('Content-Type')).toBe('application/problem+json');
    expect(broken.body.code).toBe('VALIDATION_ERROR');
    expect((await upload('email\na@example.org\n', 'application/pdf')).status).toBe(415);
    expect((await upload('email\na@example.org\n', 'text/csv', 'achievementId=not-a-uuid')).status).toBe(400);
    expect(
      (
        await upload(
          'email\na@example.org\n',
          'text/csv',
          'achievementId=00000000-0000-4000-8000-000000000000',
        )
      ).status,
    ).toBe(404);
    expect(
      (await test.call('/api/v1/bulk-jobs/00000000-0000-4000-8000-000000000000', { token: ADMIN_TOKEN }))
        .status,
    ).toBe(404);
  });
});
