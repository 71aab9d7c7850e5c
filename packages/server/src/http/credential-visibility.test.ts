import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPathwayWorld } from '../../test/support/pathway-fixtures.js';
import { ADMIN_TOKEN, type CallResult, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN, PUBLIC_URL } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import { SESSION_COOKIE } from '../edge/session-earner.js';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
/** Every way a client may ask (undefined: no Accept header at all). */
const ACCEPTS: readonly (string | undefined)[] = [
  HTML,
  'application/json',
  'application/ld+json',
  'application/vc+ld+json',
  'application/vc+jwt',
  '*/*',
  undefined,
];
const DOWNLOADS = ['badge.png', 'badge.svg', 'credential.json', 'credential.jwt', 'certificate.pdf'];
const UNKNOWN = '5d0c3c8e-7a51-4b8e-9a3e-2f6d1c0b9e47';
// A fixed form token and request id, so that two answers can be compared byte for byte.
const CSRF = 'c'.repeat(43);
const REQUEST_ID = 'visibility-test';

/** Every URL that answers with a credential's content: its page and representations, downloads, /verify. */
function contentUrls(id: string): { readonly path: string; readonly verify: boolean }[] {
  return [
    { path: `/credentials/${id}`, verify: false },
    ...DOWNLOADS.map((file) => ({ path: `/credentials/${id}/download/${file}`, verify: false })),
    { path: `/verify?url=${encodeURIComponent(`${PUBLIC_URL}/credentials/${id}`)}`, verify: true },
  ];
}

interface Clr {
  readonly credential: { credentialSubject: { verifiableCredential: { id: string }[] } };
}

const bundledIds = (clr: Clr) => clr.credential.credentialSubject.verifiableCredential.map((vc) => vc.id);
const credentialUrl = (id: string) => `${PUBLIC_URL}/credentials/${id}`;

