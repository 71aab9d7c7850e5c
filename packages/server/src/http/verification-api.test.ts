import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../test/support/test-platform.js';
import { handBakedPng } from '../../test/support/two-faced-credentials.js';
import { DEFAULT_RATE_LIMITS } from '../domain/rate-limit/rate-limit-rules.js';
import { startVerificationWorker } from '../jobs/verification-worker.js';

const RECIPIENT = 'batch@example.org';

interface Result {
  verified: boolean;
  checks: { id: string; ok: boolean; warning?: boolean; message: string }[];
}

describe('batch verification over the API', () => {
  let test: TestApp;
  let document: Record<string, unknown>;
  let jwt: string;
  let employerToken: string;
  let issuerToken: string;

  beforeAll(async () => {
    test = await openTestApp('pglite', { bodyLimitBytes: 64 * 1024 });
    const { issuer, achievement } = await seedIssuer(test.platform);
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: RECIPIENT },
    });
    document = issued.record.document;
    jwt = await test.platform.credentials.asJwt(issued.record);
    const employer = await test.platform.employers.create(ADMIN, { slug: 'acme-hr', name: 'Acme HR' });
    employerToken = (await test.platform.employers.createApiKey(ADMIN, employer.id, { name: 'ATS' })).token;
    issuerToken = (await test.platform.apiKeys.create(ADMIN, issuer.id, { name: 'LMS', role: 'viewer' }))
      .token;
  });

  afterAll(async () => {
    await test?.close();
  });

  it('answers one result per item in the order sent, bad items failing alone', async () => {
    const tampered = { ...document, name: 'Something else entirely' };
    const png = Buffer.from(handBakedPng(JSON.stringify(document))).toString('base64');
    const items = [
      document,
      'not a credential at all',
      tampered,
      jwt,
      42,
      { image: png },
      { credential: jwt, recipient: { email: RECIPIENT } },
      { image: '%%% not base64 %%%' },
      null,
      { credential: document, recipient: { email: 'someone.else@example.org' } },
    ];
    const response = await test.call('/api/v1/verifications', {
      token: employerToken,
      json: { credentials: items },
    });
    expect(response.status).toBe(200);
    const results = response.body.results as Result[];
    expect(results.map((result) => result.verified)).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(results[1]?.checks[0]).toMatchObject({ id: 'parse', ok: false });
    expect(results[4]?.checks[0]?.message).toMatch(/must be a credential/);
    expect(results[7]?.checks[0]?.message).toMatch(/not base64/);
    expect(results[2]?.checks.find((check) => !check.ok)?.id).toBe('proof');
    // Each item is reported exactly as the single verification route reports it.
    for (const [index, input] of [
      [0, document],
      [2, tampered],
      [3, jwt],
    ] as const) {
      const single = await test.call('/credentials/verify', { json: { verifiableCredential: input } });
      expect(results[index], `item ${index}`).toEqual(single.body);
    }
    expect(results[5]).toMatchObject({ verified: true, format: 'png' });
    expect(results[6]?.checks.at(-1)).toEqual({
      id: 'recipient',
      ok: true,
      message: 'issued to that address',
    });
    expect(results[9]?.checks.at(-1)).toEqual({
      id: 'recipient',
      ok: false,
      message: 'not issued to that address',
    });
    expect(results[9]?.checks.filter((check) => !check.ok).map((check) => check.id)).toEqual(['recipient']);
  });

  it('matches every item against the batch recipient unless an item names its own', async () => {
    const response = await test.call('/api/v1/verifications', {
      token: ADMIN_TOKEN,
      json: {
        recipient: { email: `  ${RECIPIENT.toUpperCase()} ` },
        credentials: [document, { credential: document, recipient: { email: 'other@example.org' } }],
      },
    });
    expect(response.status).toBe(200);
    const [mine, theirs] = response.body.results as Result[];
    expect(mine?.verified).toBe(true);
    expect(mine?.checks.at(-1)).toMatchObject({ id: 'recipient', ok: true });
    expect(theirs?.verified).toBe(false);
    expect(theirs?.checks.at(-1)).toMatchObject({ id: 'recipient', ok: false });
  });

  it('refuses 1,001 items with a problem that says to use a job', async () => {
    const response = await test.call('/api/v1/verifications', {
      token: employerToken,
      json: { credentials: Array.from({ length: 1_001 }, (_, index) => `item-${index}`) },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.detail).toMatch(/at most 1000 credentials.*verification job/);
  });

  it('takes employer, issuer and administrator keys, and no anonymous caller', async () => {
    const body = { credentials: [document] };
    for (const token of [employerToken, issuerToken, ADMIN_TOKEN]) {
      const response = await test.call('/api/v1/verifications', { token, json: body });
      expect(response.status).toBe(200);
      expect(response.body.results[0].verified).toBe(true);
    }
    const anonymous = await test.call('/api/v1/verifications', { json: body });
    expect(anonymous.status).toBe(401);
    expect((await test.call('/api/v1/verification-jobs', { json: body })).status).toBe(401);
  });

  it('runs a job of a few thousand items through the worker and gives its results in order', async () => {
    const kinds = (index: number) => index % 4;
    const lines = Array.from(
      { length: 2_000 },
      (_, index) => [JSON.stringify(document), `garbage-${index}`, jwt, '42'][kinds(index)],
    );
    const created = await test.call('/api/v1/verification-jobs', {
      token: employerToken,
      body: `${lines.join('\n')}\n`,
      headers: { 'Content-Type': 'application/x-ndjson' },
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ state: 'queued', total: 2_000, done: 0 });
    const id = created.body.id as string;
    expect(created.headers.get('location')).toBe(`/api/v1/verification-jobs/${id}`);
    const early = await test.call(`/api/v1/verification-jobs/${id}/results`, { token: employerToken });
    expect(early.status).toBe(409);

    const worker = startVerificationWorker({ platform: test.platform, pollMs: 10, batchSize: 100 });
    let job = created.body;
    try {
      const deadline = Date.now() + 120_000;
      while (job.state !== 'completed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        job = (await test.call(`/api/v1/verification-jobs/${id}`, { token: employerToken })).body;
        expect(job.done).toBeLessThanOrEqual(2_000);
      }
    } finally {
      await worker.stop();
    }
    expect(job).toMatchObject({ state: 'completed', total: 2_000, done: 2_000, unverified: 1_000 });

    const download = await test.call(`/api/v1/verification-jobs/${id}/results`, { token: employerToken });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('application/x-ndjson');
    const results = download.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Result & { index: number });
    expect(results.map((result) => result.index)).toEqual(lines.map((_, index) => index));
    expect(results.map((result) => result.verified)).toEqual(lines.map((_, index) => kinds(index) % 2 === 0));
    expect(results[2]).toMatchObject({ verified: true, format: 'jwt' });

    // Only the key that created the job sees it; to anyone else it does not exist.
    for (const token of [issuerToken, ADMIN_TOKEN]) {
      expect((await test.call(`/api/v1/verification-jobs/${id}`, { token })).status).toBe(404);
      expect((await test.call(`/api/v1/verification-jobs/${id}/results`, { token })).status).toBe(404);
    }
  }, 180_000);

  it('takes a job as the JSON of a batch, checking its recipient', async () => {
    const created = await test.call('/api/v1/verification-jobs', {
      token: ADMIN_TOKEN,
      json: { credentials: [document, 'nope'], recipient: { email: 'stranger@example.org' } },
    });
    expect(created.status).toBe(202);
    const worker = startVerificationWorker({ platform: test.platform, pollMs: 10 });
    try {
      const deadline = Date.now() + 30_000;
      let state = created.body.state as string;
      while (state !== 'completed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = (await test.call(`/api/v1/verification-jobs/${created.body.id}`, { token: ADMIN_TOKEN })).body
          .state;
      }
    } finally {
      await worker.stop();
    }
    const download = await test.call(`/api/v1/verification-jobs/${created.body.id}/results`, {
      token: ADMIN_TOKEN,
    });
    const [first, second] = download.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Result);
    expect(first?.checks.at(-1)).toMatchObject({ id: 'recipient', ok: false });
    expect(first?.verified).toBe(false);
    expect(second?.checks[0]).toMatchObject({ id: 'parse', ok: false });
  });
});

