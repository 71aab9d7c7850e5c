import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

/**
 * The server of `METRICS_PORT`: `GET /metrics` and nothing else, without a token, because only the
 * network decides who reaches this port (the operator keeps it private: a firewall, a pod port that no
 * Service or Ingress exposes). Apart from the public app, a scrape never waits behind its requests or
 * its rate limits, and no token for it has to be handed to Prometheus.
 */
export function createMetricsServer(options: { readonly registry: Registry }): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://metrics').pathname;
    if (path !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('only /metrics here\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end();
      return;
    }
    options.registry.metrics().then(
      (body) => {
        response.writeHead(200, {
          'Content-Type': options.registry.contentType,
          'Cache-Control': 'no-store',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      () => {
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('metrics unavailable\n');
      },
    );
  });
}
