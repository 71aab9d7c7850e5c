import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEd25519Signature2020Holder } from '../../../vc/test/support/ed25519-signature-2020-holder.js';
import { createReferenceSigner, verifyWithReferenceStack } from '../../../vc/test/support/reference-stack.js';
import { ScriptedWallet } from '../../test/support/scripted-wallet.js';
import { eventsSettled } from '../../test/support/settled-events.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { PUBLIC_URL } from '../../test/support/test-platform.js';
import { verifiedEarner } from '../../test/support/verified-earner.js';
import { testDrivers } from '../db/open-test-database.js';

const MINUTE = 60_000;
let seedByte = 1;

/**
 * What the Learner Credential Wallet does with a deep link `request.html?…&challenge=…&vc_request_url=…`:
 * it signs a DID authentication over the challenge with its did:key (here with the reference stack:
 * eddsa-rdfc-2022, or Ed25519Signature2020 as LCW's own signer does today) and posts
 * `{"verifiablePresentation": …}` to `vc_request_url`.
 */
async function learnerCredentialWallet(
  test: TestApp,
  deepLink: string,
  options: { challenge?: string; suite?: 'eddsa-rdfc-2022' | 'Ed25519Signature2020' } = {},
) {
  const link = new URL(deepLink);
  expect(`${link.origin}${link.pathname}`).toBe('https://lcw.app/request.html');
  expect(link.searchParams.get('auth_type')).toBe('bearer');
  expect(link.searchParams.get('issuer')).toBe(PUBLIC_URL);
  const seed = new Uint8Array(32).fill(seedByte++);
  const holder =
    options.suite === 'Ed25519Signature2020'
      ? await createEd25519Signature2020Holder(seed)
      : await createReferenceSigner(seed);
  const presentation = await holder.authenticate({
    challenge: options.challenge ?? link.searchParams.get('challenge') ?? '',
  });
  const answer = await test.call(ScriptedWallet.pathOf(link.searchParams.get('vc_request_url') ?? ''), {
    json: { verifiablePresentation: presentation },
  });
  return { holder, answer };
}

