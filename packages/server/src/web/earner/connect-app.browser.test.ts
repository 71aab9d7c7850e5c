// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import { createHash, randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test/support/browser.js';
import { startTestWebServer, type TestWebServer } from '../../../test/support/web-server.js';
import { OB_SCOPES } from '../../domain/ob-api/ob-api-scopes.js';

const CALLBACK = 'https://wallet.example.net/callback';

describe('connecting an app to the backpack (Chromium)', () => {
  let server: TestWebServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestWebServer('pglite');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs a visitor in, brings them back to the consent page, and "Allow" lands on the app with a code', async () => {
    const { client } = await server.platform.obApi.registerClient({
      client_name: 'Example Wallet',
      client_uri: 'https://wallet.example.net/',
      logo_uri: 'https://wallet.example.net/logo.png',
      tos_uri: 'https://wallet.example.net/terms',
      policy_uri: 'https://wallet.example.net/privacy',
      software_id: 'example-wallet',
      software_version: '1.0',
      redirect_uris: [CALLBACK],
      scope: OB_SCOPES.credentialReadonly,
    });
    const verifier = randomBytes(48).toString('base64url');
    const authorize = `${server.url}/account/apps/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      scope: OB_SCOPES.credentialReadonly,
      state: 'browser-state',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    })}`;
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const reached: string[] = [];
    // The app's site is offline: whatever reaches it is recorded and answered with a blank page.
    await context.route('https://wallet.example.net/**', (route) => {
      reached.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Wallet</title>' });
    });
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      await page.goto(authorize);
      expect(new URL(page.url()).pathname).toBe('/signin');
      await page.getByLabel('Email address').fill('browser.earner@example.org');
      await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
      const mail = (await server.platform.mail.list(20)).find(
        (item) => item.toAddress === 'browser.earner@example.org',
      );
      const link = mail?.textBody.match(/https?:\/\/\S+\/signin\/[A-Za-z0-9_-]{43}/)?.[0];
      if (link === undefined) throw new Error('no sign-in mail');
      await page.goto(link);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/account/apps/authorize');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Connect Example Wallet to your backpack?',
      );
      await page.getByRole('button', { name: 'Allow' }).click();
      await page.waitForURL((url) => url.origin === 'https://wallet.example.net');
      const landed = new URL(reached.at(-1) ?? '');
      expect(`${landed.origin}${landed.pathname}`).toBe(CALLBACK);
      expect(landed.searchParams.get('state')).toBe('browser-state');
      expect(landed.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
