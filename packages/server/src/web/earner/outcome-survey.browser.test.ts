// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../../../test/support/browser.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../../test/support/web-server.js';

const EARNER = 'survey-browser@example.org';
const STAFF = 'survey-staff@example.org';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('the career outcomes survey in a real browser (Chromium, desktop and 390 px)', () => {
  let server: TestWebServer;
  let browser: Browser;
  // The platform's clock: real time moved by `shift`, so three months pass at once.
  let shift = 0;
  let consolePath = '';
  let achievementId = '';

  beforeAll(async () => {
    server = await startTestWebServer('pglite', { now: () => new Date(Date.now() + shift) });
    const seeded = await seedIssuer(server.platform);
    achievementId = seeded.achievement.id;
    consolePath = `/console/${seeded.issuer.slug}/achievements/${achievementId}`;
    await server.platform.members.add(ADMIN, seeded.issuer.id, { email: STAFF, role: 'viewer' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function expectAccessible(page: Page, label: string): Promise<void> {
    expect(await seriousAxeViolations(page), `axe-core on ${label}`).toEqual([]);
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.goto(`${server.url}/dev/mailbox`);
    await page.locator(`tr[data-mail-to="${email}"] a`, { hasText: 'sign-in link' }).first().click();
    const link = await page.locator('.mail-body a').first().getAttribute('href');
    await page.goto(link ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  }

  it('asks consent once on the account page, then takes an answer with several outcomes; the console hides figures under 5', async () => {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      context.setDefaultTimeout(10_000);
      try {
        const page = await context.newPage();
        await signIn(page, EARNER);
        await page.goto(`${server.url}/account`);
        if (width === 1280) {
          const ask = page.getByRole('region', { name: 'Help show what credentials are worth' });
          await expect(ask.textContent()).resolves.toContain('only once at least 5 earners answered');
          await expectAccessible(page, 'the account page asking consent');
          await page.getByRole('button', { name: 'Yes, ask me' }).click();
          await page.waitForURL(/\/account/);
          expect(await page.getByRole('button', { name: 'Yes, ask me' }).count()).toBe(0);

          await server.platform.credentials.issue(ADMIN, { achievementId, recipient: { email: EARNER } });
          shift += 93 * DAY_MS;
          expect(await server.platform.outcomes.sweep()).toBe(1);
          await signIn(page, EARNER);
          await page.goto(`${server.url}/account`);
        }
        const question = page.getByRole('group', { name: /^Since earning “Data Cleaning”/ });
        await expect(question.isVisible()).resolves.toBe(true);
        await expectAccessible(page, `the account page with a survey at ${width} px`);
        await saveScreenshot(page, `account-outcome-survey-${width}`);
        if (width === 1280) {
          await question.getByLabel('a promotion').check();
          await question.getByLabel('a raise').check();
          await page.getByRole('button', { name: 'Send answer' }).click();
          await page.waitForURL(/outcome=saved/);
          await expect(page.getByText('Thank you: your answer is recorded.').isVisible()).resolves.toBe(true);
          await expect(question.getByLabel('a raise').isChecked()).resolves.toBe(true);
          await expect(question.getByLabel('a new job').isChecked()).resolves.toBe(false);
        }

        const staff = await context.newPage();
        await staff.context().clearCookies();
        await signIn(staff, STAFF);
        await staff.goto(`${server.url}${consolePath}`);
        const section = staff.getByRole('region', { name: 'Career outcomes' });
        await expect(section.textContent()).resolves.toContain('1 of 1 earners asked answered (100%)');
        await expect(section.textContent()).resolves.toContain('Fewer than 5 answers: not shown.');
        await expectAccessible(staff, `the console achievement page at ${width} px`);
      } finally {
        await context.close();
      }
    }
  });
});
