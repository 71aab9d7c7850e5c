import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { WebSession } from '../../../test/support/web-session.js';

const HANDLE_RULE = '3 to 32 letters, digits or hyphens, not starting or ending with a hyphen';

describe('refusals on the account settings page', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
  });
  afterAll(() => test.close());

  async function signedIn(email: string, lang: 'en' | 'fr') {
    const browser = new WebSession(test);
    await browser.signIn(email);
    // The language a visitor picks is kept in a cookie for the pages and forms that follow.
    await browser.get(`/account/settings?lang=${lang}`);
    const earner = await test.platform.earners.ofSession(browser.cookie('mc_session') ?? '');
    if (earner === null) throw new Error(`${email} is not signed in`);
    const [address] = await test.platform.earners.listEmails(earner.id);
    if (address === undefined) throw new Error(`${email} has no address`);
    return { browser, addressId: address.id };
  }

  it('says why in French on a French page, keeping the domain’s detail', async () => {
    const { browser, addressId } = await signedIn('refusal.fr@example.org', 'fr');

    const badHandle = await browser.post('/account/profile', { displayName: '', handle: '-x', locale: 'fr' });
    expect(badHandle.status).toBe(400);
    expect(badHandle.text).toContain('lang="fr"');
    expect(badHandle.text).toContain(`La valeur saisie n’est pas acceptée : handle : ${HANDLE_RULE}`);

    // Refused in the page's language, in a sentence of its own (no "Remove" is offered for it: see below).
    const lastAddress = await browser.post(`/account/emails/${addressId}/remove`, {});
    expect(lastAddress.status).toBe(400);
    expect(lastAddress.text).toContain(
      'Votre seule adresse confirmée ne peut pas être supprimée : ajoutez-en et confirmez-en une autre d’abord, ou supprimez votre compte.',
    );
    expect(lastAddress.text).not.toContain('an account keeps');
  });

  it('says the same in English on an English page', async () => {
    const { browser, addressId } = await signedIn('refusal.en@example.org', 'en');

    const badHandle = await browser.post('/account/profile', { displayName: '', handle: '-x', locale: 'en' });
    expect(badHandle.status).toBe(400);
    expect(badHandle.text).toContain(`What was entered is not accepted: handle: ${HANDLE_RULE}`);

    const lastAddress = await browser.post(`/account/emails/${addressId}/remove`, {});
    expect(lastAddress.status).toBe(400);
    expect(lastAddress.text).toContain(
      'Your only confirmed address cannot be removed: add and confirm another first, or delete your account.',
    );
    expect(lastAddress.text).not.toContain('Votre seule adresse');
  });

  it('offers no “Remove” for the only confirmed address, and shows the earner’s own portfolio address', async () => {
    const { browser } = await signedIn('only.address@example.org', 'en');
    const page = await browser.get('/account/settings');
    expect(page.text).toContain('data-email="only.address@example.org"');
    expect(page.text).not.toContain('/remove"');
    expect(page.text).toContain(`Your portfolio address: ${test.platform.publicUrl}/u/your-handle.`);

    await browser.post('/account/profile', { displayName: 'Only', handle: 'only-address', locale: 'en' });
    const named = await browser.get('/account/settings');
    expect(named.text).toContain(`Your portfolio address: ${test.platform.publicUrl}/u/only-address.`);
  });
});
