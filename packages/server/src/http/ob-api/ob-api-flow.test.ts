import '@hono/zod-openapi';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedWallet, walletKey } from '../../../test/support/scripted-wallet.js';
import { ADMIN_TOKEN, type CallOptions, openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { seedIssuer } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';
import { testDrivers } from '../../db/open-test-database.js';
import { OB_SCOPES } from '../../domain/ob-api/ob-api-scopes.js';
import { IMSX_CODE_MINORS, imsxStatus } from './imsx-status.js';
import { requestErrors, responseErrors } from './ob-api-openapi.test-support.js';

const BASE = '/ims/ob/v3p0';
const ALL_SCOPES = Object.values(OB_SCOPES).join(' ');
const CALLBACK = 'https://wallet.example.net/ob/callback';

// Credentials signed by an independent implementation (@digitalbazaar/vc, did:key), from shared/fixtures.
const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../../../shared/fixtures/valid/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
const ELSEWHERE = fixture('01-minimal.json');
const ELSEWHERE_TOO = fixture('02-full-results-alignments-evidence.json');

interface Client {
  readonly clientId: string;
  readonly clientSecret: string;
}

function pkce() {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

it('sends only Imsx_StatusInfo code minor values the 1EdTech description allows', () => {
  for (const minor of IMSX_CODE_MINORS) {
    const answer = { status: 400, headers: new Headers({ 'Content-Type': 'application/json' }) };
    expect(
      responseErrors('getCredentials', { ...answer, text: JSON.stringify(imsxStatus('x', minor)) }),
    ).toEqual([]);
  }
});

it('checks answers against the 1EdTech description closely enough to catch a wrong one', () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers: new Headers({ 'Content-Type': 'application/json', ...headers }),
    text: JSON.stringify(body),
  });
  expect(responseErrors('upsertCredential', json(201, ELSEWHERE))).toEqual([]);
  // VC 1.1's `issuanceDate` gives way, for a VC 2.0 credential, to the OB 3.0 JSON Schema's `validFrom`.
  expect(responseErrors('upsertCredential', json(201, { ...ELSEWHERE, validFrom: undefined }))).toEqual([
    "/ must have required property 'validFrom' (OB 3.0 JSON Schema)",
  ]);
  const vc11 = { ...ELSEWHERE, '@context': ['https://www.w3.org/2018/credentials/v1'], validFrom: undefined };
  expect(responseErrors('upsertCredential', json(201, vc11))).toEqual([
    "/ must have required property 'issuanceDate'",
  ]);
  expect(responseErrors('upsertCredential', json(201, { ...ELSEWHERE, issuer: 'did:example:x' }))).toEqual([
    '/issuer must be object',
  ]);
  const page = json(
    200,
    { credential: [ELSEWHERE] },
    {
      'X-Total-Count': 'many',
      Link: '<https://x.example/ims/ob/v3p0/credentials?limit=0&offset=2>; rel="next", <https://x.example/a>; rel="self"',
    },
  );
  expect(responseErrors('getCredentials', page)).toEqual([
    'header X-Total-Count: / must be integer',
    'Link rel="next": query limit: / must be >= 1',
    'Link rel="self" is not one of next, last, first, prev',
  ]);
  expect(responseErrors('getProfile', json(418, { error: 'teapot' }))).not.toEqual([]);
  expect(
    requestErrors('putProfile', { headers: new Headers({ 'Content-Type': 'text/plain' }), text: 'x' }),
  ).toEqual(['content type "text/plain" is not one of application/json']);
});