describe.each(testDrivers())('VC-API exchange, as the Learner Credential Wallet does it, on %s', (driver) => {
  let test: TestApp;
  let clockOffsetMs = 0;
  let achievementId: string;
  let issuer: { id: string; slug: string; did: string };

  beforeAll(async () => {
    test = await openTestApp(driver, { platform: { now: () => new Date(Date.now() + clockOffsetMs) } });
    issuer = (
      await test.call('/api/v1/issuers', {
        token: ADMIN_TOKEN,
        json: { slug: 'lcw-college', name: 'LCW College', url: 'https://college.example' },
      })
    ).body;
    achievementId = (
      await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: {
          issuerId: issuer.id,
          name: 'Wallet Keeper',
          description: 'Keeps credentials in a wallet.',
          criteria: { narrative: 'Add one credential to a wallet.' },
        },
      })
    ).body.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  /** A credential issued to `email`, and the account that verified that address. */
  async function earnedCredential(email: string) {
    const issued = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId, recipient: { email } },
    });
    const { earner } = await verifiedEarner(test, email);
    return {
      credential: issued.body as { id: string; credential: Record<string, unknown> },
      earnerId: earner.id,
    };
  }

  it('delivers a copy bound to the wallet’s DID when the earner asks, verified by the reference stack', async () => {
    const { credential, earnerId } = await earnedCredential('bound@example.org');
    const exchange = await test.platform.wallet.createExchange(earnerId, credential.id, {
      bindToHolder: true,
    });
    const { holder, answer } = await learnerCredentialWallet(test, exchange.lcwDeepLink);
    expect(answer.status).toBe(200);
    const [delivered] = answer.body.verifiablePresentation.verifiableCredential as Record<string, unknown>[];
    expect(delivered?.credentialSubject).toMatchObject({ id: holder.did });
    expect(delivered?.id).not.toBe(credential.credential.id);
    const verified = await test.call('/credentials/verify', { json: { verifiableCredential: delivered } });
    expect(verified.body.verified).toBe(true);
    const didDocument = await test.call(`/issuers/${issuer.slug}/did.json`);
    const reference = await verifyWithReferenceStack(
      delivered ?? {},
      new Date(),
      new Map([[issuer.did, didDocument.body as Record<string, unknown>]]),
    );
    expect(reference.verified).toBe(true);
    // The challenge is single-use: the same wallet, or anyone who saw the link, gets nothing more.
    const again = await learnerCredentialWallet(test, exchange.lcwDeepLink);
    expect(again.answer.status).toBe(404);
  });

  it('delivers a copy bound to the DID of a wallet authenticating with Ed25519Signature2020, as LCW does today', async () => {
    const { credential, earnerId } = await earnedCredential('lcw-2020@example.org');
    const exchange = await test.platform.wallet.createExchange(earnerId, credential.id, {
      bindToHolder: true,
    });
    const { holder, answer } = await learnerCredentialWallet(test, exchange.lcwDeepLink, {
      suite: 'Ed25519Signature2020',
    });
    expect(answer.status).toBe(200);
    const [delivered] = answer.body.verifiablePresentation.verifiableCredential as Record<string, unknown>[];
    expect(delivered?.credentialSubject).toMatchObject({ id: holder.did });
    const verified = await test.call('/credentials/verify', { json: { verifiableCredential: delivered } });
    expect(verified.body.verified).toBe(true);
    // The issuer hears of the copy, through the VC API, as an event about the original (once it settled).
    await eventsSettled(test);
    const feed = await test.call('/api/v1/events?type=credential.wallet_copied', { token: ADMIN_TOKEN });
    expect(feed.body.events).toContainEqual(
      expect.objectContaining({
        data: expect.objectContaining({ credentialId: credential.id, holderDid: holder.did, via: 'vc-api' }),
      }),
    );
    // Signed over another challenge by the same kind of wallet: refused, and the exchange is still open.
    const other = await test.platform.wallet.createExchange(earnerId, credential.id, { bindToHolder: true });
    const wrong = await learnerCredentialWallet(test, other.lcwDeepLink, {
      suite: 'Ed25519Signature2020',
      challenge: 'not-the-challenge',
    });
    expect(wrong.answer.status).toBe(400);
    expect(
      (await learnerCredentialWallet(test, other.lcwDeepLink, { suite: 'Ed25519Signature2020' })).answer
        .status,
    ).toBe(200);
  });

  it('delivers the credential as issued when the earner did not ask for binding', async () => {
    const { credential, earnerId } = await earnedCredential('unbound@example.org');
    const exchange = await test.platform.wallet.createExchange(earnerId, credential.id, {});
    const { answer } = await learnerCredentialWallet(test, exchange.lcwDeepLink);
    expect(answer.status).toBe(200);
    expect(answer.body.verifiablePresentation.verifiableCredential).toEqual([credential.credential]);
  });

  it('answers the VCALM interaction URL with the vcapi exchange, which delivers at once on {} (no DID auth first)', async () => {
    const { credential, earnerId } = await earnedCredential('vcalm@example.org');
    const exchange = await test.platform.wallet.createExchange(earnerId, credential.id, {});
    expect(exchange.interactionUrl).toMatch(/\/interactions\/[0-9a-f-]{36}\?iuv=1$/);
    const interaction = await test.call(ScriptedWallet.pathOf(exchange.interactionUrl));
    expect(interaction.status).toBe(200);
    expect(interaction.body).toEqual({ protocols: { vcapi: exchange.exchangeUrl } });
    const started = await test.call(ScriptedWallet.pathOf(interaction.body.protocols.vcapi), { json: {} });
    expect(started.status).toBe(200);
    expect(started.body.verifiablePresentationRequest).toBeUndefined();
    expect(started.body.verifiablePresentation.verifiableCredential).toEqual([credential.credential]);
    expect((await test.call(ScriptedWallet.pathOf(exchange.interactionUrl))).status).toBe(404);
  });

  it('refuses a presentation over another challenge, an expired exchange, and an exchange for another earner', async () => {
    const { credential, earnerId } = await earnedCredential('refused@example.org');
    const exchange = await test.platform.wallet.createExchange(earnerId, credential.id, {
      bindToHolder: true,
    });
    const wrong = await learnerCredentialWallet(test, exchange.lcwDeepLink, {
      challenge: 'not-the-challenge',
    });
    expect(wrong.answer.status).toBe(400);
    // The refusal did not use the exchange up: the right presentation still works.
    expect((await learnerCredentialWallet(test, exchange.lcwDeepLink)).answer.status).toBe(200);

    const later = await test.platform.wallet.createExchange(earnerId, credential.id, {});
    clockOffsetMs = 11 * MINUTE;
    try {
      expect((await learnerCredentialWallet(test, later.lcwDeepLink)).answer.status).toBe(404);
    } finally {
      clockOffsetMs = 0;
    }
    const stranger = await earnedCredential('stranger@example.org');
    await expect(
      test.platform.wallet.createExchange(stranger.earnerId, credential.id, {}),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // A bound copy was asked for: `{}` is answered with a DID authentication request, never the unbound one.
    const bound = await test.platform.wallet.createExchange(earnerId, credential.id, { bindToHolder: true });
    const asked = await test.call(ScriptedWallet.pathOf(bound.exchangeUrl), { json: {} });
    expect(asked.status).toBe(200);
    expect(asked.body.verifiablePresentation).toBeUndefined();
    expect(asked.body.verifiablePresentationRequest).toMatchObject({
      query: [{ type: 'DIDAuthentication' }],
      challenge: new URL(bound.lcwDeepLink).searchParams.get('challenge'),
    });
    expect((await learnerCredentialWallet(test, bound.lcwDeepLink)).answer.status).toBe(200);
    const garbage = await test.call(ScriptedWallet.pathOf(later.exchangeUrl), { json: { hello: 'world' } });
    expect(garbage.status).toBe(400);
  });
});