describe.each(testDrivers())('who may read a credential, on %s', (driver) => {
  let test: TestApp;
  let issuerId: string;
  let pathwayId: string;
  let partAchievementId: string;
  const email = 'ada@example.org';
  let part: string;
  let certificate: string;
  let earnerId: string;
  let session: string;
  const unknownAnswers = new Map<string, CallResult>();

  function get(path: string, accept: string | undefined, signedIn?: string): Promise<CallResult> {
    const cookies = [`mc_csrf=${CSRF}`, ...(signedIn === undefined ? [] : [`${SESSION_COOKIE}=${signedIn}`])];
    return test.call(path, {
      headers: {
        ...(accept === undefined ? {} : { Accept: accept }),
        Cookie: cookies.join('; '),
        'X-Request-Id': REQUEST_ID,
      },
    });
  }

  async function unknownAnswer(template: string, accept: string | undefined): Promise<CallResult> {
    const key = `${template} ${accept}`;
    const cached = unknownAnswers.get(key);
    if (cached !== undefined) return cached;
    const answer = await get(template, accept);
    unknownAnswers.set(key, answer);
    return answer;
  }

  /**
   * Anonymous: every URL, with every Accept header, answers exactly what it answers for an id that never
   * existed (status, type, caching, and the body with the id swapped). /verify renders one page whatever
   * the Accept header (and is rate-limited), so it is asked with every header only when `allVerify`.
   */
  async function expectHiddenLikeUnknown(id: string, allVerify = false) {
    for (const [index, url] of contentUrls(id).entries()) {
      const unknownPath = contentUrls(UNKNOWN)[index]?.path ?? '';
      for (const accept of url.verify && !allVerify ? [HTML] : ACCEPTS) {
        const hidden = await get(url.path, accept);
        const unknown = await unknownAnswer(unknownPath, accept);
        const label = `${url.path} Accept: ${accept ?? '(none)'}`;
        expect(hidden.status, label).toBe(url.verify ? 400 : 404);
        expect(hidden.status, label).toBe(unknown.status);
        expect(hidden.headers.get('content-type'), label).toBe(unknown.headers.get('content-type'));
        expect(hidden.headers.get('cache-control'), label).toBe(unknown.headers.get('cache-control'));
        expect(hidden.text.replaceAll(id, UNKNOWN), label).toBe(unknown.text);
      }
    }
  }

  /**
   * Every Accept header gets the credential itself at its URL, for `signedIn` (or anyone); with `all`, so
   * do the downloads and /verify (slow: they render images, a PDF, and verify).
   */
  async function expectReadable(id: string, signedIn?: string, all = true) {
    const record = await test.platform.credentials.get(ADMIN, id);
    for (const accept of ACCEPTS) {
      const answer = await get(`/credentials/${id}`, accept, signedIn);
      const label = `Accept: ${accept ?? '(none)'}`;
      expect(answer.status, label).toBe(200);
      // `*/*` is what link-preview crawlers send: they get the page, like browsers (issue #18, defect 6).
      if (accept === HTML || accept === '*/*') {
        expect(answer.text, label).toContain('data-verdict="verified"');
      } else if (accept === 'application/vc+jwt' && record.jwt !== null) {
        expect(answer.text, label).toBe(record.jwt);
      } else {
        expect(answer.body, label).toEqual(record.document);
      }
    }
    if (!all) return;
    for (const file of DOWNLOADS) {
      const answer = await get(`/credentials/${id}/download/${file}`, HTML, signedIn);
      expect(answer.status, file).toBe(200);
    }
    const verified = await get(`/verify?url=${encodeURIComponent(credentialUrl(id))}`, HTML, signedIn);
    expect(verified.status).toBe(200);
    expect(verified.text).toContain('data-verdict="verified"');
  }

  async function choose(id: string, form: string) {
    const posted = await test.call(`/account/credentials/${id}`, {
      body: `_csrf=${CSRF}&${form}`,
      headers: {
        Accept: HTML,
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: `mc_csrf=${CSRF}; ${SESSION_COOKIE}=${session}`,
      },
    });
    expect(posted.status).toBe(303);
  }

  async function issuerClr(): Promise<Clr> {
    const clr = await test.call(`/api/v1/issuers/${issuerId}/clr`, {
      token: ADMIN_TOKEN,
      json: { recipient: email },
    });
    expect(clr.status).toBe(201);
    return clr.body as Clr;
  }

  async function pathwayClr(): Promise<CallResult> {
    return test.call(`/api/v1/pathways/${pathwayId}/clr`, { token: ADMIN_TOKEN, json: { recipient: email } });
  }

  async function earnerBundle(): Promise<string[]> {
    const bundle = await get('/account/export-clr.json', HTML, session);
    expect(bundle.status).toBe(200);
    return (
      bundle.body as { credentialSubject: { verifiableCredential: { id: string }[] } }
    ).credentialSubject.verifiableCredential.map((vc) => vc.id);
  }

  /** The claim link mailed for this credential, as its recipient would open it. */
  async function claimSecret(to: string, credentialId: string): Promise<string> {
    for (const mail of await test.platform.mail.list(500)) {
      if (mail.toAddress !== to) continue;
      const secret = /\/claim\/([A-Za-z0-9_-]{43})/.exec(mail.textBody)?.[1];
      if (secret === undefined) continue;
      const claim = await test.platform.earners.viewClaim(secret).catch(() => null);
      if (claim?.credential.id === credentialId) return secret;
    }
    throw new Error(`no claim mail for ${credentialId}`);
  }

  beforeAll(async () => {
    test = await openTestApp(driver, { web: { secureCookies: false, devMailbox: false } });
    const world = await seedPathwayWorld(test.platform);
    issuerId = world.issuer.id;
    partAchievementId = world.parts[0].id;
    const pathway = await test.platform.pathways.create(ADMIN, {
      issuerId,
      name: 'One part',
      completionAchievementId: world.certificate.id,
      requirement: { type: 'all-of', children: [{ type: 'achievement', achievementId: partAchievementId }] },
    });
    pathwayId = pathway.pathway.id;
    await test.platform.pathways.publish(ADMIN, pathwayId);
    part = (
      await test.platform.credentials.issue(ADMIN, {
        achievementId: partAchievementId,
        recipient: { email },
      })
    ).record.id;
    const awarded = await test.platform.credentials.list(ADMIN, {
      recipient: email,
      achievementId: world.certificate.id,
    });
    expect(awarded).toHaveLength(1);
    certificate = awarded[0]?.id ?? '';
  });
  afterAll(async () => {
    await test?.close();
  });

  it('serves a credential nobody has claimed yet at its link: the issuer published it there', async () => {
    await expectReadable(part, undefined, false);
  });

  it('hides a credential waiting in a portfolio for its earner to accept it, but not from that earner', async () => {
    ({ earnerId } = await test.platform.earners.acceptClaim({
      secret: await claimSecret(email, part),
      signedIn: null,
      locale: 'en',
    }));
    session = await test.platform.earners.startSession(earnerId);
    // The stacked credential went to the same address, which is now the earner's: it waits for them.
    await expectHiddenLikeUnknown(certificate);
    await expectReadable(certificate, session, false);
    expect((await pathwayClr()).status).toBe(409);

    await choose(certificate, 'choice=accepted&visibility=public');
    await expectReadable(certificate, undefined, false);
    expect(bundledIds((await pathwayClr()).body as Clr)).toContain(credentialUrl(certificate));
  });

  it('answers a private credential exactly like an unknown one, on every route and for every Accept, except to its earner', async () => {
    await choose(part, 'visibility=private');

    await expectHiddenLikeUnknown(part, true);
    await expectReadable(part, session);
    const owned = await get(`/credentials/${part}`, 'application/json', session);
    expect(owned.headers.get('cache-control')).toBe('private, no-store');

    // Documents that bundle credentials for third parties leave it out, as if it did not exist.
    const record = await issuerClr();
    expect(bundledIds(record)).not.toContain(credentialUrl(part));
    expect(bundledIds(record)).toContain(credentialUrl(certificate));
    const pathway = await pathwayClr();
    expect(pathway.status).toBe(201);
    expect(pathway.body.partial).toBe(false);
    expect(bundledIds(pathway.body as Clr)).not.toContain(credentialUrl(part));
    // The earner's own bundle is theirs to hand out.
    expect(await earnerBundle()).toContain(credentialUrl(part));
    // The issuer's own API keeps its record.
    const issuerRecord = await test.call(`/api/v1/credentials/${part}`, { token: ADMIN_TOKEN });
    expect(issuerRecord.status).toBe(200);
  });

  it('serves it again, everywhere, once the earner makes it public', async () => {
    await choose(part, 'visibility=public');
    await expectReadable(part);
    const cached = await get(`/credentials/${part}`, 'application/json');
    expect(cached.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(bundledIds(await issuerClr())).toContain(credentialUrl(part));
    expect(bundledIds((await pathwayClr()).body as Clr)).toContain(credentialUrl(part));
  });

  it('hides a declined credential the same way, and shows it again when accepted after all', async () => {
    await choose(part, 'choice=declined&visibility=private');
    await expectHiddenLikeUnknown(part);
    await expectReadable(part, session);
    expect(bundledIds(await issuerClr())).not.toContain(credentialUrl(part));
    expect(bundledIds((await pathwayClr()).body as Clr)).not.toContain(credentialUrl(part));
    expect(await earnerBundle()).not.toContain(credentialUrl(part));

    await choose(part, 'choice=accepted&visibility=public');
    await expectReadable(part);
  });

  it('hides a VC-JWT waiting for its earner, whose JWS only that earner gets', async () => {
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: partAchievementId,
      recipient: { email },
      format: 'jwt',
    });
    await expectHiddenLikeUnknown(issued.record.id);
    const jws = await get(`/credentials/${issued.record.id}`, 'application/vc+jwt', session);
    expect(jws.headers.get('content-type')).toBe('application/vc+jwt');
    expect(jws.text).toBe(issued.record.jwt);
  });

  it('hides a credential declined from its claim link, and a private one whose earner deleted the account', async () => {
    const declined = await test.platform.credentials.issue(ADMIN, {
      achievementId: partAchievementId,
      recipient: { email: 'nope@example.org' },
    });
    await test.platform.earners.declineClaim({
      secret: await claimSecret('nope@example.org', declined.record.id),
    });
    await expectHiddenLikeUnknown(declined.record.id);

    const leaving = await test.platform.credentials.issue(ADMIN, {
      achievementId: partAchievementId,
      recipient: { email: 'leaving@example.org' },
    });
    const claimed = await test.platform.earners.acceptClaim({
      secret: await claimSecret('leaving@example.org', leaving.record.id),
      signedIn: null,
      locale: 'en',
    });
    await test.platform.earners.choose(claimed.earnerId, leaving.record.id, { visibility: 'private' });
    await test.platform.earners.deleteAccount(claimed.earnerId);
    await expectHiddenLikeUnknown(leaving.record.id);
  });
});
