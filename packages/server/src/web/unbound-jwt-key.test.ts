import '@hono/zod-openapi';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import {
  buildAchievement,
  buildAchievementCredential,
  buildProfile,
  didKeyFromPublicKey,
  generateEd25519KeyPair,
  signEd25519,
} from '@microcred/vc';
import { base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';

const HTML = { Accept: 'text/html' };
// The forms' anti-CSRF token is a double-submit cookie: any well-formed value sent both ways passes.
const CSRF = randomBytes(32).toString('base64url');
const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

function badge(issuerId: string): Record<string, unknown> {
  return buildAchievementCredential({
    id: `urn:uuid:${crypto.randomUUID()}`,
    issuer: buildProfile({ id: issuerId, name: 'Forged University' }),
    achievement: buildAchievement({
      id: 'https://badges.example.edu/achievements/forged',
      name: 'Doctor of Medicine',
      description: 'Anyone could have signed this.',
      criteria: { narrative: 'None.' },
    }),
    recipient: { id: 'did:example:learner1' },
    validFrom: '2026-01-01T00:00:00Z',
  }) as unknown as Record<string, unknown>;
}

/** A VC-JWT with no kid and the attacker's own Ed25519 key in its jwk header, signed by that attacker. */
function forgeJwt(issuerId: string): string {
  const attacker = generateKeyPairSync('ed25519');
  const header = { alg: 'EdDSA', typ: 'JWT', jwk: attacker.publicKey.export({ format: 'jwk' }) };
  const input = `${encode(header)}.${encode(badge(issuerId))}`;
  return `${input}.${base64url.encode(sign(null, Buffer.from(input), attacker.privateKey))}`;
}

/** A VC-JWT whose jwk header is the issuer's own did:key: the key its DID document lists. */
function legitJwt(): string {
  const secretKey = randomBytes(32);
  const { publicKey } = generateEd25519KeyPair(secretKey);
  const header = { alg: 'EdDSA', jwk: { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(publicKey) } };
  const input = `${encode(header)}.${encode(badge(didKeyFromPublicKey(publicKey)))}`;
  return `${input}.${base64url.encode(signEd25519(secretKey, Buffer.from(input)))}`;
}

/**
 * Item 1 of the security issue, end to end: a VC-JWT whose only key is the one in its own header proves
 * nothing about its author, so no surface (VC API, /verify page, account import) may call it verified;
 * in the 1edtech compatibility mode it verifies, but every surface says authorship is unproven.
 */
describe.each(testDrivers())('a VC-JWT signed with a key from its own jwk header, on %s', (driver) => {
  for (const compat of ['strict', '1edtech'] as const) {
    describe(`VERIFIER_COMPAT=${compat}`, () => {
      let test: TestApp;
      let session: string;
      let earnerId: string;
      let ownDid: string;

      async function post(path: string, fields: Record<string, string>, cookies = '') {
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

      beforeAll(async () => {
        test = await openTestApp(driver, {
          web: { secureCookies: true, devMailbox: false },
          platform: { verifier: { compat } },
        });
        const { issuer } = await seedIssuer(test.platform);
        ownDid = (await test.platform.issuers.get(ADMIN, issuer.id)).did;
        await test.platform.earners.requestSignIn({ email: 'holder@example.org', locale: 'en' });
        const mail = (await test.platform.mail.list()).find(
          (item) => item.toAddress === 'holder@example.org',
        );
        const secret = /\/signin\/([A-Za-z0-9_-]{43})/.exec(mail?.textBody ?? '')?.[1] ?? '';
        earnerId = await test.platform.earners.signInWithLink({ secret, locale: 'en' });
        session = await test.platform.earners.startSession(earnerId);
      });
      afterAll(async () => {
        await test?.close();
      });

      it('POST /credentials/verify: forged for this platform’s own did:web issuer and for a did:key', async () => {
        expect(ownDid).toMatch(/^did:web:/);
        for (const issuerId of [ownDid, didKeyFromPublicKey(generateEd25519KeyPair().publicKey)]) {
          const result = await test.call('/credentials/verify', {
            json: { verifiableCredential: forgeJwt(issuerId) },
          });
          expect(result.status).toBe(200);
          const controller = result.body.checks.find(
            (check: { id: string }) => check.id === 'jwt.key-controller',
          );
          if (compat === 'strict') {
            expect(result.body.verified).toBe(false);
            expect(result.body.authorship).toBeUndefined();
            expect(controller).toMatchObject({ ok: false, code: 'UNBOUND_KEY' });
            expect(result.body.errors).toContainEqual(
              expect.objectContaining({
                code: 'UNBOUND_KEY',
                type: 'https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR',
              }),
            );
          } else {
            expect(result.body.verified).toBe(true);
            expect(result.body.authorship).toBe('unproven');
            expect(result.body.authorshipReason).toMatch(/jwk header/);
            expect(controller).toMatchObject({ ok: true, warning: true });
            expect(result.body.warnings.map((warning: { title: string }) => warning.title)).toContain(
              'authorship',
            );
          }
        }
      });

      it('POST /credentials/verify verifies a jwk header that is the key the issuer’s DID document lists', async () => {
        const result = await test.call('/credentials/verify', { json: { verifiableCredential: legitJwt() } });
        expect(result.body.verified).toBe(true);
        expect(result.body.authorship).toBeUndefined();
        const page = await post('/verify', { text: legitJwt() });
        expect(page.text).toContain('data-verdict="verified"');
      });

      it('the /verify page never says Verified', async () => {
        const page = await post('/verify', { text: forgeJwt(ownDid) });
        expect(page.status).toBe(200);
        expect(page.text).not.toContain('data-verdict="verified"');
        expect(page.text).not.toContain('data-standing="verified"');
        if (compat === 'strict') {
          expect(page.text).toContain('data-verdict="unverified"');
          expect(page.text).toContain('UNBOUND_KEY');
        } else {
          expect(page.text).toContain('data-verdict="unproven"');
          expect(page.text).toContain('Signature valid — authorship unproven (compatibility mode)');
        }
        const french = await post('/verify?lang=fr', { text: forgeJwt(ownDid) });
        if (compat === '1edtech') expect(french.text).toContain('auteur non prouvé');
      });

      it('account import keeps it private and not shareable, and its page never says Verified', async () => {
        const imported = await post(
          '/account/imports',
          { text: forgeJwt(ownDid) },
          `; mc_session=${session}`,
        );
        expect(imported.status).toBe(303);
        const id = imported.location?.replace('/imported/', '') ?? '';
        const item = (await test.platform.earners.portfolio(earnerId)).find(
          (entry) => entry.kind === 'imported' && entry.imported.id === id,
        );
        expect(item).toMatchObject({
          visibility: 'private',
          standing: compat === 'strict' ? 'unverified' : 'unproven',
        });
        expect(item?.kind === 'imported' ? item.imported.verified : undefined).toBe(false);

        const share = await post(
          `/account/imports/${id}`,
          { visibility: 'public' },
          `; mc_session=${session}`,
        );
        expect(share.status).toBe(400);
        const page = await test.app.request(`/imported/${id}`, {
          headers: { ...HTML, Cookie: `mc_session=${session}` },
        });
        const text = await page.text();
        expect(text).not.toContain('data-verdict="verified"');
        expect(text).not.toContain('>Make public<');
        expect(text).toContain(
          compat === 'strict' ? 'This credential did not verify' : 'Nothing shows who signed this credential',
        );
        // Still private: a stranger gets 404.
        expect((await test.app.request(`/imported/${id}`, { headers: HTML })).status).toBe(404);
      });
    });
  }
});
