import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperatorMetrics } from '../edge/metrics/operator-metrics.js';
import { createMetricsServer } from './create-metrics-server.js';

describe('the METRICS_PORT server', () => {
  const metrics = createOperatorMetrics();
  const server = createMetricsServer({ registry: metrics.registry });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves GET /metrics without a token, in the Prometheus text format', async () => {
    metrics.platform.credentialsIssued(3, 'api');
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(await response.text()).toMatch(/^microcred_credentials_issued_total\{via="api"\} 3$/m);
  });

  it('serves nothing else', async () => {
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});
