// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../../../test/support/browser.js';
import { acceptDemoLearnerClaim } from '../../../test/support/demo-learner.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../../test/support/web-server.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';

/**
 * Every share control of an accepted credential, clicked as its earner would, on a desktop and on a phone:
 * what each click does (the clipboard, the share sheet, the new tab, the file), the beacon it sends, and
 * the page still accessible afterwards. These files have no DOM types: what runs in the page is a string.
 */

const WIDTHS = [
  { width: 1280, height: 800, isMobile: false },
  { width: 390, height: 844, isMobile: true },
] as const;

const DOWNLOADS = [
  ['badge.png', 'image/png'],
  ['badge.svg', 'image/svg+xml'],
  ['credential.json', 'application/vc+ld+json'],
  ['credential-with-log-proof.json', 'application/json'],
  ['credential.jwt', 'application/vc+jwt'],
  ['certificate.pdf', 'application/pdf'],
] as const;

// The device's share sheet, which Chromium on Linux lacks: a stand-in that keeps what it was given.
const SHARE_SHEET = `navigator.share = (data) => { (window.shared ||= []).push(data); return Promise.resolve(); };`;
// A page the browser will not let write to the clipboard (plain http on a phone's local network).
const NO_CLIPBOARD = `Object.defineProperty(navigator, 'clipboard', { value: undefined });`;

