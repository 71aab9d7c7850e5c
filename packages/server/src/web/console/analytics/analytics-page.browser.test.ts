// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../../../../test/support/browser.js';
import { ADMIN, seedIssuer } from '../../../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../../../test/support/web-server.js';

const OWNER = 'analytics-owner@example.org';
// A person's browser: headless Chromium's own user agent is, rightly, not counted as a visitor.
const DESKTOP_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, isMobile: false },
  { name: 'phone', width: 390, height: 844, isMobile: true },
] as const;

describe('the console analytics page in a real browser (Chromium)', () => {
  let server: TestWebServer;
  let browser: Browser;
  let slug = '';
  let achievementId = '';

  beforeAll(async () => {
    server = await startTestWebServer('pglite');
    const seeded = await seedIssuer(server.platform);
    slug = seeded.issuer.slug;
    achievementId = seeded.achievement.id;
    await server.platform.members.add(ADMIN, seeded.issuer.id, { email: OWNER, role: 'owner' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(VIEWPORTS)('at $name width', (viewport) => {
    let context: BrowserContext;
    let page: Page;
    const recipient = `earner.${viewport.name}@example.org`;

    beforeAll(async () => {
      context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        isMobile: viewport.isMobile,
        userAgent: DESKTOP_UA,
      });
      context.setDefaultTimeout(10_000);
      page = await context.newPage();
      await page.goto(`${server.url}/signin`);
      await page.getByLabel('Email address').fill(OWNER);
      await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
      await page.goto(`${server.url}/dev/mailbox`);
      await page.locator(`tr[data-mail-to="${OWNER}"] a`, { hasText: 'sign-in link' }).first().click();
      const link = await page.locator('.mail-body a').first().getAttribute('href');
      await page.goto(link ?? '');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/console$/);
    });

    afterAll(async () => {
      await context?.close();
    });

    async function openAnalytics(): Promise<Record<string, string>> {
      const response = await page.goto(`${server.url}/console/${slug}/analytics`);
      expect(response?.status()).toBe(200);
      expect(await seriousAxeViolations(page), `axe-core (${viewport.name})`).toEqual([]);
      const figures: Record<string, string> = {};
      for (const key of ['issued', 'claimed', 'views', 'verifications']) {
        figures[key] = (await page.locator(`dd[data-stat="${key}"]`).textContent()) ?? '';
      }
      return figures;
    }

    async function claimSecret(credentialId: string): Promise<string> {
      for (const mail of await server.platform.mail.list(500)) {
        if (mail.toAddress !== recipient) continue;
        const secret = /\/claim\/([A-Za-z0-9_-]{43})/.exec(mail.textBody)?.[1];
        if (secret === undefined) continue;
        const claim = await server.platform.earners.viewClaim(secret).catch(() => null);
        if (claim?.credential.id === credentialId) return secret;
      }
      throw new Error(`no claim mail for ${credentialId}`);
    }

    it('moves the figures and the charts as a credential is issued, claimed, viewed and verified', async () => {
      const before = await openAnalytics();
      const count = (key: string) => Number(before[key]);

      // The menu leads here.
      await page.goto(`${server.url}/console/${slug}`);
      await page.locator('nav.console-nav').getByRole('link', { name: 'Analytics' }).click();
      await page.waitForURL(new RegExp(`/console/${slug}/analytics$`));

      const { record } = await server.platform.credentials.issue(ADMIN, {
        achievementId,
        recipient: { email: recipient },
      });
      expect((await openAnalytics()).issued).toBe(String(count('issued') + 1));
      // The chart and the table below it say the same.
      await expect(
        page.locator('svg[data-chart="funnel-chart"][role="img"] title').textContent(),
      ).resolves.toBe('Funnel');
      await expect(page.locator('td[data-funnel="issued"]').textContent()).resolves.toBe(
        String(count('issued') + 1),
      );
      await expect(page.locator('svg[data-chart="series-chart"][role="img"]').count()).resolves.toBe(1);

      await server.platform.earners.acceptClaim({
        secret: await claimSecret(record.id),
        signedIn: null,
        locale: 'en',
      });
      expect((await openAnalytics()).claimed).toBe(String(count('claimed') + 1));

      // A visit of the public page, from this (non-bot) browser.
      expect((await page.goto(`${server.url}/credentials/${record.id}`))?.status()).toBe(200);
      expect((await openAnalytics()).views).toBe(String(count('views') + 1));

      const report = await server.platform.verify(record.document);
      await server.platform.events.recordVerification(report, 'page');
      const after = await openAnalytics();
      expect(after.verifications).toBe(String(count('verifications') + 1));
      const today = new Date().toISOString().slice(0, 10);
      await expect(
        page
          .locator(`table[data-table="series"] tr[data-bucket="${today}"] td[data-series="verifications"]`)
          .textContent(),
      ).resolves.toBe(String(count('verifications') + 1));
      await saveScreenshot(page, `console-analytics-${viewport.name}`);

      // The period picker is a plain GET form; the CSV link carries the same period.
      await page.getByLabel('From', { exact: true }).fill(today);
      await page.getByLabel('To (included)', { exact: true }).fill(today);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/from=/);
      expect(await seriousAxeViolations(page), `axe-core with a period (${viewport.name})`).toEqual([]);
      const csvHref = await page
        .getByRole('link', { name: 'Download the counts (CSV)' })
        .getAttribute('href');
      expect(csvHref).toBe(`/console/${slug}/analytics.csv?from=${today}&to=${today}`);
      const csv = await page.request.get(`${server.url}${csvHref}`);
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toContain(`${today},${achievementId},`);
    });
  });
});