describe.each(testDrivers())('the OB 3.0 API, Host role, on %s', (driver) => {
  let test: TestApp;
  let alice: WebSession;
  let bob: WebSession;
  let client: Client;
  let achievementId: string;
  const issuedToAlice: string[] = [];

  const basic = (who: Client) =>
    `Basic ${Buffer.from(`${encodeURIComponent(who.clientId)}:${encodeURIComponent(who.clientSecret)}`).toString('base64')}`;

  const tokenRequest = (fields: Record<string, string>, who: Client = client) =>
    test.call(`${BASE}/token`, {
      body: new URLSearchParams(fields).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic(who) },
    });

  async function register(overrides: Record<string, unknown> = {}) {
    return test.call(`${BASE}/register`, {
      json: {
        client_name: 'Wallet Example',
        client_uri: 'https://wallet.example.net/',
        logo_uri: 'https://wallet.example.net/logo.png',
        tos_uri: 'https://wallet.example.net/terms',
        policy_uri: 'https://wallet.example.net/privacy',
        software_id: 'wallet-example',
        software_version: '1.0',
        redirect_uris: [CALLBACK],
        scope: ALL_SCOPES,
        ...overrides,
      },
    });
  }

  /** Signs `browser`'s earner in to the consent page and answers it; the redirect's query. */
  async function authorize(
    browser: WebSession,
    options: { scope?: string; decision?: 'allow' | 'deny'; challenge: string; redirectUri?: string },
  ) {
    const fields = {
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: options.redirectUri ?? CALLBACK,
      scope: options.scope ?? ALL_SCOPES,
      state: randomBytes(8).toString('hex'),
      code_challenge: options.challenge,
      code_challenge_method: 'S256',
    };
    const page = await browser.get(`/account/apps/authorize?${new URLSearchParams(fields)}`);
    expect(page.status).toBe(200);
    const answer = await browser.post('/account/apps/authorize', {
      ...fields,
      decision: options.decision ?? 'allow',
    });
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(fields.redirect_uri);
    expect(location.searchParams.get('state')).toBe(fields.state);
    return { page, location };
  }

  /** A full grant for `browser`'s earner: consent, then the code for tokens. */
  async function connect(browser: WebSession, scope = ALL_SCOPES) {
    const { verifier, challenge } = pkce();
    const { location } = await authorize(browser, { scope, challenge });
    const response = await tokenRequest({
      grant_type: 'authorization_code',
      code: location.searchParams.get('code') ?? '',
      redirect_uri: CALLBACK,
      code_verifier: verifier,
    });
    expect(response.status).toBe(200);
    return response.body as { access_token: string; refresh_token: string; scope: string };
  }

  /**
   * One call to an OB API resource endpoint, the request it sends (unless `malformed` on purpose) and the
   * answer it gets checked against the 1EdTech OpenAPI description of `operationId`.
   */
  async function obCall(
    operationId: string,
    path: string,
    options: CallOptions & { malformed?: boolean } = {},
  ) {
    const { malformed, ...call } = options;
    if (malformed !== true) {
      const headers = new Headers(call.headers);
      if (call.json !== undefined && !headers.has('Content-Type'))
        headers.set('Content-Type', 'application/json');
      const text =
        call.json !== undefined ? JSON.stringify(call.json) : typeof call.body === 'string' ? call.body : '';
      expect(requestErrors(operationId, { headers, text }), `${operationId} request`).toEqual([]);
    }
    const response = await test.call(path, call);
    expect(responseErrors(operationId, response), `${operationId} ${response.status}`).toEqual([]);
    return response;
  }

  const getCredentials = (token: string, query = '') =>
    obCall('getCredentials', `${BASE}/credentials${query}`, { token });
  const upsert = (
    token: string,
    credential: Record<string, unknown>,
    options: { malformed?: boolean } = {},
  ) => obCall('upsertCredential', `${BASE}/credentials`, { token, json: credential, ...options });
  const getProfile = (token: string) => obCall('getProfile', `${BASE}/profile`, { token });
  const putProfile = (token: string, profile: unknown, options: { malformed?: boolean } = {}) =>
    obCall('putProfile', `${BASE}/profile`, { method: 'PUT', token, json: profile, ...options });

  beforeAll(async () => {
    test = await openTestApp(driver, { web: { secureCookies: false, devMailbox: true } });
    const { achievement } = await seedIssuer(test.platform);
    achievementId = achievement.id;
    for (let index = 0; index < 3; index += 1) {
      const issued = await test.platform.credentials.issue(
        { kind: 'admin' },
        {
          achievementId: achievement.id,
          recipient: { email: 'alice@example.org' },
        },
      );
      issuedToAlice.push(issued.record.document.id as string);
    }
    await test.platform.credentials.issue(
      { kind: 'admin' },
      {
        achievementId: achievement.id,
        recipient: { email: 'bob@example.org' },
      },
    );
    alice = new WebSession(test);
    await alice.signIn('alice@example.org');
    bob = new WebSession(test);
    await bob.signIn('bob@example.org');
    const registered = await register();
    expect(registered.status).toBe(201);
    client = { clientId: registered.body.client_id, clientSecret: registered.body.client_secret };
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('describes itself at /discovery, without authentication, as a Service Description Document', async () => {
    const response = await obCall('getServiceDescription', `${BASE}/discovery`);
    expect(response.status).toBe(200);
    const { body } = response;
    expect(body.openapi).toMatch(/^3\.0\./);
    expect(body.info['x-imssf-privacyPolicyUrl']).toMatch(/^https:\/\//);
    expect(body.servers[0].url).toBe('https://badges.example.edu/ims/ob/v3p0');
    const scheme = body.components.securitySchemes.OAuth2ACG;
    expect(scheme).toMatchObject({
      type: 'oauth2',
      'x-imssf-registrationUrl': 'https://badges.example.edu/ims/ob/v3p0/register',
      flows: {
        authorizationCode: {
          authorizationUrl: 'https://badges.example.edu/account/apps/authorize',
          tokenUrl: 'https://badges.example.edu/ims/ob/v3p0/token',
          refreshUrl: 'https://badges.example.edu/ims/ob/v3p0/token',
        },
      },
    });
    expect(Object.keys(scheme.flows.authorizationCode.scopes).sort()).toEqual(
      Object.values(OB_SCOPES).sort(),
    );
  });

  it('registers a client by RFC 7591, refusing URLs off its host, plain http and unknown scopes', async () => {
    const registered = await register();
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      client_id: expect.any(String),
      client_secret: expect.any(String),
      redirect_uris: [CALLBACK],
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
    });
    expect((await register({ redirect_uris: ['https://evil.example.com/cb'] })).body.error).toBe(
      'invalid_redirect_uri',
    );
    expect((await register({ redirect_uris: ['http://wallet.example.net/cb'] })).body.error).toBe(
      'invalid_redirect_uri',
    );
    expect((await register({ policy_uri: 'https://other.example.com/privacy' })).body.error).toBe(
      'invalid_client_metadata',
    );
    expect((await register({ scope: `${OB_SCOPES.credentialReadonly} admin` })).body.error).toBe(
      'invalid_client_metadata',
    );
    const missing = await register({ client_name: undefined });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_client_metadata');
  });

  it("shows the earner who asks and for what, and lets the page's form lead back to the app only", async () => {
    const { challenge } = pkce();
    const { page, location } = await authorize(alice, { challenge, decision: 'deny' });
    expect(page.text).toContain('Wallet Example');
    expect(page.text).toContain('wallet.example.net');
    expect(page.text).toContain('read the credentials in your backpack');
    expect(page.headers.get('content-security-policy')).toContain(
      "form-action 'self' https://wallet.example.net",
    );
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('sends someone signed out to sign in, and back to the same request afterwards', async () => {
    const { challenge } = pkce();
    const path = `/account/apps/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      scope: ALL_SCOPES,
      state: 'signed-out',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })}`;
    const visitor = new WebSession(test);
    const first = await visitor.get(path);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/signin');
    const signedIn = await visitor.signIn('alice@example.org');
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(path);
    expect((await visitor.get(path)).status).toBe(200);
  });

  it('never redirects to a redirect URI the client did not register', async () => {
    const { challenge } = pkce();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: 'https://wallet.example.net/elsewhere',
      scope: ALL_SCOPES,
      state: 'x',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const page = await alice.get(`/account/apps/authorize?${query}`);
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
    expect(page.text).toContain('redirect_uri');
  });

  it('refuses a request without PKCE S256, back at the registered redirect URI', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      scope: ALL_SCOPES,
      state: 'no-pkce',
      code_challenge: 'plain-challenge',
      code_challenge_method: 'plain',
    });
    const page = await alice.get(`/account/apps/authorize?${query}`);
    expect(page.status).toBe(302);
    const location = new URL(page.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('no-pkce');
  });

  it('refuses a PKCE verifier that does not match, and the code is spent', async () => {
    const { verifier, challenge } = pkce();
    const { location } = await authorize(alice, { challenge });
    const code = location.searchParams.get('code') ?? '';
    const wrong = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: CALLBACK,
      code_verifier: pkce().verifier,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    expect(wrong.headers.get('cache-control')).toBe('no-store');
    const again = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: CALLBACK,
      code_verifier: verifier,
    });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('refuses a code sent back with another redirect URI, or by another client', async () => {
    const { verifier, challenge } = pkce();
    const other = await register();
    const { location } = await authorize(alice, { challenge });
    const code = location.searchParams.get('code') ?? '';
    const stolen = await tokenRequest(
      { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier },
      { clientId: other.body.client_id, clientSecret: other.body.client_secret },
    );
    expect(stolen.body.error).toBe('invalid_grant');
    const { location: second } = await authorize(alice, { challenge });
    const moved = await tokenRequest({
      grant_type: 'authorization_code',
      code: second.searchParams.get('code') ?? '',
      redirect_uri: 'https://wallet.example.net/other',
      code_verifier: verifier,
    });
    expect(moved.body.error).toBe('invalid_grant');
    const badSecret = await tokenRequest(
      { grant_type: 'authorization_code', code: 'x', redirect_uri: CALLBACK, code_verifier: verifier },
      { clientId: client.clientId, clientSecret: 'not-the-secret' },
    );
    expect(badSecret.status).toBe(401);
    expect(badSecret.body.error).toBe('invalid_client');
  });

  it('runs the whole flow: token, upsert, paged reads, profile, refresh, revoke', async () => {
    const tokens = await connect(alice);
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: ALL_SCOPES.split(' ').sort().join(' '),
    });

    // Upsert: a credential from elsewhere, verified like an import, lands in Alice's backpack (201)…
    const pushed = await upsert(tokens.access_token, ELSEWHERE);
    expect(pushed.status).toBe(201);
    expect(pushed.body.id).toBe(ELSEWHERE.id);
    // …and the same credential again replaces it (200), not a second copy.
    const again = await upsert(tokens.access_token, ELSEWHERE);
    expect(again.status).toBe(200);
    const second = await upsert(tokens.access_token, ELSEWHERE_TOO);
    expect(second.status).toBe(201);
    const imports = (await test.platform.earners.portfolio(await earnerIdOf(alice))).filter(
      (item) => item.kind === 'imported',
    );
    expect(imports).toHaveLength(2);
    expect(imports.every((item) => item.kind === 'imported' && item.imported.verified)).toBe(true);

    // Paged reads: 5 credentials, 2 a page, every page conforming to GetOpenBadgeCredentialsResponse.
    const seen: string[] = [];
    let next: string | null = `${BASE}/credentials?limit=2&offset=0`;
    let pages = 0;
    while (next !== null) {
      const page = await obCall('getCredentials', next, { token: tokens.access_token });
      expect(page.status).toBe(200);
      expect(page.headers.get('x-total-count')).toBe('5');
      for (const credential of page.body.credential) seen.push(credential.id);
      const link = page.headers.get('link') ?? '';
      expect(link).toContain('rel="first"');
      expect(link).toContain('rel="last"');
      const match = /<([^>]+)>; rel="next"/.exec(link);
      next = match?.[1] === undefined ? null : new URL(match[1]).pathname + new URL(match[1]).search;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...issuedToAlice, ELSEWHERE.id, ELSEWHERE_TOO.id].sort());
    const badLimit = await getCredentials(tokens.access_token, '?limit=0');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe(
      'invalid_query_parameter',
    );

    // Profile: read, then replaced whole.
    const profile = await getProfile(tokens.access_token);
    expect(profile.status).toBe(200);
    expect(profile.body.email).toBe('alice@example.org');
    const sent = { ...profile.body, name: 'Alice Example' };
    const put = await putProfile(tokens.access_token, sent);
    expect(put.status).toBe(200);
    expect(put.body).toEqual(sent);

    // Refresh rotates: the new refresh token works, the old one is spent, and replaying it ends the grant.
    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await getCredentials(refreshed.body.access_token)).status).toBe(200);
    const narrower = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: refreshed.body.refresh_token,
      scope: OB_SCOPES.credentialReadonly,
    });
    expect(narrower.body.scope).toBe(OB_SCOPES.credentialReadonly);
    const replayed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(replayed.body.error).toBe('invalid_grant');
    const afterReplay = await getCredentials(narrower.body.access_token);
    expect(afterReplay.status).toBe(401);
  });

  it('refuses a revoked access token with Imsx_StatusInfo', async () => {
    const tokens = await connect(alice);
    expect((await getCredentials(tokens.access_token)).status).toBe(200);
    const revoked = await test.call(`${BASE}/revoke`, {
      body: new URLSearchParams({ token: tokens.access_token, token_type_hint: 'access_token' }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic(client) },
    });
    expect(revoked.status).toBe(200);
    const refused = await getCredentials(tokens.access_token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    expect(refused.body).toMatchObject({ imsx_codeMajor: 'failure', imsx_severity: 'error' });
    expect(refused.body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe(
      'unauthorizedrequest',
    );
    // Revoking the refresh token ends the whole grant.
    await test.call(`${BASE}/revoke`, {
      body: new URLSearchParams({ token: tokens.refresh_token }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic(client) },
    });
    expect(
      (await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).body.error,
    ).toBe('invalid_grant');
  });

  it('refuses a token whose scope is too narrow with 403', async () => {
    const tokens = await connect(alice, OB_SCOPES.credentialReadonly);
    expect((await getCredentials(tokens.access_token)).status).toBe(200);
    const refused = await upsert(tokens.access_token, ELSEWHERE);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toContain('insufficient_scope');
    expect(refused.body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe('forbidden');
    expect((await getProfile(tokens.access_token)).status).toBe(403);
  });

  it('refuses a pushed credential that does not verify with 400, storing nothing', async () => {
    const tokens = await connect(bob);
    const imports = async () =>
      (await test.platform.earners.portfolio(await earnerIdOf(bob))).flatMap((item) =>
        item.kind === 'imported' ? [item.imported] : [],
      );
    const tampered = { ...ELSEWHERE_TOO, name: 'Doctorate in Everything' };
    const refused = await upsert(tokens.access_token, tampered);
    expect(refused.status).toBe(400);
    expect(refused.body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe('invalid_data');
    expect(refused.body.imsx_description).toMatch(/does not verify/);
    expect(await imports()).toEqual([]);
    // Nor does a tampered copy replace the genuine one held: equal by issuer and id, it is refused all the same.
    expect((await upsert(tokens.access_token, ELSEWHERE_TOO)).status).toBe(201);
    expect(
      (await upsert(tokens.access_token, { ...tampered, validFrom: '2030-01-01T00:00:00Z' })).status,
    ).toBe(400);
    const held = await imports();
    expect(held.map((item) => [item.document.name, item.verified])).toEqual([[ELSEWHERE_TOO.name, true]]);
    const unreadable = await upsert(tokens.access_token, { hello: 'world' }, { malformed: true });
    expect(unreadable.status).toBe(400);
    // Gone again, so the next test counts Bob's credentials from a known start.
    await test.platform.earners.deleteImport(await earnerIdOf(bob), held[0]?.id ?? '');
  });

  it("answers an earner's own credential, and their wallet's copy of it, as held (200), storing no duplicate", async () => {
    const issued = await test.platform.credentials.issue(
      { kind: 'admin' },
      { achievementId, recipient: { email: 'carol@example.org' } },
    );
    const offer = await test.call(`/api/v1/credentials/${issued.record.id}/offers`, {
      token: ADMIN_TOKEN,
      json: {},
    });
    const { answer } = await new ScriptedWallet(test, await walletKey()).receive(offer.body.offerUri);
    expect(answer.status).toBe(200);
    const copy = answer.body.credentials[0].credential as Record<string, unknown>;
    expect(copy.id).not.toBe(issued.record.document.id);
    const carol = new WebSession(test);
    await carol.signIn('carol@example.org');
    const tokens = await connect(carol);
    for (const credential of [copy, issued.record.document]) {
      const held = await upsert(tokens.access_token, credential);
      expect(held.status, String(credential.id)).toBe(200);
      expect(held.body).toEqual(credential);
    }
    const portfolio = await test.platform.earners.portfolio(await earnerIdOf(carol));
    expect(portfolio.map((item) => item.kind)).toEqual(['issued']);
    const listed = await getCredentials(tokens.access_token);
    expect(listed.body.credential.map((credential: { id: string }) => credential.id)).toEqual([
      issued.record.document.id,
    ]);
  });

  it('replaces the profile whole with PUT and gives back, and keeps, what was sent', async () => {
    const tokens = await connect(alice);
    const before = (await getProfile(tokens.access_token)).body;
    const sent = { ...before, name: 'Alice Martin', description: 'Learning to build bridges' };
    const put = await putProfile(tokens.access_token, sent);
    expect(put.status).toBe(200);
    expect(put.body).toEqual(sent);
    expect((await getProfile(tokens.access_token)).body).toEqual(sent);
    // PUT replaces: a description left out is gone.
    const { description: _dropped, ...withoutDescription } = sent;
    expect((await putProfile(tokens.access_token, withoutDescription)).body).toEqual(withoutDescription);
    expect((await getProfile(tokens.access_token)).body).toEqual(withoutDescription);

    // Another profile's id, a changed address, or a property the account cannot keep: 400, nothing changed.
    const bobProfile = (await getProfile((await connect(bob)).access_token)).body;
    for (const refused of [
      { ...withoutDescription, id: bobProfile.id, name: 'Not Bob' },
      { ...withoutDescription, id: 'urn:uuid:00000000-0000-4000-8000-000000000000', name: 'Nobody' },
      { ...withoutDescription, name: 'Alice M.', email: 'someone-else@example.org' },
      { ...withoutDescription, name: 'Alice M.', givenName: 'Alice' },
    ]) {
      const answer = await putProfile(tokens.access_token, refused);
      expect(answer.status).toBe(400);
      expect(answer.body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe('invalid_data');
    }
    const missingId = await putProfile(
      tokens.access_token,
      { type: ['Profile'], name: 'Alice M.' },
      { malformed: true },
    );
    expect(missingId.status).toBe(400);
    expect((await getProfile(tokens.access_token)).body).toEqual(withoutDescription);
    expect((await getProfile((await connect(bob)).access_token)).body).toEqual(bobProfile);
  });

  it('takes a VC-JWT as text/plain and gives it back in compactJwsString', async () => {
    const tokens = await connect(bob);
    const issuer = await seedIssuer(test.platform);
    const issued = await test.platform.credentials.issue(
      { kind: 'admin' },
      { achievementId: issuer.achievement.id, recipient: { email: 'dana@example.org' } },
    );
    const jwt = await test.platform.credentials.asJwt(issued.record);
    // A claim changed after signing: nothing of it can be trusted, so the API refuses it.
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, name: 'Forged' })).toString('base64url')}.${signature}`;
    const refused = await obCall('upsertCredential', `${BASE}/credentials`, {
      token: tokens.access_token,
      body: forged,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe('invalid_data');
    const pushed = await obCall('upsertCredential', `${BASE}/credentials`, {
      token: tokens.access_token,
      body: jwt,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(pushed.status).toBe(201);
    expect(pushed.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(pushed.text).toBe(jwt);
    const page = await getCredentials(tokens.access_token);
    expect(page.body.compactJwsString).toEqual([jwt]);
    const kept = (await test.platform.earners.portfolio(await earnerIdOf(bob))).flatMap((item) =>
      item.kind === 'imported' ? [item.imported] : [],
    );
    expect(kept.map((item) => [item.jwt, item.verified])).toEqual([[jwt, true]]);
    await test.platform.earners.deleteImport(await earnerIdOf(bob), kept[0]?.id ?? '');
  });

  it('asks for consent in French too', async () => {
    const { challenge } = pkce();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      scope: OB_SCOPES.credentialUpsert,
      state: 'fr',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      lang: 'fr',
    });
    const page = await alice.get(`/account/apps/authorize?${query}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Connecter Wallet Example à votre sac à badges\u00a0?');
    expect(page.text).toContain('ajouter des certifications à votre sac à badges');
    await alice.get('/account/apps?lang=en');
  });

  it("keeps each earner's credentials to their own account", async () => {
    const aliceTokens = await connect(alice);
    const bobTokens = await connect(bob);
    const bobPage = await getCredentials(bobTokens.access_token);
    expect(bobPage.headers.get('x-total-count')).toBe('1');
    const bobIds = (bobPage.body.credential as { id: string }[]).map((credential) => credential.id);
    expect(bobIds.some((id) => issuedToAlice.includes(id) || id === ELSEWHERE.id)).toBe(false);
    // Bob's app pushes a credential: it lands in Bob's backpack, never in Alice's.
    const before = Number((await getCredentials(aliceTokens.access_token)).headers.get('x-total-count'));
    const pushed = await upsert(bobTokens.access_token, ELSEWHERE);
    expect(pushed.status).toBe(201);
    expect(Number((await getCredentials(aliceTokens.access_token)).headers.get('x-total-count'))).toBe(
      before,
    );
    expect((await getCredentials(bobTokens.access_token)).headers.get('x-total-count')).toBe('2');
  });

  it('lists the connected app in settings and disconnects it, ending its tokens', async () => {
    const tokens = await connect(bob);
    const page = await bob.get('/account/apps');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Wallet Example');
    const disconnected = await bob.post(
      `/account/apps/${encodeURIComponent(client.clientId)}/disconnect`,
      {},
    );
    expect(disconnected.status).toBe(303);
    expect(disconnected.headers.get('location')).toBe('/account/apps?done=disconnected');
    expect((await getCredentials(tokens.access_token)).status).toBe(401);
    expect((await bob.get('/account/apps')).text).not.toContain('Wallet Example');
  });

  async function earnerIdOf(browser: WebSession): Promise<string> {
    const earner = await test.platform.earners.ofSession(browser.cookie('mc_session') ?? '');
    if (earner === null) throw new Error('not signed in');
    return earner.id;
  }
});