describe('sharing an accepted credential, each control clicked in Chromium', () => {
  let server: TestWebServer;
  let browser: Browser;
  let session: string;
  let credentialId: string;
  let pageUrl: string;
  let name: string;

  beforeAll(async () => {
    server = await startTestWebServer('pglite');
    const { platform } = server;
    await seedDemoData(platform);
    ({ credentialId, session } = await acceptDemoLearnerClaim(platform));
    pageUrl = `${server.url}/credentials/${credentialId}`;
    const record = await platform.credentials.get(ADMIN, credentialId);
    name = (await platform.achievements.names([record.achievementId])).get(record.achievementId) ?? '';
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(WIDTHS)('at $width px', (viewport) => {
    let context: BrowserContext;

    beforeAll(async () => {
      context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        isMobile: viewport.isMobile,
        hasTouch: viewport.isMobile,
        permissions: ['clipboard-read', 'clipboard-write'],
        acceptDownloads: true,
      });
      context.setDefaultTimeout(10_000);
      // Offline: LinkedIn and X answer with a page of their own.
      await context.route('https://**/*', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>elsewhere</title>' }),
      );
      await context.addCookies([{ name: 'mc_session', value: session, url: server.url }]);
    });

    afterAll(async () => {
      await context?.close();
    });

    async function open(path: string, script?: string): Promise<Page> {
      const page = await context.newPage();
      if (script !== undefined) await page.addInitScript({ content: script });
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      return page;
    }

    /** The beacon a click sends, awaited while `click` runs. */
    async function beaconOf(page: Page, channel: string, click: () => Promise<void>): Promise<void> {
      const [beacon] = await Promise.all([
        page.waitForRequest(
          (request) =>
            request.method() === 'POST' &&
            request.url() === `${server.url}/credentials/${credentialId}/events/${channel}`,
        ),
        click(),
      ]);
      expect(beacon.url()).toContain(channel);
    }

    const clipboard = (page: Page) => page.evaluate<string>('navigator.clipboard.readText()');
    const status = (page: Page, id: string) => page.locator(`#${id}`).textContent();

    it('copies the address with "Copy link", says so, and counts it', async () => {
      const page = await open(`/credentials/${credentialId}`);
      await expect(page.locator('#share-link').textContent()).resolves.toBe(pageUrl);
      await beaconOf(page, 'link', () => page.getByRole('button', { name: 'Copy link' }).click());
      await expect.poll(() => status(page, 'share-link-status')).toBe('Link copied.');
      await expect(clipboard(page)).resolves.toBe(pageUrl);
      await page.close();
    });

    it('selects the address and says how to copy it where the clipboard is out of reach', async () => {
      const page = await open(`/credentials/${credentialId}`, NO_CLIPBOARD);
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect
        .poll(() => status(page, 'share-link-status'))
        .toBe('Selected: copy it with your device’s menu or keyboard.');
      await expect(page.evaluate<string>('String(window.getSelection())')).resolves.toBe(pageUrl);
      await page.close();
    });

    it("opens the device's share sheet with the credential's name, a sentence and the address", async () => {
      const page = await open(`/credentials/${credentialId}`, SHARE_SHEET);
      await beaconOf(page, 'link', () => page.getByRole('button', { name: 'Share…' }).click());
      await expect(page.evaluate<unknown>('window.shared')).resolves.toEqual([
        { title: name, text: `I earned “${name}” from Demo University.`, url: pageUrl },
      ]);
      await page.close();
      // Without a share sheet, no button offers one.
      const plain = await open(`/credentials/${credentialId}`);
      const hasSheet = await plain.evaluate<boolean>("typeof navigator.share === 'function'");
      await expect(plain.getByRole('button', { name: 'Share…' }).isVisible()).resolves.toBe(hasSheet);
      await plain.close();
    });

    it('opens LinkedIn (add to profile, share) and X in a new tab, each counted, and offers a mail', async () => {
      const page = await open(`/credentials/${credentialId}`);
      const add = page.getByRole('link', { name: 'Add to LinkedIn profile' });
      await expect(add.getAttribute('target')).resolves.toBe('_blank');
      await expect(add.getAttribute('rel')).resolves.toContain('noopener');
      const href = new URL((await add.getAttribute('href')) ?? '');
      expect(`${href.origin}${href.pathname}`).toBe('https://www.linkedin.com/profile/add');
      expect(href.searchParams.get('certUrl')).toBe(pageUrl);
      expect(href.searchParams.get('certId')).toBe(credentialId);
      for (const [name, channel, address] of [
        ['Add to LinkedIn profile', 'linkedin-add', 'https://www.linkedin.com/profile/add?'],
        ['Share on LinkedIn', 'linkedin', 'https://www.linkedin.com/sharing/share-offsite/?'],
        ['Share on X', 'x', 'https://x.com/intent/post?'],
      ] as const) {
        let tab: Page | undefined;
        await beaconOf(page, channel, async () => {
          [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name }).click()]);
        });
        await tab?.waitForLoadState();
        expect(tab?.url(), name).toContain(address);
        expect(tab?.url(), name).toContain(encodeURIComponent(pageUrl));
        await tab?.close();
      }
      const mail = new URL(
        (await page.getByRole('link', { name: 'Share by email' }).getAttribute('href')) ?? '',
      );
      expect(mail.protocol).toBe('mailto:');
      expect(mail.searchParams.get('body')).toContain(pageUrl);
      await page.close();
    });

    it('copies the embed snippet, says so, and counts it', async () => {
      const page = await open(`/credentials/${credentialId}`);
      const snippet = (await page.locator('#embed-snippet').textContent())?.trim() ?? '';
      expect(snippet).toContain(`<a href="${pageUrl}">`);
      await beaconOf(page, 'embed', () => page.getByRole('button', { name: 'Copy', exact: true }).click());
      await expect.poll(() => status(page, 'embed-snippet-status')).toBe('Copied.');
      await expect(clipboard(page).then((text) => text.trim())).resolves.toBe(snippet);
      await page.close();
    });

    it('downloads every file, each answering 200 with its type', async () => {
      const page = await open(`/credentials/${credentialId}`);
      for (const [file, type] of DOWNLOADS) {
        const link = page.locator(`a[href="/credentials/${credentialId}/download/${file}"]`);
        await expect(link.getAttribute('download'), file).resolves.not.toBeNull();
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(await download.failure(), file).toBeNull();
        expect(download.suggestedFilename(), file).not.toBe('');
        // What the click fetched, asked again with the page's cookies: a download is no page response.
        const response = await page.request.get(download.url());
        expect(response.status(), file).toBe(200);
        expect(response.headers()['content-type'], file).toContain(type);
      }
      await page.close();
    });

    it('keeps every control on the screen, big enough to tap, and the page accessible after the clicks', async () => {
      const page = await open(`/credentials/${credentialId}`, SHARE_SHEET);
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByRole('button', { name: 'Share…' }).click();
      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      const controls = page.locator('section[aria-labelledby="share-heading"] :is(a, button):visible');
      expect(await controls.count()).toBeGreaterThan(10);
      for (const control of await controls.all()) {
        const box = await control.boundingBox();
        const name = await control.textContent();
        expect(box, name ?? '').not.toBeNull();
        expect(box?.x ?? -1, name ?? '').toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0), name ?? '').toBeLessThanOrEqual(viewport.width);
        // WCAG 2.5.8: a target of at least 24 by 24 px.
        expect(box?.height ?? 0, name ?? '').toBeGreaterThanOrEqual(24);
      }
      await expect(
        page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth'),
      ).resolves.toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `sharing/credential-${viewport.width}`);
      await page.close();
    });

    it('copies the address from the page after accepting too, beside the LinkedIn button', async () => {
      const page = await open(`/account/credentials/${credentialId}/accepted`);
      const add = page.getByRole('link', { name: 'Add to my LinkedIn profile' });
      await expect(add.getAttribute('target')).resolves.toBe('_blank');
      await beaconOf(page, 'link', () => page.getByRole('button', { name: 'Copy link' }).click());
      await expect.poll(() => status(page, 'share-link-status')).toBe('Link copied.');
      await expect(clipboard(page)).resolves.toBe(pageUrl);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `sharing/accepted-${viewport.width}`);
      await page.close();
    });
  });
});
