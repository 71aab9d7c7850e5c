import '@hono/zod-openapi';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import {
  handBakedPng,
  handBakedSvg,
  type TwoFacedCredentials,
  twoFacedCredentials,
} from '../../test/support/two-faced-credentials.js';
import { testDrivers } from '../db/open-test-database.js';

const HTML = { Accept: 'text/html' };
// The forms' anti-CSRF token is a double-submit cookie: any well-formed value sent both ways passes.
const CSRF = randomBytes(32).toString('base64url');

/**
 * ADVERSARIAL V14 through the web: the /verify page (upload and paste) and account import refuse a
 * signed credential whose text reads two ways, each next to the same credential as signed, accepted.
 */
describe.each(testDrivers())('credentials that are not I-JSON on the web pages on %s', (driver) => {
  let test: TestApp;
  let faces: TwoFacedCredentials;
  let earnerId: string;
  let session: string;

  async function post(path: string, fields: Record<string, string | File>, cookies = '') {
    const body = new FormData();
    body.set('_csrf', CSRF);
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    const response = await test.app.request(path, {
      method: 'POST',
      body,
      headers: { ...HTML, Cookie: `mc_csrf=${CSRF}${cookies}` },
    });
    return {
      status: response.status,
      location: response.headers.get('location'),
      text: await response.text(),
    };
  }

  const verifyPage = (fields: Record<string, string | File>) => post('/verify', fields);
  const importInto = (fields: Record<string, string | File>) =>
    post('/account/imports', fields, `; mc_session=${session}`);
  const imported = async () =>
    (await test.platform.earners.portfolio(earnerId)).filter((item) => item.kind !== 'issued');

  beforeAll(async () => {
    test = await openTestApp(driver, { web: { secureCookies: true, devMailbox: false } });
    faces = await twoFacedCredentials();
    await test.platform.earners.requestSignIn({ email: 'importer@example.org', locale: 'en' });
    const mail = (await test.platform.mail.list()).find((item) => item.toAddress === 'importer@example.org');
    const secret = /\/signin\/([A-Za-z0-9_-]{43})/.exec(mail?.textBody ?? '')?.[1] ?? '';
    earnerId = await test.platform.earners.signInWithLink({ secret, locale: 'en' });
    session = await test.platform.earners.startSession(earnerId);
  });
  afterAll(async () => {
    await test?.close();
  });

  const twoFaced = () =>
    [
      ['a duplicated credentialSubject', faces.duplicateSubject, 'duplicate member name'],
      ['a lone surrogate', faces.loneSurrogateName, 'unpaired surrogate'],
    ] as const;

  it('the verify page refuses them pasted, as JSON, PNG and SVG uploads, and accepts the credential as signed', async () => {
    const signed = JSON.stringify(faces.credential);
    const carriers = [
      ['pasted', (text: string) => ({ text })],
      ['a JSON file', (text: string) => ({ file: new File([text], 'badge.json') })],
      ['a baked PNG', (text: string) => ({ file: new File([handBakedPng(text)], 'badge.png') })],
      ['a baked SVG', (text: string) => ({ file: new File([handBakedSvg(text)], 'badge.svg') })],
    ] as const;
    for (const [carrier, fields] of carriers) {
      const accepted = await verifyPage(fields(signed));
      expect(accepted.text, carrier).toContain('data-verdict="verified"');
      for (const [what, text, problem] of twoFaced()) {
        const refused = await verifyPage(fields(text));
        expect(refused.status, `${what}, ${carrier}`).toBe(200);
        expect(refused.text, `${what}, ${carrier}`).toContain('data-verdict="unverified"');
        expect(refused.text).toMatch(/data-check="parse" data-outcome="failed"/);
        expect(refused.text).toContain(problem);
      }
    }
  });

  it('the verify page refuses a VC-JWT whose signed payload has credentialSubject twice', async () => {
    const refused = await verifyPage({ text: faces.duplicateSubjectJwt });
    expect(refused.text).toContain('data-verdict="unverified"');
    expect(refused.text).toMatch(/data-check="jwt.parse" data-outcome="failed"/);
    expect(refused.text).toContain('duplicate member name');
  });

  it('account import refuses them, pasted or uploaded, and keeps nothing', async () => {
    for (const [what, text, problem] of twoFaced()) {
      const carriers: Record<string, string | File>[] = [
        { text },
        { file: new File([handBakedPng(text)], 'badge.png') },
      ];
      for (const fields of carriers) {
        const refused = await importInto(fields);
        expect(refused.status, what).toBe(400);
        expect(refused.text).toContain(problem);
      }
    }
    const jwt = await importInto({ text: faces.duplicateSubjectJwt });
    expect(jwt.status).toBe(400);
    expect(await imported()).toEqual([]);

    const accepted = await importInto({ text: JSON.stringify(faces.credential) });
    expect(accepted.status).toBe(303);
    expect(accepted.location).toMatch(/^\/imported\//);
    expect(await imported()).toHaveLength(1);
  });
});
