import type { OpenAPIHono } from '@hono/zod-openapi';
import pino from 'pino';
import { createServerApp, type ServerAppOptions } from '../../src/create-server-app.js';
import type { TestDriver } from '../../src/db/open-test-database.js';
import type { Platform } from '../../src/domain/platform.js';
import type { Storage } from '../../src/domain/ports/index.js';
import type { PublicEnv } from '../../src/edge/public-env.js';
import type { WebOptions } from '../../src/web/shared/web-env.js';
import { openTestPlatform, type TestPlatform } from './test-platform.js';

export const ADMIN_TOKEN = 'test-admin-token-7f3a9c2e5b1d4f6a8c0e2b4d6f8a0c2e';

export interface CallOptions {
  readonly method?: string;
  readonly token?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  readonly json?: unknown;
  /** Sent as is (with `headers` deciding its type). */
  readonly body?: string | Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON (undefined when it is not JSON). Loosely typed: tests read it field by field. */
  // biome-ignore lint/suspicious/noExplicitAny: assertions check the shape; a precise type would only be cast away
  readonly body: any;
}

export interface TestApp {
  readonly app: OpenAPIHono<PublicEnv>;
  readonly platform: Platform;
  /** The platform's storage, for tests that set up rows past the use cases (or make it fail). */
  readonly storage: Storage;
  /** The database under it, for tests that wait on it (see settled-events.ts). */
  readonly database: TestPlatform['database'];
  /** Every line the app logged (pino JSON), in order. */
  readonly logs: string[];
  call(path: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

/** One request to an app, in process, as `TestApp.call` makes it. */
export async function callApp(
  app: { request(path: string, init: RequestInit): Response | Promise<Response> },
  path: string,
  call: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token !== undefined) headers.Authorization = `Bearer ${call.token}`;
  let body: string | Uint8Array | undefined = call.body;
  if (call.json !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(call.json);
  }
  const response = await app.request(path, {
    method: call.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** The HTTP app on a fresh test database, logging at debug level into `logs`. */
export async function openTestApp(
  driver: TestDriver,
  options: {
    readonly bodyLimitBytes?: number;
    readonly bulkUploadLimitBytes?: number;
    readonly web?: WebOptions;
    readonly rateLimits?: ServerAppOptions['rateLimits'];
    /** Platform parts to swap in (e.g. a signer that fails on purpose). */
    readonly platform?: Parameters<typeof openTestPlatform>[1];
  } = {},
): Promise<TestApp> {
  const test = await openTestPlatform(driver, { ...options.platform, adminToken: ADMIN_TOKEN });
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(line) });
  const app = createServerApp({
    platform: test.platform,
    logger,
    bodyLimitBytes: options.bodyLimitBytes ?? 64 * 1024,
    ...(options.web === undefined ? {} : { web: options.web }),
    ...(options.bulkUploadLimitBytes === undefined
      ? {}
      : { bulkUploadLimitBytes: options.bulkUploadLimitBytes }),
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
  });
  return {
    app,
    platform: test.platform,
    storage: test.storage,
    database: test.database,
    logs,
    call: (path, call) => callApp(app, path, call),
    close: () => test.close(),
  };
}
