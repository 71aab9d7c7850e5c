import { type Context, Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { listenDuringTests, rawExchange } from '../../../test/support/raw-http.js';
import { renderProblem } from '../../edge/problem/render-problem.js';
import type { PublicEnv } from '../../edge/public-env.js';
import { createHttpServer } from '../create-http-server.js';
import { limitBody } from './limit-body.js';
import { strictJsonBody } from './strict-json-body.js';

const LIMIT = 100;

function statusCodes(raw: string): number[] {
  return [...raw.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)].map((match) => Number(match[1]));
}

/**
 * Requests from Node's parser take the limit's fast path (the declared length is trusted, the body never
 * wrapped): these cases show that nothing over the limit gets through that way.
 */
describe('the body limit on requests that come through a real socket', () => {
  const app = new Hono();
  app.use(limitBody({ maxBytes: () => LIMIT }));
  app.use(strictJsonBody({ maxDepth: 8 }));
  app.post('/echo', async (c) => c.json({ received: (await c.req.text()).length }));
  app.onError((error, c) => renderProblem(c as unknown as Context<PublicEnv>, error));
  const server = createHttpServer({ fetch: (request, bindings) => app.fetch(request, bindings) });
  const port = listenDuringTests(server);

  const post = (headers: string, body: string) =>
    rawExchange(
      port(),
      `POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n${body}`,
    );

  it('takes a body within the limit and hands the route all of it', async () => {
    const body = JSON.stringify({ note: 'a'.repeat(60) });
    const raw = await post(`Content-Type: application/json\r\nContent-Length: ${body.length}\r\n`, body);
    expect(statusCodes(raw)).toEqual([200]);
    expect(raw).toContain(`{"received":${body.length}}`);
  });

  it('refuses a declared length over the limit with 413 before reading it', async () => {
    const body = JSON.stringify({ note: 'a'.repeat(200) });
    const raw = await post(`Content-Type: application/json\r\nContent-Length: ${body.length}\r\n`, body);
    expect(statusCodes(raw)[0]).toBe(413);
    expect(raw).toContain('PAYLOAD_TOO_LARGE');
  });

  it('refuses a chunked body that crosses the limit with 413', async () => {
    const chunk = 'a'.repeat(60);
    const chunks = `3c\r\n${chunk}\r\n3c\r\n${chunk}\r\n0\r\n\r\n`;
    const raw = await post('Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n', chunks);
    expect(statusCodes(raw)[0]).toBe(413);
  });

  it('never hands the route more than the declared length: what follows is not this body', async () => {
    const raw = await post('Content-Type: text/plain\r\nContent-Length: 10\r\n', 'b'.repeat(500));
    // Node's parser reads the rest as a next request and refuses it (400, maybe before the route answers).
    expect(statusCodes(raw)).toContain(400);
    expect(raw).not.toMatch(/"received":(?!10\b)\d+/);
  });
});
