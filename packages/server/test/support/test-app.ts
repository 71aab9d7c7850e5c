import type { OpenAPIHono } from '@hono/zod-openapi';
import pino from 'pino';
import type { TestDriver } from '../../src/db/open-test-database.js';
import type { Platform } from '../../src/domain/platform.js';
import type { PublicEnv } from '../../src/http/app-env.js';
import { createApp } from '../../src/http/index.js';
import type { WebOptions } from '../../src/web/web-env.js';
import { openTestPlatform } from './test-platform.js';

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
  /** Every line the app logged (pino JSON), in order. */
  readonly logs: string[];
  call(path: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

/** The HTTP app on a fresh test database, logging at debug level into `logs`. */
export async function openTestApp(
  driver: TestDriver,
  options: { readonly bodyLimitBytes?: number; readonly web?: WebOptions } = {},
): Promise<TestApp> {
  const test = await openTestPlatform(driver, { adminToken: ADMIN_TOKEN });
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(line) });
  const app = createApp({
    platform: test.platform,
    logger,
    bodyLimitBytes: options.bodyLimitBytes ?? 64 * 1024,
    ...(options.web === undefined ? {} : { web: options.web }),
  });
  return {
    app,
    platform: test.platform,
    logs,
    async call(path, call = {}) {
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
    },
    close: () => test.close(),
  };
}
