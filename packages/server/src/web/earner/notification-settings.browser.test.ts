// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../../../test/support/browser.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../../test/support/web-server.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, isMobile: false },
  { name: 'phone', width: 390, height: 844, isMobile: true },
] as const;

describe('notification mails: unsubscribe from a mail and choose kinds in the settings (Chromium, desktop and phone)', () => {
  let server: TestWebServer;
  let browser: Browser;
  // The platform's clock: real time moved by `shift`, so a credential comes within 30 days of its end.
  let shift = 0;
  let achievementId = '';

  beforeAll(async () => {
    server = await startTestWebServer('pglite', { now: () => new Date(Date.now() + shift) });
    achievementId = (await seedIssuer(server.platform)).achievement.id;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function expectAccessible(page: Page, label: string): Promise<void> {
    expect(await seriousAxeViolations(page), `axe-core on ${label}`).toEqual([]);
  }

  async function openMail(page: Page, to: string, subject: RegExp): Promise<string> {
    await page.goto(`${server.url}/dev/mailbox`);
    await page.locator(`tr[data-mail-to="${to}"] a`, { hasText: subject }).first().click();
    return (await page.locator('.mail-body').textContent()) ?? '';
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await openMail(page, email, /sign-in link/);
    const link = await page.locator('.mail-body a').first().getAttribute('href');
    await page.goto(link ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  }

  it.each(VIEWPORTS)(
    'an expiry reminder’s link unsubscribes without signing in; the settings show it and save other choices ($name)',
    async (viewport) => {
      const email = `notified.${viewport.name}@example.org`;
      const options = {
        viewport: { width: viewport.width, height: viewport.height },
        isMobile: viewport.isMobile,
      };
      const signedIn = await browser.newContext(options);
      const stranger = await browser.newContext(options);
      signedIn.setDefaultTimeout(10_000);
      stranger.setDefaultTimeout(10_000);
      try {
        const page = await signedIn.newPage();
        await signIn(page, email);
        shift = 0;
        const issued = await server.platform.credentials.issue(ADMIN, {
          achievementId,
          recipient: { email },
        });
        const validUntil = issued.record.validUntil;
        if (validUntil === null) throw new Error('the seeded achievement has a validity');
        shift = validUntil.getTime() - 20 * DAY_MS - Date.now();
        expect(await server.platform.notifications.sweepExpiry()).toBe(1);

        // The mail's own link, opened by anyone holding the mail: no session needed.
        const visitor = await stranger.newPage();
        const body = await openMail(visitor, email, /expires in 20 days$/);
        const unsubscribeUrl = /Unsubscribe from expiry reminders: (\S+)/.exec(body)?.[1];
        expect(unsubscribeUrl).toMatch(/\/notifications\/unsubscribe\//);
        await visitor.goto(unsubscribeUrl ?? '');
        await expect(visitor.locator('main').textContent()).resolves.toContain(
          'Stop mails about expiry reminders?',
        );
        await expectAccessible(visitor, `the unsubscribe page (${viewport.name})`);
        await visitor.getByRole('button', { name: 'Unsubscribe' }).click();
        await expect(visitor.locator('main').textContent()).resolves.toContain(
          'You will no longer receive mails about expiry reminders.',
        );

        // Years passed on the platform's clock: the first session has ended.
        await signIn(page, email);
        await page.goto(`${server.url}/account/settings#notifications`);
        const section = page.getByRole('region', { name: 'Mail notifications' });
        await expect(section.getByLabel('expiry reminders').isChecked()).resolves.toBe(false);
        await expect(section.getByLabel('pathway progress').isChecked()).resolves.toBe(true);
        await expectAccessible(page, `the notification settings (${viewport.name})`);
        await saveScreenshot(page, `account-notification-settings-${viewport.name}`);
        await expect(
          page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
          'no sideways scrolling',
        ).resolves.toBe(true);

        await section.getByLabel('pathway progress').uncheck();
        await section.getByLabel('expiry reminders').check();
        await section.getByRole('button', { name: 'Update notification choices' }).click();
        await page.goto(`${server.url}/account/settings`);
        await expect(section.getByLabel('pathway progress').isChecked()).resolves.toBe(false);
        await expect(section.getByLabel('expiry reminders').isChecked()).resolves.toBe(true);
      } finally {
        shift = 0;
        await signedIn.close();
        await stranger.close();
      }
    },
  );
});
