// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceSigner } from '../../../../vc/test/support/reference-stack.js';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../../../test/support/browser.js';
import { acceptDemoLearnerClaim } from '../../../test/support/demo-learner.js';
import { startTestWebServer, type TestWebServer } from '../../../test/support/web-server.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';

/**
 * "Add to wallet" as the earner uses it, on a desktop and on a phone: the form on their credential page,
 * the page of QR codes it leads to, and the links on it followed by wallets (the Learner Credential
 * Wallet's DID authentication, an OpenID4VCI wallet's offer). These files have no DOM types.
 */

const WIDTHS = [
  { width: 1280, height: 800, isMobile: false },
  { width: 390, height: 844, isMobile: true },
] as const;

describe('adding a credential to a wallet, in Chromium', () => {
  let server: TestWebServer;
  let browser: Browser;
  let session: string;
  let credentialId: string;
  let seed = 40;

  beforeAll(async () => {
    server = await startTestWebServer('pglite');
    const { platform } = server;
    await seedDemoData(platform);
    ({ credentialId, session } = await acceptDemoLearnerClaim(platform));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows no "Add to wallet" to anyone but the earner', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/credentials/${credentialId}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('[data-add-to-wallet]').count()).resolves.toBe(0);
    // Signed out, the page's address leads to signing in, never to a code.
    await page.goto(`${server.url}/account/credentials/${credentialId}/wallet`);
    await expect(page.locator('.qr').count()).resolves.toBe(0);
    await expect(page.locator('[data-wallet]').count()).resolves.toBe(0);
    await context.close();
  });

  describe.each(WIDTHS)('at $width px', (viewport) => {
    let context: BrowserContext;

    beforeAll(async () => {
      context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        isMobile: viewport.isMobile,
        hasTouch: viewport.isMobile,
      });
      context.setDefaultTimeout(10_000);
      await context.addCookies([{ name: 'mc_session', value: session, url: server.url }]);
    });

    afterAll(async () => {
      await context?.close();
    });

    /** From the credential page, through the form, to the page of QR codes. */
    async function addToWallet(options: { bind: boolean }): Promise<Page> {
      const page = await context.newPage();
      await page.goto(`${server.url}/credentials/${credentialId}`);
      const section = page.locator('[data-add-to-wallet]');
      await expect(section.isVisible()).resolves.toBe(true);
      if (options.bind) await section.getByLabel(/Sign a copy for my wallet/).check();
      await Promise.all([
        page.waitForURL(/\/account\/credentials\/[0-9a-f-]{36}\/wallet\?exchange=/),
        section.getByRole('button', { name: 'Add to wallet' }).click(),
      ]);
      return page;
    }

    it('leads to one QR code and one link per way in, fitting the screen and accessible', async () => {
      const page = await addToWallet({ bind: false });
      await expect(page.locator('h1').textContent()).resolves.toMatch(/^Add .+ to a wallet$/);
      await expect(page.locator('.qr svg').count()).resolves.toBe(2);
      const lcw = new URL(
        (await page.getByRole('link', { name: 'Open in Learner Credential Wallet' }).getAttribute('href')) ??
          '',
      );
      expect(`${lcw.origin}${lcw.pathname}`).toBe('https://lcw.app/request.html');
      expect(lcw.searchParams.get('vc_request_url')).toMatch(
        new RegExp(`^${server.url}/exchanges/[0-9a-f-]{36}$`),
      );
      const offer =
        (await page.getByRole('link', { name: 'Open in a wallet app' }).getAttribute('href')) ?? '';
      expect(offer).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/);
      for (const control of await page.locator('main :is(a, button):visible').all()) {
        const box = await control.boundingBox();
        expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      }
      await expect(
        page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth'),
      ).resolves.toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `wallet/add-to-wallet-${viewport.width}`);
      await page.close();
    });

    it('hands the Learner Credential Wallet a copy bound to its DID, then says it was received', async () => {
      const page = await addToWallet({ bind: true });
      const lcw = new URL(
        (await page.getByRole('link', { name: 'Open in Learner Credential Wallet' }).getAttribute('href')) ??
          '',
      );
      const holder = await createReferenceSigner(new Uint8Array(32).fill(seed++));
      const presentation = await holder.authenticate({ challenge: lcw.searchParams.get('challenge') ?? '' });
      const answer = await page.request.post(lcw.searchParams.get('vc_request_url') ?? '', {
        data: { verifiablePresentation: presentation },
      });
      expect(answer.status()).toBe(200);
      const body = (await answer.json()) as {
        verifiablePresentation: { verifiableCredential: { credentialSubject: { id?: string } }[] };
      };
      expect(body.verifiablePresentation.verifiableCredential[0]?.credentialSubject.id).toBe(holder.did);
      await page.reload();
      await expect(page.getByRole('status').textContent()).resolves.toBe(
        'Your wallet has received the credential.',
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.close();
    });
  });
});
