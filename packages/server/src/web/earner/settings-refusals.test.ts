import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { WebSession } from '../../../test/support/web-session.js';

const HANDLE_RULE = '3 to 32 letters, digits or hyphens, not starting or ending with a hyphen';
const LAST_ADDRESS = 'an account keeps at least one confirmed address: delete the account instead';

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

    const lastAddress = await browser.post(`/account/emails/${addressId}/remove`, {});
    expect(lastAddress.status).toBe(400);
    expect(lastAddress.text).toContain(`Ce n’est pas possible en l’état : ${LAST_ADDRESS}`);
  });

  it('says the same in English on an English page', async () => {
    const { browser, addressId } = await signedIn('refusal.en@example.org', 'en');

    const badHandle = await browser.post('/account/profile', { displayName: '', handle: '-x', locale: 'en' });
    expect(badHandle.status).toBe(400);
    expect(badHandle.text).toContain(`What was entered is not accepted: handle: ${HANDLE_RULE}`);

    const lastAddress = await browser.post(`/account/emails/${addressId}/remove`, {});
    expect(lastAddress.status).toBe(400);
    expect(lastAddress.text).toContain(`This cannot be done as things stand: ${LAST_ADDRESS}`);
    expect(lastAddress.text).not.toContain('Ce n’est pas possible');
  });
});
