// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../../../test/support/browser.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../../test/support/web-server.js';

const EMAIL = 'pathway.reader@example.org';
// Names as long as real course titles: the diagram used to cut them at 22 letters.
const COURSES = [
  'Advanced statistical modelling for public health surveillance',
  'Data cleaning and documentation of messy tabular sources',
  'Communicating findings to decision makers',
] as const;

describe('an earner reads a pathway in Chromium, on a desktop and on a phone', () => {
  let server: TestWebServer;
  let browser: Browser;
  let pathwayId = '';
  const achievementIds: string[] = [];

  beforeAll(async () => {
    server = await startTestWebServer('pglite');
    const { issuer } = await seedIssuer(server.platform);
    for (const name of COURSES) {
      const achievement = await server.platform.achievements.create(ADMIN, {
        issuerId: issuer.id,
        name,
        description: `${name}.`,
        criteria: { narrative: 'Pass the assessment.' },
      });
      achievementIds.push(achievement.id);
    }
    const certificate = await server.platform.achievements.create(ADMIN, {
      issuerId: issuer.id,
      name: 'Public health data analyst certificate',
      description: 'All three courses.',
      criteria: { narrative: 'Earn the three courses.' },
      achievementType: 'Certificate',
    });
    pathwayId = (
      await server.platform.pathways.create(ADMIN, {
        issuerId: issuer.id,
        name: 'Public health data analyst',
        completionAchievementId: certificate.id,
        requirement: {
          type: 'all-of',
          children: achievementIds.map((achievementId) => ({ type: 'achievement' as const, achievementId })),
        },
      })
    ).pathway.id;
    await server.platform.credentials.issue(ADMIN, {
      achievementId: achievementIds[0] ?? '',
      recipient: { email: EMAIL },
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.goto(`${server.url}/dev/mailbox`);
    await page
      .locator(`tr[data-mail-to="${EMAIL}"] a`, { hasText: /sign-in link/ })
      .first()
      .click();
    const link = await page.locator('.mail-body a').first().getAttribute('href');
    await page.goto(link ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  }

  it('shows the tree on a desktop, its whole names wrapped, each course a link reached by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page);
    // No public handle: the account's own navigation leads to the pathways.
    await page.goto(`${server.url}/account`);
    await page.getByRole('link', { name: 'My pathways' }).click();
    await page.waitForURL(/\/account\/pathways$/);
    await page.getByRole('link', { name: 'Public health data analyst' }).click();
    await page.waitForURL(new RegExp(`/account/pathways/${pathwayId}$`));
    expect(await seriousAxeViolations(page), 'axe-core on the pathway (desktop)').toEqual([]);

    await expect(page.locator('.diagram svg').isVisible()).resolves.toBe(true);
    await expect(page.locator('.pathway-steps').isVisible()).resolves.toBe(false);
    // Every word of every name is drawn, not cut short.
    const drawn = await page.locator('.diagram svg text').allTextContents();
    for (const name of COURSES) expect(drawn.join(' ')).toContain(name.split(' ').at(-1));
    expect(drawn.join(' ')).not.toContain('…');

    const link = page.getByRole('link', { name: `${COURSES[1]} — Missing` });
    await expect(link.count()).resolves.toBe(1);
    // Keyboard: Tab reaches the course's box.
    let focused = '';
    for (let step = 0; step < 40 && focused !== `/achievements/${achievementIds[1]}`; step += 1) {
      await page.keyboard.press('Tab');
      focused = String(await page.evaluate("document.activeElement?.getAttribute('href') ?? ''"));
    }
    expect(focused).toBe(`/achievements/${achievementIds[1]}`);
    await saveScreenshot(page, 'pathway-desktop');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/achievements/${achievementIds[1]}$`));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(COURSES[1]);
    await context.close();
  });

  it('shows the same steps as a list at 390 px: no sideways scrolling, text at reading size', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${server.url}/account/pathways/${pathwayId}`);
    expect(await seriousAxeViolations(page), 'axe-core on the pathway (phone)').toEqual([]);

    await expect(page.locator('.diagram svg').isVisible()).resolves.toBe(false);
    await expect(page.locator('.pathway-steps').isVisible()).resolves.toBe(true);
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(
      true,
    );
    const sizes = await page
      .locator('.pathway-steps .step')
      .evaluateAll((steps) =>
        steps.map((step) =>
          Number.parseFloat(step.ownerDocument.defaultView?.getComputedStyle(step).fontSize ?? '0'),
        ),
      );
    expect(sizes).toHaveLength(COURSES.length + 1);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(14);
    const states = await page
      .locator('.pathway-steps .step')
      .evaluateAll((steps) => steps.map((step) => step.getAttribute('data-state')));
    expect(states).toEqual(['in-progress', 'done', 'missing', 'missing']);
    await expect(page.getByRole('link', { name: `${COURSES[0]} — Done` }).getAttribute('href')).resolves.toBe(
      `/achievements/${achievementIds[0]}`,
    );
    await saveScreenshot(page, 'pathway-phone');
    await context.close();
  });
});
