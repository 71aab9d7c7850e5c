import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import pino from 'pino';
import { createServerApp } from '../../src/create-server-app.js';
import type { TestDriver } from '../../src/db/open-test-database.js';
import type { Platform } from '../../src/domain/platform.js';
import type { PublicEnv } from '../../src/edge/public-env.js';
import { openTestPlatform } from './test-platform.js';

export interface TestWebServer {
  readonly platform: Platform;
  /** The app it serves, for requests made in process (a `WebSession` on this server's pages). */
  readonly app: OpenAPIHono<PublicEnv>;
  /** http://localhost:{port} (did:web refuses IP literals), also the platform's public URL (credential ids point here). */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The whole app with its pages, listening on a free port: the server binds first, so the platform can be
 * built with the URL browsers will use.
 */
export async function startTestWebServer(
  driver: TestDriver,
  /** Platform parts to swap in (e.g. a webhook sender that may reach 127.0.0.1). */
  platformOptions: Parameters<typeof openTestPlatform>[1] = {},
): Promise<TestWebServer> {
  let handle: ((request: Request, env: unknown) => Response | Promise<Response>) | undefined;
  const server = serve({
    // The node server's bindings (the socket) are passed on: rate limits key clients by their address.
    fetch: (request, env) => (handle ?? (() => new Response('starting', { status: 503 })))(request, env),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  const test = await openTestPlatform(driver, { ...platformOptions, publicUrl: url });
  const app = createServerApp({
    platform: test.platform,
    logger: pino({ level: 'silent' }),
    bodyLimitBytes: 1024 * 1024,
    web: { secureCookies: false, devMailbox: true },
  });
  handle = (request, env) => app.fetch(request, env);
  return {
    platform: test.platform,
    app,
    url,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await test.close();
    },
  };
}
