import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestPlatform, seedIssuer, type TestPlatform } from '../../test/support/test-platform.js';
import { createServerApp } from '../create-server-app.js';
import { createOperatorMetrics, type OperatorMetrics } from '../edge/metrics/operator-metrics.js';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';

/** The value of one sample of the exposition, or undefined when the series does not exist. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let test: TestPlatform;
  let metrics: OperatorMetrics;
  let app: ReturnType<typeof createServerApp>;
  beforeAll(async () => {
    metrics = createOperatorMetrics();
    test = await openTestPlatform('pglite', { metrics: metrics.platform });
    metrics.attach({ backlog: () => test.platform.health.backlog() });
    app = createServerApp({
      platform: test.platform,
      logger: pino({ level: 'silent' }),
      bodyLimitBytes: 64 * 1024,
      metrics,
      metricsToken: METRICS_TOKEN,
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  const scrape = async () => {
    const response = await app.request('/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    return response.text();
  };

  it('refuses a scrape without the metrics token or the admin token', async () => {
    const anonymous = await app.request('/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    const wrong = await app.request('/metrics', {
      headers: { Authorization: 'Bearer not-the-token-at-all!!' },
    });
    expect(wrong.status).toBe(401);
  });

  it('counts issuing by how, status changes, verifications by result, queues and requests by route', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const { record } = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'ada@example.org' },
    });
    const job = await test.platform.bulk.create(ADMIN, {
      achievementId: achievement.id,
      text: 'email\ngrace@example.org\nalan@example.org',
    });
    while ((await test.platform.bulk.processRows({ workerId: 'w', jobId: job.id })) > 0);
    await test.platform.credentials.suspend(ADMIN, record.id, { reason: 'audit' }).catch(() => undefined);
    await test.platform.credentials.revoke(ADMIN, record.id, { reason: 'issued in error' });
    const verified = await app.request('/credentials/verify', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        verifiableCredential: (await test.platform.credentials.get(ADMIN, record.id)).document,
      }),
    });
    expect(verified.status).toBe(200);
    expect((await app.request(`/credentials/${record.id}`)).status).toBe(200);
    expect((await app.request('/no/such/path/abc')).status).toBe(404);

    const text = await scrape();
    expect(sample(text, 'microcred_credentials_issued_total{via="api"}')).toBe(1);
    expect(sample(text, 'microcred_credentials_issued_total{via="bulk"}')).toBe(2);
    expect(sample(text, 'microcred_credential_status_changes_total{change="revoked"}')).toBe(1);
    // Revoked: not verified, and the check that says so is the status.
    expect(sample(text, 'microcred_verifications_total{result="not-verified",failed_check="status"}')).toBe(
      1,
    );
    // Three claim mails wait in the outbox: nobody delivered them.
    expect(sample(text, 'microcred_queue_depth{queue="mail"}')).toBe(3);
    expect(sample(text, 'microcred_queue_oldest_seconds{queue="mail"}')).toBeGreaterThanOrEqual(0);
    expect(
      sample(
        text,
        'http_request_duration_seconds_count{route="/credentials/verify",method="POST",status="200"}',
      ),
    ).toBe(1);
    expect(
      sample(
        text,
        'http_request_duration_seconds_count{route="/credentials/{id}",method="GET",status="200"}',
      ) ??
        sample(
          text,
          'http_request_duration_seconds_count{route="/credentials/:id",method="GET",status="200"}',
        ),
    ).toBe(1);
    expect(
      sample(text, 'http_request_duration_seconds_count{route="unmatched",method="GET",status="404"}'),
    ).toBe(1);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('is not served here when METRICS_PORT serves it, even for the metrics token', async () => {
    const withoutMetrics = createServerApp({
      platform: test.platform,
      logger: pino({ level: 'silent' }),
      bodyLimitBytes: 64 * 1024,
      metrics,
      metricsToken: METRICS_TOKEN,
      metricsOnOwnPort: true,
    });
    const response = await withoutMetrics.request('/metrics', {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(404);
  });

  it('lets the administrator scrape with the admin token', async () => {
    const token = await test.platform.apiKeys.ensureAdminToken('metrics test');
    expect(token).not.toBeNull();
    const response = await app.request('/metrics', { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
  });
});
