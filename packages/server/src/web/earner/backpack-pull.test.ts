import '@hono/zod-openapi';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApp, openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { startTestWebServer, type TestWebServer } from '../../../test/support/web-server.js';
import { WebSession } from '../../../test/support/web-session.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { ObHostTransport } from '../../domain/ports/index.js';
import { createGuardedFetcher, parseFetchAllowList } from '../../edge/outbound/index.js';

const EMAIL = 'carol@example.org';

// A credential signed by an independent implementation (@digitalbazaar/vc, did:key), from shared/fixtures.
const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../../../shared/fixtures/valid/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

function hrefOf(html: string, pattern: RegExp): string {
  const href = [...html.matchAll(/href="([^"]+)"/g)]
    .map((match) => (match[1] ?? '').replaceAll('&amp;', '&'))
    .find((value) => pattern.test(value));
  if (href === undefined) throw new Error(`no link matching ${pattern}`);
  return href;
}

/**
 * "Connect another backpack", end to end between two microcred instances: the other one listens on a
 * loopback port (allow-listed for the guarded fetcher, as MICROCRED_FETCH_ALLOW would), serves its OB
 * 3.0 API, and the earner consents there; this one reads the discovery document, registers by DCR, sends
 * the earner there with PKCE and, on their return, pulls and verifies every credential.
 */
