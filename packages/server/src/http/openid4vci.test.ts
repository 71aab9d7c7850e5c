import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWithReferenceStack } from '../../../vc/test/support/reference-stack.js';
import { keyProof, ScriptedWallet, walletKey } from '../../test/support/scripted-wallet.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { PUBLIC_URL } from '../../test/support/test-platform.js';
import { verifiedEarner } from '../../test/support/verified-earner.js';
import { testDrivers } from '../db/open-test-database.js';

const GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const MINUTE = 60_000;

describe.each(testDrivers())('OpenID4VCI pre-authorized code flow, by a scripted wallet, on %s', (driver) => {
  let test: TestApp;
  let clockOffsetMs = 0;
  let issuer: { id: string; slug: string; did: string };
  let achievementId: string;

  beforeAll(async () => {
    test = await openTestApp(driver, { platform: { now: () => new Date(Date.now() + clockOffsetMs) } });
    const created = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'wallet-academy', name: 'Wallet Academy', url: 'https://academy.example' },
    });
    issuer = created.body;
    const achievement = await test.call('/api/v1/achievements', {
      token: ADMIN_TOKEN,
      json: {
        issuerId: issuer.id,
        name: 'Key Ceremony',
        description: 'Ran a key ceremony from start to end.',
        criteria: { narrative: 'Lead one ceremony under observation.' },
      },
    });
    achievementId = achievement.body.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  async function issue(email: string) {
    const issued = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId, recipient: { email, name: 'Robin' } },
    });
    expect(issued.status).toBe(201);
    return issued.body as { id: string; credential: Record<string, unknown> };
  }

  async function offer(credentialId: string, json: Record<string, unknown> = {}, token = ADMIN_TOKEN) {
    return test.call(`/api/v1/credentials/${credentialId}/offers`, { token, json });
  }

  async function verify(credential: unknown) {
    const response = await test.call('/credentials/verify', { json: { verifiableCredential: credential } });
    expect(response.status).toBe(200);
    return response.body as { verified: boolean; checks: { id: string; ok: boolean; code?: string }[] };
  }

  it('publishes Credential Issuer metadata whose credential_issuer is PUBLIC_URL, and the AS metadata', async () => {
    const metadata = await test.call('/.well-known/openid-credential-issuer');
    expect(metadata.status).toBe(200);
    expect(metadata.body.credential_issuer).toBe(PUBLIC_URL);
    expect(metadata.body.credential_endpoint).toBe(`${PUBLIC_URL}/openid4vci/credential`);
    expect(metadata.body.nonce_endpoint).toBe(`${PUBLIC_URL}/openid4vci/nonce`);
    const formats = Object.values(metadata.body.credential_configurations_supported).map(
      (configuration) => (configuration as { format: string }).format,
    );
    expect(formats.sort()).toEqual(['jwt_vc_json', 'ldp_vc']);
    // A Host header never changes who the issuer says it is.
    const spoofed = await test.call('/.well-known/openid-credential-issuer', {
      headers: { Host: 'evil.example' },
    });
    expect(spoofed.body.credential_issuer).toBe(PUBLIC_URL);
    const server = await test.call('/.well-known/oauth-authorization-server');
    expect(server.body).toMatchObject({
      issuer: PUBLIC_URL,
      token_endpoint: `${PUBLIC_URL}/openid4vci/token`,
      grant_types_supported: [GRANT],
      'pre-authorized_grant_anonymous_access_supported': true,
    });
  });

  it('delivers the credential bound to the wallet’s did:key, signed eddsa-rdfc-2022; the code then works no more', async () => {
    const issued = await issue('robin@example.org');
    const created = await offer(issued.id);
    expect(created.status).toBe(201);
    expect(created.body.offerUri).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/);
    expect(created.body.txCode).toBe(false);
    const wallet = new ScriptedWallet(test, await walletKey());
    const fetched = await wallet.fetchOffer(created.body.offerUri);
    expect(fetched.headers.get('cache-control')).toBe('no-store');
    expect(fetched.body.credential_issuer).toBe(PUBLIC_URL);
    expect(fetched.body.grants[GRANT].tx_code).toBeUndefined();

    const { answer, preAuthorizedCode } = await wallet.receive(created.body.offerUri);
    expect(answer.status).toBe(200);
    const credential = answer.body.credentials[0].credential as Record<string, unknown> & {
      id: string;
      credentialSubject: Record<string, unknown>;
      proof: Record<string, unknown> | Record<string, unknown>[];
    };
    expect(credential.credentialSubject.id).toBe(wallet.key.didKey);
    expect([credential.proof].flat()).toEqual([
      expect.objectContaining({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' }),
    ]);
    // A credential of its own: not the original's id, the same achievement and recipient identity.
    expect(credential.id).not.toBe(issued.credential.id);
    expect(credential.credentialSubject.achievement).toEqual(
      (issued.credential.credentialSubject as Record<string, unknown>).achievement,
    );
    expect((await verify(credential)).verified).toBe(true);
    const didDocument = await test.call(`/issuers/${issuer.slug}/did.json`);
    const reference = await verifyWithReferenceStack(
      credential,
      new Date(),
      new Map([[issuer.did, didDocument.body as Record<string, unknown>]]),
    );
    expect(reference.verified).toBe(true);

    const again = await wallet.token(preAuthorizedCode);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: 'invalid_grant' });
    // Once redeemed, the offer is gone too.
    expect((await wallet.fetchOffer(created.body.offerUri)).status).toBe(404);
  });

  it('delivers a VC-JWT bound to the did:jwk of a jwk header, and logs the copy like any credential', async () => {
    const issued = await issue('jwt-holder@example.org');
    const wallet = new ScriptedWallet(test, await walletKey());
    const { answer } = await wallet.receive((await offer(issued.id)).body.offerUri, {
      configurationId: 'OpenBadgeCredential_jwt_vc_json',
      useJwkHeader: true,
    });
    expect(answer.status).toBe(200);
    const jwt = answer.body.credentials[0].credential as string;
    const payload = decodeJwt(jwt) as {
      credentialSubject?: { id?: string };
      vc?: { credentialSubject?: { id?: string } };
    };
    expect((payload.credentialSubject ?? payload.vc?.credentialSubject)?.id).toBe(wallet.key.didJwk);
    expect((await verify(jwt)).verified).toBe(true);
    const copyId = (payload as { id?: string }).id?.split('/').pop() ?? '';
    expect(await test.storage.transparencyLog.leafOfCredential({ credentialId: copyId })).not.toBeNull();
  });

  it('makes one copy per wallet key, even for two requests at once (one in each format)', async () => {
    const issued = await issue('twice@example.org');
    const wallet = new ScriptedWallet(test, await walletKey());
    const fetched = await wallet.fetchOffer((await offer(issued.id)).body.offerUri);
    const token = await wallet.token(fetched.body.grants[GRANT]['pre-authorized_code']);
    const ask = async (configuration: string) =>
      wallet.credential(token.body.access_token, {
        credential_configuration_id: configuration,
        proofs: { jwt: [await keyProof(wallet.key, { audience: PUBLIC_URL, nonce: await wallet.nonce() })] },
      });
    const [ldp, jwt] = await Promise.all([
      ask('OpenBadgeCredential_ldp_vc'),
      ask('OpenBadgeCredential_jwt_vc_json'),
    ]);
    expect(ldp.status).toBe(200);
    expect(jwt.status).toBe(200);
    const ldpId = (ldp.body.credentials[0].credential as { id: string }).id;
    const jwtPayload = decodeJwt(jwt.body.credentials[0].credential as string) as { id?: string };
    expect(jwtPayload.id).toBe(ldpId);
    // Copies are not listed among the issuer's credentials: they are found under their original.
    const copies = await test.platform.credentials.walletCopies({ kind: 'admin' }, issued.id);
    expect(copies.map((copy) => [copy.credentialId, copy.holderDid])).toEqual([
      [ldpId.split('/').pop(), wallet.key.didKey],
    ]);
  });

  it('forgets offers and nonces past use, and keeps live ones and every copy', async () => {
    const issued = await issue('forget@example.org');
    const wallet = new ScriptedWallet(test, await walletKey());
    const { answer } = await wallet.receive((await offer(issued.id)).body.offerUri);
    const copyId = (answer.body.credentials[0].credential as { id: string }).id.split('/').pop() ?? '';
    await wallet.nonce();
    clockOffsetMs = 20 * MINUTE;
    let live: string;
    try {
      live = (await offer(issued.id)).body.offerUri;
      expect(await test.platform.wallet.forgetExpired()).toBeGreaterThan(0);
    } finally {
      clockOffsetMs = 0;
    }
    expect((await wallet.fetchOffer(live)).status).toBe(200);
    expect(await test.storage.credentials.findById({ id: copyId })).not.toBeNull();
    expect(await test.storage.wallet.findOriginal({ credentialId: copyId })).toBe(issued.id);
  });

  it('refuses a reused, an expired, and an unknown pre-authorized code with invalid_grant', async () => {
    const issued = await issue('codes@example.org');
    const wallet = new ScriptedWallet(test, await walletKey());
    const unknown = await wallet.token('no-such-code');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('invalid_grant');
    const fetched = await wallet.fetchOffer((await offer(issued.id)).body.offerUri);
    const code = fetched.body.grants[GRANT]['pre-authorized_code'];
    clockOffsetMs = 11 * MINUTE;
    try {
      const expired = await wallet.token(code);
      expect(expired.status).toBe(400);
      expect(expired.body.error).toBe('invalid_grant');
    } finally {
      clockOffsetMs = 0;
    }
    const wrongGrant = await test.call('/openid4vci/token', {
      body: new URLSearchParams({ grant_type: 'authorization_code', code }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongGrant.body.error).toBe('unsupported_grant_type');
  });

  it('mails a transaction code when asked: missing is invalid_request, wrong is invalid_grant, three wrong kill the code', async () => {
    const email = 'txcode@example.org';
    const issued = await issue(email);
    // The code goes to the address the credential was issued to, which some account must have verified.
    const refused = await offer(issued.id, { txCode: true });
    expect(refused.status).toBe(409);
    await verifiedEarner(test, email);
    const created = await offer(issued.id, { txCode: true });
    expect(created.status).toBe(201);
    expect(created.body.txCode).toBe(true);
    const mail = (await test.platform.mail.list()).find((item) => item.toAddress === email);
    const mailed = /(\d{6})/.exec(mail?.textBody ?? '')?.[1];
    expect(mailed).toMatch(/^\d{6}$/);

    const wallet = new ScriptedWallet(test, await walletKey());
    const fetched = await wallet.fetchOffer(created.body.offerUri);
    expect(fetched.body.grants[GRANT].tx_code).toMatchObject({ input_mode: 'numeric', length: 6 });
    const code = fetched.body.grants[GRANT]['pre-authorized_code'];
    const missing = await wallet.token(code);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_request');
    const wrong = await wallet.token(code, mailed === '000000' ? '000001' : '000000');
    expect(wrong.body.error).toBe('invalid_grant');
    const right = await wallet.receive(created.body.offerUri, { txCode: mailed ?? '' });
    expect(right.answer.status).toBe(200);

    const guessed = await offer(issued.id, { txCode: true });
    const guessedMail = (await test.platform.mail.list()).find((item) => item.toAddress === email);
    const secondCode = /(\d{6})/.exec(guessedMail?.textBody ?? '')?.[1] ?? '';
    const guessedCode = (await wallet.fetchOffer(guessed.body.offerUri)).body.grants[GRANT][
      'pre-authorized_code'
    ];
    const wrongCode = secondCode === '123456' ? '654321' : '123456';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await wallet.token(guessedCode, wrongCode)).body.error).toBe('invalid_grant');
    }
    expect((await wallet.token(guessedCode, secondCode)).body.error).toBe('invalid_grant');
  });

  it('refuses proofs with a wrong typ or aud (invalid_proof) and stale, reused or unknown nonces (invalid_nonce)', async () => {
    const issued = await issue('proofs@example.org');
    const wallet = new ScriptedWallet(test, await walletKey());
    const fetched = await wallet.fetchOffer((await offer(issued.id)).body.offerUri);
    const token = await wallet.token(fetched.body.grants[GRANT]['pre-authorized_code']);
    expect(token.status).toBe(200);
    expect(token.headers.get('cache-control')).toBe('no-store');
    const accessToken = token.body.access_token as string;
    const request = (jwt: string, configuration = 'OpenBadgeCredential_ldp_vc') => ({
      credential_configuration_id: configuration,
      proofs: { jwt: [jwt] },
    });
    const ask = async (jwt: string, configuration?: string) =>
      wallet.credential(accessToken, request(jwt, configuration));

    const nonceAnswer = await test.call('/openid4vci/nonce', { method: 'POST' });
    expect(nonceAnswer.headers.get('cache-control')).toBe('no-store');

    const wrongTyp = await ask(
      await keyProof(wallet.key, {
        audience: PUBLIC_URL,
        nonce: await wallet.nonce(),
        header: { typ: 'JWT' },
      }),
    );
    expect(wrongTyp.status).toBe(400);
    expect(wrongTyp.body.error).toBe('invalid_proof');
    const wrongAud = await ask(
      await keyProof(wallet.key, { audience: 'https://evil.example', nonce: await wallet.nonce() }),
    );
    expect(wrongAud.body.error).toBe('invalid_proof');
    const noNonce = await ask(await keyProof(wallet.key, { audience: PUBLIC_URL, nonce: undefined }));
    expect(noNonce.body.error).toBe('invalid_proof');
    const unknownNonce = await ask(await keyProof(wallet.key, { audience: PUBLIC_URL, nonce: 'made-up' }));
    expect(unknownNonce.body.error).toBe('invalid_nonce');

    const unknownConfiguration = await ask(
      await keyProof(wallet.key, { audience: PUBLIC_URL, nonce: await wallet.nonce() }),
      'Diploma_mso_mdoc',
    );
    expect(unknownConfiguration.body.error).toBe('unknown_credential_configuration');

    const nonce = await wallet.nonce();
    const good = await ask(await keyProof(wallet.key, { audience: PUBLIC_URL, nonce }));
    expect(good.status).toBe(200);
    const replayed = await ask(await keyProof(wallet.key, { audience: PUBLIC_URL, nonce }));
    expect(replayed.status).toBe(400);
    expect(replayed.body.error).toBe('invalid_nonce');

    const noToken = await wallet.credential(undefined, request('x'));
    expect(noToken.status).toBe(401);
    expect(noToken.body.error).toBe('invalid_token');
    expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('refuses a nonce that expired, with invalid_nonce', async () => {
    const issued = await issue('stale@example.org');
    const wallet = new ScriptedWallet(test, await walletKey());
    const fetched = await wallet.fetchOffer((await offer(issued.id)).body.offerUri);
    const stale = await wallet.nonce();
    clockOffsetMs = 5 * MINUTE + 1000;
    try {
      // The access token is taken after the shift, so it is live; the nonce is not.
      const token = await wallet.token(fetched.body.grants[GRANT]['pre-authorized_code']);
      expect(token.status).toBe(200);
      const proof = await keyProof(wallet.key, {
        audience: PUBLIC_URL,
        nonce: stale,
        claims: { iat: Math.floor((Date.now() + clockOffsetMs) / 1000) },
      });
      const answer = await wallet.credential(token.body.access_token, {
        credential_configuration_id: 'OpenBadgeCredential_ldp_vc',
        proofs: { jwt: [proof] },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_nonce');
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('lets the earner ask with their session, and no other earner, nor anyone unauthenticated', async () => {
    const email = 'owner@example.org';
    const issued = await issue(email);
    const owner = await verifiedEarner(test, email);
    const other = await verifiedEarner(test, 'someone-else@example.org');
    const asOwner = await test.call(`/api/v1/credentials/${issued.id}/offers`, {
      json: {},
      headers: { Cookie: owner.cookie },
    });
    expect(asOwner.status).toBe(201);
    const asOther = await test.call(`/api/v1/credentials/${issued.id}/offers`, {
      json: {},
      headers: { Cookie: other.cookie },
    });
    expect(asOther.status).toBe(404);
    const anonymous = await test.call(`/api/v1/credentials/${issued.id}/offers`, { json: {} });
    expect(anonymous.status).toBe(401);
    // Another issuer's key cannot offer this issuer's credential.
    const otherIssuer = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'other-academy', name: 'Other Academy', url: 'https://other.example' },
    });
    const key = await test.call(`/api/v1/issuers/${otherIssuer.body.id}/api-keys`, {
      token: ADMIN_TOKEN,
      json: { name: 'ci', role: 'issuer' },
    });
    expect(key.status).toBe(201);
    expect((await offer(issued.id, {}, key.body.token)).status).toBe(404);
  });

  it('shows a holder-bound copy to whoever may see the original, and hides it when the earner made it private', async () => {
    const email = 'private@example.org';
    const issued = await issue(email);
    const owner = await verifiedEarner(test, email);
    await test.platform.earners.choose(owner.earner.id, issued.id, {
      choice: 'accepted',
      visibility: 'public',
    });
    const wallet = new ScriptedWallet(test, await walletKey());
    const copy = (await wallet.receive((await offer(issued.id)).body.offerUri)).answer.body.credentials[0]
      .credential as { id: string };
    const copyPath = ScriptedWallet.pathOf(copy.id);
    const json = { Accept: 'application/json' };
    expect((await test.call(copyPath, { headers: json })).status).toBe(200);
    await test.platform.earners.choose(owner.earner.id, issued.id, { visibility: 'private' });
    expect((await test.call(copyPath, { headers: json })).status).toBe(404);
    expect((await test.call(copyPath, { headers: { ...json, Cookie: owner.cookie } })).status).toBe(200);
    // A copy is the same earner's credential again: it does not count as one more earner.
    await test.platform.earners.choose(owner.earner.id, issued.id, { visibility: 'public' });
    const counted = await test.platform.achievements.countEarners([achievementId]);
    const before = counted.get(achievementId);
    await wallet.receive((await offer(issued.id)).body.offerUri);
    const other = new ScriptedWallet(test, await walletKey());
    await other.receive((await offer(issued.id)).body.offerUri);
    expect((await test.platform.achievements.countEarners([achievementId])).get(achievementId)).toBe(before);
  });

  it('revokes every holder-bound copy with the original, and refuses to deliver a revoked credential', async () => {
    const issued = await issue('revoked@example.org');
    const first = new ScriptedWallet(test, await walletKey());
    const copy = (await first.receive((await offer(issued.id)).body.offerUri)).answer.body.credentials[0]
      .credential;
    expect((await verify(copy)).verified).toBe(true);
    // A second wallet holds a token from before the revocation.
    const late = new ScriptedWallet(test, await walletKey());
    const lateOffer = await late.fetchOffer((await offer(issued.id)).body.offerUri);
    const lateToken = await late.token(lateOffer.body.grants[GRANT]['pre-authorized_code']);

    const revoked = await test.call(`/api/v1/credentials/${issued.id}/revoke`, {
      token: ADMIN_TOKEN,
      json: { reason: 'issued in error' },
    });
    expect(revoked.status).toBe(200);
    const afterwards = await verify(copy);
    expect(afterwards.verified).toBe(false);
    expect(afterwards.checks).toContainEqual(
      expect.objectContaining({ id: 'status', ok: false, code: 'REVOKED' }),
    );

    expect((await offer(issued.id)).status).toBe(409);
    const denied = await late.credential(lateToken.body.access_token, {
      credential_configuration_id: 'OpenBadgeCredential_ldp_vc',
      proofs: { jwt: [await keyProof(late.key, { audience: PUBLIC_URL, nonce: await late.nonce() })] },
    });
    expect(denied.status).toBe(400);
    expect(denied.body.error).toBe('credential_request_denied');
  });

  it('suspends and reinstates the holder-bound copies with the original', async () => {
    const suspendable = await test.call('/api/v1/achievements', {
      token: ADMIN_TOKEN,
      json: {
        issuerId: issuer.id,
        name: 'Site Access',
        description: 'May enter the site.',
        criteria: { narrative: 'Pass the induction.' },
        suspendable: true,
      },
    });
    const issued = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId: suspendable.body.id, recipient: { email: 'suspended@example.org' } },
    });
    const wallet = new ScriptedWallet(test, await walletKey());
    const copy = (await wallet.receive((await offer(issued.body.id)).body.offerUri)).answer.body
      .credentials[0].credential as { credentialStatus: { statusPurpose: string } };
    expect(copy.credentialStatus.statusPurpose).toBe('suspension');
    expect((await verify(copy)).verified).toBe(true);
    const suspended = await test.call(`/api/v1/credentials/${issued.body.id}/suspend`, {
      token: ADMIN_TOKEN,
      json: { reason: 'under review' },
    });
    expect(suspended.status).toBe(200);
    const whileSuspended = await verify(copy);
    expect(whileSuspended.checks).toContainEqual(
      expect.objectContaining({ id: 'status', ok: false, code: 'SUSPENDED' }),
    );
    expect((await offer(issued.body.id)).status).toBe(409);
    await test.call(`/api/v1/credentials/${issued.body.id}/reinstate`, { token: ADMIN_TOKEN, json: {} });
    expect((await verify(copy)).verified).toBe(true);
  });
});
