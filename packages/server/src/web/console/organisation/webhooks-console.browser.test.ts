// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../../../../test/support/browser.js';
import { ADMIN, seedIssuer } from '../../../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../../../test/support/web-server.js';
import { createGuardedFetcher } from '../../../edge/outbound/create-guarded-fetcher.js';
import { guardedWebhookSender } from '../../../edge/outbound/guarded-webhook-sender.js';

const OWNER = 'hooks-owner@example.org';
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, isMobile: false },
  { name: 'phone', width: 390, height: 844, isMobile: true },
] as const;

describe('the webhooks console page in a real browser (Chromium, desktop and phone width)', () => {
  let server: TestWebServer;
  let browser: Browser;
  let receiver: Server;
  let receiverUrl = '';
  // Deliveries per receiver path: each viewport registers its own endpoint.
  const received = new Map<string, number>();
  let slug = '';
  let achievementId = '';

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const path = request.url ?? '';
        received.set(path, (received.get(path) ?? 0) + 1);
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    server = await startTestWebServer('pglite', {
      webhookSender: guardedWebhookSender(createGuardedFetcher({ allowPrivateAddresses: true })),
    });
    const seeded = await seedIssuer(server.platform);
    slug = seeded.issuer.slug;
    achievementId = seeded.achievement.id;
    await server.platform.members.add(ADMIN, seeded.issuer.id, { email: OWNER, role: 'owner' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  async function expectAccessible(page: Page, label: string): Promise<void> {
    expect(await seriousAxeViolations(page), `axe-core on ${label}`).toEqual([]);
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email address').fill(OWNER);
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.goto(`${server.url}/dev/mailbox`);
    await page.locator(`tr[data-mail-to="${OWNER}"] a`, { hasText: 'sign-in link' }).first().click();
    const link = await page.locator('.mail-body a').first().getAttribute('href');
    await page.goto(link ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/console$/);
  }

  it.each(VIEWPORTS)(
    'adds an endpoint, shows its secret once, then the signed deliveries it got ($name)',
    async (viewport) => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        isMobile: viewport.isMobile,
      });
      context.setDefaultTimeout(10_000);
      const hookPath = `/hooks/${viewport.name}`;
      try {
        const page = await context.newPage();
        await signIn(page);
        const path = `/console/${slug}/organisation/webhooks`;
        expect((await page.goto(`${server.url}${path}`))?.status()).toBe(200);
        await expectAccessible(page, `the webhooks page before the ${viewport.name} endpoint`);
        await page.getByLabel('Endpoint URL').fill(`${receiverUrl}${hookPath}`);
        await page.getByLabel('credential.issued').check();
        await page.getByRole('button', { name: 'Add endpoint' }).click();
        const secret = await page.locator('[data-webhook-secret]').textContent();
        expect(secret?.trim()).toMatch(/^whsec_/);
        await expectAccessible(page, 'the new endpoint’s secret');

        await server.platform.credentials.issue(ADMIN, {
          achievementId,
          recipient: { did: 'did:example:browser' },
        });
        await server.platform.webhooks.process();
        expect(received.get(hookPath)).toBe(1);

        await page.goto(`${server.url}${path}`);
        const endpoint = page.locator('[data-webhook]', { hasText: `${receiverUrl}${hookPath}` });
        await expect(endpoint.locator('[data-delivery]').first().textContent()).resolves.toContain(
          'Delivered',
        );
        expect(await page.content()).not.toContain(secret?.trim() ?? 'whsec_');
        await expectAccessible(page, 'the webhooks page with a delivery');
        await expect(
          page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
          'no sideways scrolling',
        ).resolves.toBe(true);
        await saveScreenshot(page, `console-webhooks-${viewport.name}`);

        await endpoint.getByRole('button', { name: 'Replay' }).first().click();
        await page.waitForURL(new RegExp(`${path}$`));
        await server.platform.webhooks.process();
        expect(received.get(hookPath)).toBe(2);
      } finally {
        await context.close();
      }
    },
  );
});
