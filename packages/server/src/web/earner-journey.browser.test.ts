// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../../test/support/browser.js';
import { ADMIN } from '../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../test/support/web-server.js';
import { DEMO_LEARNER_EMAIL, DEMO_PATHWAY_NAME, seedDemoData } from '../domain/demo/seed-demo-data.js';
import { DEMO_EMPLOYER_NAME } from '../domain/demo/seed-demo-talent.js';
import {
  exifBlock,
  jpegPhoto,
  pngPhoto,
  twoColourImage,
} from '../domain/image/photo/photo-fixtures.test-support.js';
import { DEFAULT_ESCO_FOLDER, readEscoFiles } from '../resources/read-esco-files.js';

// A credential signed by an independent implementation (@digitalbazaar/vc), from shared/fixtures.
const REFERENCE_CREDENTIAL = readFileSync(
  new URL('../../../../../shared/fixtures/valid/02-full-results-alignments-evidence.json', import.meta.url),
  'utf8',
);

describe('an earner in a real browser (Chromium)', () => {
  let server: TestWebServer;
  let browser: Browser;
  let earner: BrowserContext;
  let page: Page;
  let issuerId: string;
  const achievementIds: string[] = [];

  beforeAll(async () => {
    server = await startTestWebServer('pglite');
    issuerId = (await seedDemoData(server.platform)).issuerId;
    const achievements = await server.platform.achievements.list(ADMIN, { issuerId });
    achievementIds.push(
      ...achievements.filter((a) => a.achievementType === 'MicroCredential').map((a) => a.id),
    );
    browser = await launchChromium();
    earner = await browser.newContext({ acceptDownloads: true });
    page = await earner.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, screenshot?: string): Promise<void> {
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBeLessThan(400);
    await expectAccessible(page, path);
    if (screenshot !== undefined) await saveScreenshot(page, screenshot);
  }

  async function expectAccessible(target: Page, label: string): Promise<void> {
    expect(await seriousAxeViolations(target), `axe-core on ${label}`).toEqual([]);
  }

  /** The newest mail to `to` in /dev/mailbox, opened; returns its first link into the platform. */
  async function linkFromMailbox(to: string, subjectPart: string): Promise<string> {
    await open('/dev/mailbox', 'mailbox');
    await page.locator(`tr[data-mail-to="${to}"] a`, { hasText: subjectPart }).first().click();
    const link = await page.locator('.mail-body a').first().getAttribute('href');
    expect(link).toMatch(new RegExp(`^${server.url}/`));
    return link ?? '';
  }

  function credentialIdOf(url: string): string {
    const id = /\/credentials\/([0-9a-f-]{36})/.exec(url)?.[1];
    expect(id).toBeDefined();
    return id ?? '';
  }

  let credentialId = '';
  let handle = '';

  it('claims a credential from the emailed link, which signs the earner in', async () => {
    await open('/', 'home');
    const claimLink = await linkFromMailbox(DEMO_LEARNER_EMAIL, 'Data Cleaning Fundamentals');
    await page.goto(claimLink);
    await expectAccessible(page, 'claim page');
    await saveScreenshot(page, 'claim');
    await page.getByRole('button', { name: 'Accept' }).click();
    // Accepting is a moment: the earner lands on a page that offers the ways to show the credential.
    await page.waitForURL(/\/account\/credentials\/[0-9a-f-]{36}\/accepted$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Congratulations!');
    await expectAccessible(page, 'the accepted credential');
    await saveScreenshot(page, 'accepted');
    await page.getByRole('link', { name: 'Open its public page' }).click();
    await page.waitForURL(/\/credentials\//);
    credentialId = credentialIdOf(page.url());
    await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('verified');
    await expect(page.locator('.panel .standing').textContent()).resolves.toBe('Verified');

    // The link was single-use.
    const again = await page.goto(claimLink);
    expect(again?.status()).toBe(404);
  });

  it('lists the claimed credential in the portfolio and makes it private, then public', async () => {
    await open('/account', 'account');
    const card = page.locator(`[data-credential="${credentialId}"]`);
    await expect(card.count()).resolves.toBe(1);
    await card.locator('button[data-make="private"]').click();
    await page.waitForURL(/\/account$/);
    await expect(
      page.locator(`[data-credential="${credentialId}"] [data-visibility]`).getAttribute('data-visibility'),
    ).resolves.toBe('private');

    // Private: a stranger (another browser context) gets the same 404 as for a credential that never existed.
    const stranger = await browser.newPage();
    const hidden = await stranger.goto(`${server.url}/credentials/${credentialId}`);
    expect(hidden?.status()).toBe(404);
    const unknown = await stranger.goto(`${server.url}/credentials/00000000-0000-4000-8000-000000000000`);
    expect(unknown?.status()).toBe(404);

    await page.locator(`[data-credential="${credentialId}"] button[data-make="public"]`).click();
    await page.waitForURL(/\/account$/);
    const shown = await stranger.goto(`${server.url}/credentials/${credentialId}`);
    expect(shown?.status()).toBe(200);
    await expect(stranger.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('verified');
    await stranger.close();
  });

  it('gives the earner a public handle, a portfolio header and a portfolio of unique credentials in a grid', async () => {
    await open('/account/settings', 'settings');
    handle = `ada-${Date.now().toString(36)}`;
    await page.getByLabel('Display name').fill('Ada Lovelace');
    await page.getByLabel('Public handle').fill(handle);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('[role="status"]').textContent()).resolves.toContain('Saved');
    await page.getByLabel('Headline').fill('Data analyst at Acme');
    await page.locator('#link-1-label').fill('Website');
    await page.locator('#link-1-url').fill('https://ada.example.org/');
    await page.getByRole('button', { name: 'Update header' }).click();
    await page.waitForURL(/\/account\/settings\?done=public-profile/);
    await expectAccessible(page, 'settings after the header was saved');
    await saveScreenshot(page, 'settings-header');

    await open('/account');
    await page.locator(`[data-credential="${credentialId}"] button[data-feature="on"]`).click();
    await page.waitForURL(/\/account\?done=featured$/);
    await saveScreenshot(page, 'account-featured');

    await open(`/u/${handle}`, 'portfolio');
    await expect(page.locator('h1').textContent()).resolves.toContain('Ada Lovelace');
    await expect(page.locator('.portfolio-headline').textContent()).resolves.toBe('Data analyst at Acme');
    await expect(page.locator('.portfolio-avatar').textContent()).resolves.toBe('AL');
    await expect(page.locator(`[data-credential="${credentialId}"]`).count()).resolves.toBe(1);
    await expect(
      page.locator(`#portfolio-featured ~ .portfolio-grid [data-credential="${credentialId}"]`).count(),
    ).resolves.toBe(1);
    await expect(page.locator('#skills-summary').count()).resolves.toBe(1);
    // A phone shows one card a row, a desktop several (a string: this file has no DOM types).
    const columns = () =>
      page.evaluate<number>(
        "getComputedStyle(document.querySelector('.portfolio-grid')).gridTemplateColumns.split(' ').length",
      );
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await columns()).toBeGreaterThan(1);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await columns()).toBe(1);
    await expectAccessible(page, 'portfolio at 390 px');
    await saveScreenshot(page, 'portfolio-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('puts a photo in the portfolio header, replaces it on a phone, and removes it', async () => {
    // The photo as decoded by the browser: 0 wide when it did not load (blocked, missing, not an image).
    const loadedWidth = (selector: string) =>
      page.evaluate<number>(`document.querySelector('${selector}')?.naturalWidth ?? 0`);
    await open('/account/settings');
    await page.setInputFiles('#photo-file', {
      name: 'IMG_0042.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(jpegPhoto({ width: 800, height: 600, exif: exifBlock({ orientation: 6 }) })),
    });
    await page.getByRole('button', { name: 'Upload photo' }).click();
    await page.waitForURL(/\/account\/settings\?done=photo/);
    await expect(page.locator('[role="status"]').textContent()).resolves.toContain('Photo updated.');
    expect(await loadedWidth('.photo-preview')).toBeGreaterThan(0);
    await expectAccessible(page, 'settings with a photo');
    await saveScreenshot(page, 'settings-photo');

    // Too large: the page says so as soon as the file is chosen, before anything is sent.
    await page.setInputFiles('#photo-file', {
      name: 'huge.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.alloc(3 * 1024 * 1024),
    });
    await expect(
      page.evaluate<string>("document.querySelector('#photo-file').validationMessage"),
    ).resolves.toBe('The photo is larger than 2 MB: choose a smaller file.');

    await open(`/u/${handle}`, 'portfolio-photo');
    const photo = page.locator('img.portfolio-photo');
    await expect(photo.getAttribute('alt')).resolves.toBe('Ada Lovelace');
    expect(await loadedWidth('img.portfolio-photo')).toBe(256);
    await expect(page.locator('span.portfolio-avatar').count()).resolves.toBe(0);

    await page.setViewportSize({ width: 390, height: 844 });
    await open('/account/settings');
    const square = twoColourImage({
      width: 300,
      height: 300,
      left: [20, 120, 60, 255],
      right: [240, 200, 40, 255],
    });
    await page.setInputFiles('#photo-file', {
      name: 'me.png',
      mimeType: 'image/png',
      buffer: Buffer.from(pngPhoto({ width: 300, height: 300, data: square })),
    });
    await page.getByRole('button', { name: 'Replace photo' }).click();
    await page.waitForURL(/\/account\/settings\?done=photo/);
    await expectAccessible(page, 'settings with a photo at 390 px');
    await saveScreenshot(page, 'settings-photo-phone');
    await open(`/u/${handle}`, 'portfolio-photo-phone');
    expect(await loadedWidth('img.portfolio-photo')).toBe(256);

    await open('/account/settings');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove photo' }).click();
    await page.waitForURL(/\/account\/settings\?done=photo-removed/);
    await open(`/u/${handle}`);
    await expect(page.locator('.portfolio-avatar').textContent()).resolves.toBe('AL');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('shows a verified public credential page with share tags and a LinkedIn link whose month is 1-based', async () => {
    await open(`/credentials/${credentialId}`, 'credential');
    const record = await server.platform.credentials.get(ADMIN, credentialId);
    await expect(page.locator('meta[property="og:image"]').getAttribute('content')).resolves.toContain(
      '/share-card.png',
    );
    const href = await page.locator('[data-linkedin-add]').getAttribute('href');
    const url = new URL(href ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://www.linkedin.com/profile/add');
    expect(url.searchParams.get('startTask')).toBe('CERTIFICATION_NAME');
    expect(url.searchParams.get('name')).toBe('Data Cleaning Fundamentals');
    expect(url.searchParams.get('organizationName')).toBe('Demo University');
    expect(url.searchParams.get('issueYear')).toBe(String(record.issuedAt.getUTCFullYear()));
    expect(url.searchParams.get('issueMonth')).toBe(String(record.issuedAt.getUTCMonth() + 1));
    expect(url.searchParams.get('certUrl')).toBe(`${server.url}/credentials/${credentialId}`);
    expect(url.searchParams.get('certId')).toBe(credentialId);
    await expect(page.locator('.qr svg').count()).resolves.toBe(1);
  });

  it('downloads the baked PNG and verifies it on /verify, then sees it revoked everywhere', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`a[href$="/download/badge.png"]`).click(),
    ]);
    const baked = await download.path();
    expect(readFileSync(baked).subarray(1, 4).toString()).toBe('PNG');

    await open('/verify');
    await page.setInputFiles('#verify-file', baked);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('verified');
    await expectAccessible(page, 'verify result');
    await saveScreenshot(page, 'verify');

    await server.platform.credentials.revoke(ADMIN, credentialId, { reason: 'issued in error' });
    await page.goto(`${server.url}/credentials/${credentialId}`);
    await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('revoked');
    await expect(page.locator('.panel .standing').textContent()).resolves.toBe('Revoked');
    await expect(page.locator('[data-linkedin-add]').count()).resolves.toBe(0);
    await saveScreenshot(page, 'credential-revoked');

    await open('/verify');
    await page.setInputFiles('#verify-file', baked);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('revoked');
  });

  it('verifies by ?url= deep link', async () => {
    const held = await server.platform.credentials.list(ADMIN, { recipient: DEMO_LEARNER_EMAIL });
    const unrevoked = held.find((record) => record.revokedAt === null);
    expect(unrevoked).toBeDefined();
    await open(`/verify?url=${encodeURIComponent(`${server.url}/credentials/${unrevoked?.id}`)}`);
    await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('verified');
  });

  it("shows the issuer's trust on /verify in plain words, on a desktop and a phone", async () => {
    const held = await server.platform.credentials.list(ADMIN, { recipient: DEMO_LEARNER_EMAIL });
    const unrevoked = held.find((record) => record.revokedAt === null);
    const path = `/verify?url=${encodeURIComponent(`${server.url}/credentials/${unrevoked?.id}`)}`;
    const trust = page.locator('li[data-check="issuer-trust"]');
    await open(path);
    await expect(trust.getAttribute('data-trust')).resolves.toBe('unknown');
    await expect(trust.textContent()).resolves.toContain(
      'Unknown issuer: no registry this platform trusts lists it.',
    );
    await expect(trust.textContent()).resolves.not.toMatch(/vetted|trusted/i);
    await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('verified');

    const issuer = await server.platform.issuers.get(ADMIN, issuerId);
    await server.platform.trust.vet(ADMIN, issuerId);
    try {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
        await open(path, `verify-issuer-vetted-${width}`);
        await expect(trust.getAttribute('data-trust')).resolves.toBe('vetted');
        await expect(trust.textContent()).resolves.toContain(
          `Vetted: listed by ${new URL(server.url).host} as ${issuer.name}.`,
        );
        await expect(trust.isVisible()).resolves.toBe(true);
        // Nothing wider than the phone's screen: the words wrap.
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect(overflow).toBeLessThanOrEqual(0);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
      await server.platform.trust.unvet(ADMIN, issuerId);
    }
  });

  it('gives a link to a /verify result, whose page checks the public credential again', async () => {
    // A credential nobody has claimed yet is public at its link: the shared page can check it again.
    const [held] = await server.platform.credentials.list(ADMIN, { recipient: DEMO_LEARNER_EMAIL });
    const { record } = await server.platform.credentials.issue(ADMIN, {
      achievementId: held?.achievementId ?? '',
      recipient: { email: 'shared.result@example.org' },
    });
    await open(`/verify?url=${encodeURIComponent(`${server.url}/credentials/${record.id}`)}`);
    await page.getByRole('button', { name: 'Get a link to this result' }).click();
    await page.waitForURL(/\/verifications\/[0-9a-f-]{36}$/);
    await expectAccessible(page, 'shared verification result');
    await saveScreenshot(page, 'shared-verification');
    await expect(page.getByRole('heading', { name: 'Checked again just now' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.locator('main').textContent()).resolves.toContain('First checked on');
    await expect(page.locator('[data-verdict]').first().getAttribute('data-verdict')).resolves.toBe(
      'verified',
    );
  });

  it('adds a second address; a credential sent to it lands in the same portfolio', async () => {
    await open('/account/settings');
    await page.getByLabel('Add an address').fill('ada.work@example.com');
    await page.getByRole('button', { name: 'Send a confirmation link' }).click();
    const confirm = await linkFromMailbox('ada.work@example.com', 'Confirm');
    await page.goto(confirm);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(/\/account$/);
    const issued = await server.platform.credentials.issue(ADMIN, {
      achievementId: achievementIds[2] ?? '',
      recipient: { email: 'Ada.Work@example.com' },
    });
    await open('/account');
    await expect(page.locator(`[data-credential="${issued.record.id}"]`).count()).resolves.toBe(1);
  });

  it('imports a credential signed by the reference stack, verified on import', async () => {
    await open('/account');
    await page.locator('#import-text').fill(REFERENCE_CREDENTIAL);
    await page.getByRole('button', { name: 'Add to my portfolio' }).click();
    await page.waitForURL(/\/imported\//);
    await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('verified');
    await expectAccessible(page, 'imported credential');
    await saveScreenshot(page, 'imported');
    // Imports are private until the earner shows them.
    await expect(page.locator('.notice p').first().textContent()).resolves.toContain('Private');
  });

  it('refuses an upload of the wrong type with a clear message', async () => {
    await open('/verify');
    await page.setInputFiles('#verify-file', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.locator('.error-box').textContent()).resolves.toContain('not a credential');
  });

  it('shows the pathway diagram with done and missing nodes', async () => {
    // Pathways count one recipient identity: learner@… now holds SQL and Statistics (Data Cleaning was
    // revoked); the Visualisation credential went to the other address and counts on its own.
    await server.platform.credentials.issue(ADMIN, {
      achievementId: achievementIds[3] ?? '',
      recipient: { email: DEMO_LEARNER_EMAIL },
    });
    const pathways = await server.platform.pathways.list(ADMIN, { issuerId });
    const pathway = pathways.find((item) => item.pathway.name === DEMO_PATHWAY_NAME);
    await open(`/u/${handle}/pathways`, 'pathways');
    await open(`/u/${handle}/pathways/${pathway?.pathway.id}`, 'pathway');
    const states = await page
      .locator('.diagram svg [data-state]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-state')));
    expect(states.filter((state) => state === 'done')).toHaveLength(2);
    expect(states).toContain('missing');
    expect(states[0]).toBe('in-progress');
  });

  it('compares the earner with an ESCO occupation: skills held, missing, and what closes the gap', async () => {
    await server.platform.skills.importEsco(null, await readEscoFiles(DEFAULT_ESCO_FOLDER));
    await open('/account/roles?q=data+analyst', 'roles');
    const first = page.locator('[data-occupations] a').first();
    await expect(first.count()).resolves.toBe(1);
    await Promise.all([page.waitForURL(/\/account\/roles\/[0-9a-f-]{36}$/), first.click()]);
    await expectAccessible(page, 'role gap');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/\S/);
    await expect(page.locator('main').textContent()).resolves.toMatch(/you have \d+ of \d+ essential skills/);
    await saveScreenshot(page, 'role-gap');
    // On a phone the page reflows instead of scrolling sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(
      true,
    );
    await saveScreenshot(page, 'role-gap-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('agrees to be found through the talent directory, sees what it shows, and withdraws at once', async () => {
    await open('/account/sharing');
    await page.getByLabel('Show my name').check();
    await page.getByLabel('Location (optional)').fill('Lyon');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('[role="status"]').textContent()).resolves.toContain('Saved');
    const consent = page.locator('[data-consent="directory"]');
    await expect(consent.locator('[data-show-name]').getAttribute('data-show-name')).resolves.toBe('true');
    await expectAccessible(page, 'sharing');
    await saveScreenshot(page, 'sharing');
    page.once('dialog', (dialog) => void dialog.accept());
    await consent.getByRole('button', { name: /Withdraw/ }).click();
    await expect(page.locator('[data-consents="none"]').count()).resolves.toBe(1);
  });

  it("accepts an employer's invitation to its skills inventory, on a desktop and a phone", async () => {
    const employer = (await server.platform.earners.employersToConsent()).find(
      (item) => item.name === DEMO_EMPLOYER_NAME,
    );
    await server.platform.workforce.invite(ADMIN, employer?.id ?? '', {
      employees: [{ email: 'ada.work@example.com', team: 'Analytics' }],
    });
    await open('/account/sharing#workforce');
    const card = page.locator('#workforce [data-status="invited"]');
    await expect(card.locator('h3').textContent()).resolves.toBe(DEMO_EMPLOYER_NAME);
    await card.getByRole('button', { name: /Accept and connect/ }).click();
    await expect(page.locator('#workforce [role="status"]').textContent()).resolves.toContain('Connected');
    await expect(page.locator('#workforce [data-status="connected"]').count()).resolves.toBe(1);
    await expectAccessible(page, 'workforce');
    await saveScreenshot(page, 'workforce');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'workforce on a phone');
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(
      true,
    );
    await saveScreenshot(page, 'workforce-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    const inventory = await server.platform.workforce.inventory(ADMIN, employer?.id ?? '', {});
    expect(inventory.people.map((person) => person.employee.email)).toContain('ada.work@example.com');
  });

  it('renders the issuer and achievement pages accessibly, in English and French', async () => {
    await open('/issuers/demo-university', 'issuer');
    await open(`/achievements/${achievementIds[0]}`, 'achievement');
    await expect(page.locator('[data-earners]').count()).resolves.toBe(1);
    await open('/verify?lang=fr', 'verify-fr');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await open('/signin?lang=en', 'signin');
  });
});