describe.each(testDrivers())('pulling credentials from another OB 3.0 host, on %s', (driver) => {
  let other: TestWebServer;
  let here: TestApp;
  let strict: TestApp;
  let carolThere: WebSession;
  let carolHere: WebSession;
  const issuedThere: string[] = [];
  const sent: { url: string; body: string | undefined }[] = [];

  beforeAll(async () => {
    other = await startTestWebServer(driver);
    const fetcher = createGuardedFetcher({
      allow: parseFetchAllowList(`http://${new URL(other.url).host}`) ?? [],
    });
    // What this platform sends the other host, recorded on its way through the real fetcher.
    const recording: ObHostTransport = {
      exchange: (url, request) => {
        sent.push({ url, body: request.body });
        return fetcher.exchange(url, request);
      },
    };
    here = await openTestApp(driver, {
      web: { secureCookies: false, devMailbox: true },
      platform: {
        externalFetcher: fetcher.fetchJson,
        obHostTransport: recording,
        policies: { privacyPolicyUrl: 'https://www.example.edu/privacy' },
      },
    });
    // The same platform with the guarded fetcher as production has it: no loopback address is reached.
    const unlisted = createGuardedFetcher();
    strict = await openTestApp(driver, {
      web: { secureCookies: false, devMailbox: true },
      platform: { externalFetcher: unlisted.fetchJson, obHostTransport: unlisted },
    });
    const { achievement } = await seedIssuer(other.platform, 'other-academy');
    for (let index = 0; index < 2; index += 1) {
      const issued = await other.platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email: EMAIL },
      });
      issuedThere.push(issued.record.document.id as string);
    }
    carolThere = new WebSession({
      platform: other.platform,
      call: (path, call) => callApp(other.app, path, call),
    });
    await carolThere.signIn(EMAIL);
    carolHere = new WebSession(here);
    await carolHere.signIn(EMAIL);
  }, 60_000);
  afterAll(async () => {
    await here?.close();
    await strict?.close();
    await other?.close();
  });

  it('brings the earner to consent there and imports every credential, verified, on their return', async () => {
    const started = await carolHere.post('/account/backpacks/connect', { url: other.url });
    expect(started.status).toBe(200);
    const authorize = new URL(hrefOf(started.text, /\/account\/apps\/authorize\?/));
    expect(authorize.origin).toBe(other.url);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    // It registered there naming its policies on its own host, as hosts require: /privacy leads on to
    // the operator's policy, which stands for the terms too (none set).
    const registration = sent.find((exchange) => exchange.url.endsWith('/register'));
    expect(JSON.parse(registration?.body ?? '{}')).toMatchObject({
      policy_uri: 'https://badges.example.edu/privacy',
      tos_uri: 'https://badges.example.edu/privacy',
    });
    const privacy = await carolHere.get('/privacy');
    expect(privacy.status).toBe(302);
    expect(privacy.headers.get('location')).toBe('https://www.example.edu/privacy');
    expect(authorize.searchParams.get('scope')).toBe(
      'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
    );

    // At the other host: its consent page, then back here with a code.
    const consent = await carolThere.get(`${authorize.pathname}${authorize.search}`);
    expect(consent.status).toBe(200);
    expect(consent.text).toContain('badges.example.edu');
    const fields = Object.fromEntries(authorize.searchParams);
    const answered = await carolThere.post('/account/apps/authorize', { ...fields, decision: 'allow' });
    expect(answered.status).toBe(303);
    const back = new URL(answered.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe('https://badges.example.edu/account/backpacks/callback');

    const done = await carolHere.get(`${back.pathname}${back.search}`);
    expect(done.status).toBe(200);
    expect(done.text).toContain('gave 2 credentials');
    const earner = await here.platform.earners.ofSession(carolHere.cookie('mc_session') ?? '');
    const imports = (await here.platform.earners.portfolio(earner?.id ?? '')).flatMap((item) =>
      item.kind === 'imported' ? [item.imported] : [],
    );
    expect(imports.map((item) => item.document.id).sort()).toEqual([...issuedThere].sort());
    expect(imports.every((item) => item.verified)).toBe(true);

    // The return is used once: a replay finds nothing to finish.
    expect((await carolHere.get(`${back.pathname}${back.search}`)).status).toBe(404);
    // The other host lists this platform among Carol's connected apps.
    expect((await carolThere.get('/account/apps')).text).toContain('badges.example.edu');
  });

  it('imports nothing twice when the earner pulls again', async () => {
    const started = await carolHere.post('/account/backpacks/connect', { url: `${other.url}/ims/ob/v3p0` });
    const authorize = new URL(hrefOf(started.text, /\/account\/apps\/authorize\?/));
    const answered = await carolThere.post('/account/apps/authorize', {
      ...Object.fromEntries(authorize.searchParams),
      decision: 'allow',
    });
    const back = new URL(answered.headers.get('location') ?? '');
    const done = await carolHere.get(`${back.pathname}${back.search}`);
    expect(done.text).toContain('None was new to your account');
  });

  it('keeps a credential from there that does not verify, as the import page does: marked, private', async () => {
    // Carol's backpack there holds an import whose name was changed after signing; the host still lists it.
    const tampered: Record<string, unknown> = {
      ...fixture('02-full-results-alignments-evidence.json'),
      name: 'Doctorate in Everything',
    };
    const there = await other.platform.earners.ofSession(carolThere.cookie('mc_session') ?? '');
    await other.platform.earners.importCredential(there?.id ?? '', { credential: tampered, sourceUrl: null });

    const started = await carolHere.post('/account/backpacks/connect', { url: other.url });
    const authorize = new URL(hrefOf(started.text, /\/account\/apps\/authorize\?/));
    const answered = await carolThere.post('/account/apps/authorize', {
      ...Object.fromEntries(authorize.searchParams),
      decision: 'allow',
    });
    const back = new URL(answered.headers.get('location') ?? '');
    const done = await carolHere.get(`${back.pathname}${back.search}`);
    expect(done.status).toBe(200);
    expect(done.text).toContain('gave 3 credentials');
    expect(done.text).toContain('1 was added to your account. 2 verified.');
    const earner = await here.platform.earners.ofSession(carolHere.cookie('mc_session') ?? '');
    const kept = (await here.platform.earners.portfolio(earner?.id ?? '')).flatMap((item) =>
      item.kind === 'imported' && item.imported.document.id === tampered.id ? [item] : [],
    );
    expect(
      kept.map((item) => [item.imported.document.name, item.imported.verified, item.visibility]),
    ).toEqual([['Doctorate in Everything', false, 'private']]);
  });

  it('says so when the earner denies access there', async () => {
    const started = await carolHere.post('/account/backpacks/connect', { url: other.url });
    const authorize = new URL(hrefOf(started.text, /\/account\/apps\/authorize\?/));
    const answered = await carolThere.post('/account/apps/authorize', {
      ...Object.fromEntries(authorize.searchParams),
      decision: 'deny',
    });
    const back = new URL(answered.headers.get('location') ?? '');
    expect(back.searchParams.get('error')).toBe('access_denied');
    const done = await carolHere.get(`${back.pathname}${back.search}`);
    expect(done.status).toBe(400);
    expect(done.text).toContain('did not allow access');
  });

  it('refuses a host at a private address the operator did not allow-list', async () => {
    const carol = new WebSession(strict);
    await carol.signIn(EMAIL);
    const refused = await carol.post('/account/backpacks/connect', { url: other.url });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/loopback|never fetched|only https/);
  });
});