describe('batch verification rate limits', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await openTestApp('pglite', {
      rateLimits: {
        rules: {
          ...DEFAULT_RATE_LIMITS,
          'verify-items-key': { limit: 10, windowMs: 60_000 },
          'verify-job-items-key': { limit: 600, windowMs: 60 * 60_000 },
        },
      },
    });
  });

  afterAll(async () => {
    await test?.close();
  });

  it('counts a batch by its items, answering 429 with Retry-After once they are spent', async () => {
    const batch = (count: number) => ({
      credentials: Array.from({ length: count }, (_, index) => `x-${index}`),
    });
    const first = await test.call('/api/v1/verifications', { token: ADMIN_TOKEN, json: batch(6) });
    expect(first.status).toBe(200);
    // Two requests, but 6 + 6 items: over the 10 allowed.
    const second = await test.call('/api/v1/verifications', { token: ADMIN_TOKEN, json: batch(6) });
    expect(second.status).toBe(429);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(second.body).toMatchObject({
      code: 'RATE_LIMITED',
      details: { limit: 'verify-items-key', items: 6 },
    });
  });

  it('counts the items of a job as they are stored', async () => {
    const upload = (count: number) =>
      test.call('/api/v1/verification-jobs', {
        token: ADMIN_TOKEN,
        body: Array.from({ length: count }, (_, index) => `x-${index}`).join('\n'),
        headers: { 'Content-Type': 'application/x-ndjson' },
      });
    expect((await upload(500)).status).toBe(202);
    const refused = await upload(500);
    expect(refused.status).toBe(429);
    expect(refused.body.details.limit).toBe('verify-job-items-key');
  });
});
