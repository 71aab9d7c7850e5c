/**
 * /work/shared/ADVERSARIAL.md, issuer API rows (I1–I12), over HTTP in process on a real database: every bad
 * input no other test covered. Inputs already covered are listed here and not repeated.
 *
 * | Row | Bad input | Covered by |
 * |-----|-----------|------------|
 * | I1  | no `credential`, no `@context`, `@context: "force_error"` | http/bad-input.test.ts "refuses %s with a 400 naming the field" (I1 cases) |
 * | I2  | base context not first | bad-input.test.ts (I2 case) |
 * | I2  | base context missing | here |
 * | I3  | non-URL id, no type, unmapped type, non-URL issuer, evidence without type | bad-input.test.ts (I3 cases) |
 * | I3  | several ids | here |
 * | I4  | unsupported `options.proofPurpose`, unknown `options.assertionMethod` | bad-input.test.ts (I4 cases) |
 * | I5  | REST body naming another issuer; VC API template issuer of another tenant | bad-input.test.ts "answers 404 for another issuer's achievement, 403 for a body naming another issuer…", "answers 403 when the template's issuer is another issuer (I5)…"; domain/platform.test.ts "enforces who may do what…" |
 * | I5  | another tenant's key id as `options.assertionMethod` | here |
 * | I6  | script / javascript: / raw HTML in Markdown, hostile SVG | edge/render-markdown.test.ts, domain/image/sanitize-svg.test.ts, web/shared/pathway-diagram/render-pathway-diagram.test.ts, issuing-flow.test.ts (uploaded SVG under CSP) |
 * | I6  | the same in a credential and an achievement: stored as sent, rendered inert | here |
 * | I7  | achievement or issuer image URL to 169.254.169.254 (or any non-https, non-public host): refused when saved, VALIDATION_ERROR on image.id | http/routes/public-document-routes.test.ts "refuses the image URL %s…"; domain/image/is-public-https-url.test.ts, prepare-image.test.ts |
 * | I7  | such a URL stored before the rule: never fetched nor redirected to, the default badge is served | public-document-routes.test.ts "redirects to a public https image and to nothing else stored before the rule"; domain/image/prepare-image.test.ts "links to a public https URL and to nothing else" |
 * | I7  | non-http(s) evidence URL in bulk rows | domain/bulk/parse-recipient-rows.test.ts |
 * | I7  | evidence URLs to internal hosts (stored, never fetched), non-http(s) evidence URLs (REST and VC API) | here |
 * | I8  | pre-hashed email with an empty salt | bad-input.test.ts "a pre-hashed email (I8)" |
 * | I8  | plaintext email: hashed here with a fresh salt; short salt | here |
 * | I9  | one idempotency key twice at once | issuing-flow.test.ts "replays an idempotent issue…"; domain/platform.test.ts; db/pg-storage.contract.test.ts "writes one row when concurrent requests share an idempotency key" (the log leaf: no log yet) |
 * | I10 | crash after signing, before storing | here (no transparency log yet: "before log sequencing" is "before the credential is stored") |
 * | I11 | revoke again, same or another reason (storage) | db/pg-storage.contract.test.ts "revokes once; again with the same reason is a no-op, with another a conflict" |
 * | I11 | list exhausted: a new list, no index reused | db/pg-storage.contract.test.ts "moves on to a new list when one is full, never reusing an entry"; db/permuted-status-indexes.test.ts |
 * | I11 | revoke twice, unrevoke, revoke an unknown credential (HTTP) | here |
 * | I12 | another tenant's credential, issuer, achievement | http/authorization.test.ts (every route: another issuer's key gets 404) |
 * | I12 | ids unguessable; another tenant's credential, achievement or bulk job answers the very same 404 problem as a missing one | here |
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_TOKEN, type CallResult, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { PUBLIC_URL } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import { type CredentialSigner, inProcessSigner } from '../domain/credential/credential-signer.js';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const HTML = { Accept: 'text/html' };

function expectProblem(response: CallResult, status: number, code: string) {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
}

/** In-process signing that, when armed, signs for real and then dies before the credential is stored. */
function crashingSigner() {
  const state = { armed: false, signed: 0 };
  const signer: CredentialSigner = {
    async sign(request) {
      const signed = await inProcessSigner.sign(request);
      state.signed += 1;
      if (state.armed) {
        state.armed = false;
        throw new Error('the process died after signing');
      }
      return signed;
    },
    signMany: (requests) => inProcessSigner.signMany(requests),
  };
  return { signer, state };
}

describe.each(testDrivers())('adversarial issuance over HTTP on %s', (driver) => {
  let test: TestApp;
  let mine: { id: string; did: string; slug: string };
  let theirs: { id: string; did: string };
  let achievementId: string;
  let achievementUrl: string;
  let issuerToken: string;
  let otherToken: string;
  const crash = crashingSigner();

  const issue = (json: unknown, token = issuerToken) => test.call('/api/v1/credentials', { token, json });
  const vcIssue = (json: unknown) => test.call('/credentials/issue', { token: issuerToken, json });
  const template = (credential: Record<string, unknown> = {}) => ({
    '@context': [V2, OB],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    credentialSubject: { id: 'did:example:adversarial', achievement: { id: achievementUrl } },
    ...credential,
  });
  const issuedFor = async (id: string) =>
    (await test.call(`/api/v1/credentials?achievementId=${id}`, { token: ADMIN_TOKEN })).body as unknown[];
  const errorPaths = (response: CallResult) =>
    (response.body.errors as { path: string }[]).map((error) => error.path);

  beforeAll(async () => {
    test = await openTestApp(driver, {
      web: { secureCookies: true, devMailbox: false },
      platform: { signer: crash.signer },
    });
    const createIssuer = async (slug: string) =>
      (await test.call('/api/v1/issuers', { token: ADMIN_TOKEN, json: { slug, name: slug } })).body;
    const keyFor = async (issuerId: string) =>
      (
        await test.call(`/api/v1/issuers/${issuerId}/api-keys`, {
          token: ADMIN_TOKEN,
          json: { name: 'lms', role: 'issuer' },
        })
      ).body.token as string;
    mine = await createIssuer('adversarial-mine');
    theirs = await createIssuer('adversarial-theirs');
    const achievement = (
      await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: { issuerId: mine.id, name: 'Welding', description: 'Welds.', criteria: { narrative: 'Weld.' } },
      })
    ).body;
    achievementId = achievement.id;
    achievementUrl = achievement.url;
    issuerToken = await keyFor(mine.id);
    otherToken = await keyFor(theirs.id);
  });
  afterAll(async () => {
    await test?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  describe('I2 base VC context missing', () => {
    it('@context holds only the OB context', async () => {
      const response = await vcIssue({ credential: template({ '@context': [OB] }) });
      expectProblem(response, 400, 'VALIDATION_ERROR');
      expect(errorPaths(response)).toContain('credential.@context');
    });
  });

  describe('I3 several ids', () => {
    it('id is an array of two URLs', async () => {
      const response = await vcIssue({
        credential: template({
          id: ['urn:uuid:1b7f0d2e-0000-4000-8000-000000000001', 'https://a.example/1'],
        }),
      });
      expectProblem(response, 400, 'VALIDATION_ERROR');
      expect(errorPaths(response)).toEqual(['credential.id']);
    });
  });

  describe("I5 another tenant's key", () => {
    it("options.assertionMethod names the other issuer's key", async () => {
      const response = await vcIssue({
        credential: template(),
        options: { assertionMethod: `${theirs.did}#key-1` },
      });
      expectProblem(response, 400, 'VALIDATION_ERROR');
      expect(errorPaths(response)).toEqual(['options.assertionMethod']);
      expect(await issuedFor(achievementId)).toEqual([]);
    });
  });

  describe('I6 markup in names, descriptions and narratives', () => {
    const script = '<script>alert("xss")</script>';
    const link = '[click](javascript:alert(1))';
    const html = '<img src=x onerror="alert(1)"><iframe src="https://evil.example"></iframe>';
    const svg = '<svg onload="alert(1)"><script>alert(2)</script></svg>';

    function expectInert(page: string) {
      expect(page).not.toContain('<script>alert');
      expect(page).not.toMatch(/<img[^>]+onerror|<iframe|<svg onload|href="javascript:/i);
    }

    it('in a credential: stored exactly as sent, shown as text on its page', async () => {
      const issued = await issue({
        achievementId,
        recipient: { did: 'did:example:i6', name: script },
        narrative: `${link}\n\n${html}`,
        evidence: [{ url: 'https://example.org/e', name: svg, description: script, narrative: html }],
      });
      expect(issued.status).toBe(201);
      const credential = issued.body.credential;
      expect(credential.credentialSubject.name).toBe(script);
      expect(credential.credentialSubject.narrative).toBe(`${link}\n\n${html}`);
      expect(credential.evidence[0]).toMatchObject({ name: svg, description: script, narrative: html });
      const page = await test.call(`/credentials/${issued.body.id}`, { headers: HTML });
      expect(page.status).toBe(200);
      expect(page.headers.get('Content-Type')).toContain('text/html');
      expectInert(page.text);
      expect(page.text).toContain('&lt;script&gt;');
    });

    it('in an achievement: stored exactly as sent, shown as text on its page', async () => {
      const created = await test.call('/api/v1/achievements', {
        token: issuerToken,
        json: {
          issuerId: mine.id,
          name: svg,
          description: script,
          criteria: { narrative: `${link}\n\n${html}` },
        },
      });
      expect(created.status).toBe(201);
      const document = await test.call(`/achievements/${created.body.id}`);
      expect(document.body).toMatchObject({
        name: svg,
        description: script,
        criteria: { narrative: `${link}\n\n${html}` },
      });
      const page = await test.call(`/achievements/${created.body.id}`, { headers: HTML });
      expect(page.status).toBe(200);
      expect(page.headers.get('Content-Type')).toContain('text/html');
      expectInert(page.text);
    });
  });

  describe('I7 evidence URLs', () => {
    it('to internal hosts are stored as given and never fetched, not even when verifying or rendering', async () => {
      const fetchSpy = vi.spyOn(globalThis, 'fetch');
      const internal = [
        'http://169.254.169.254/latest/meta-data/iam',
        'http://localhost:5432/',
        'http://10.0.0.1/admin',
      ];
      const issued = await issue({
        achievementId,
        recipient: { did: 'did:example:i7' },
        evidence: internal.map((url) => ({ url, name: 'Portfolio' })),
      });
      expect(issued.status).toBe(201);
      expect(issued.body.credential.evidence.map((item: { id: string }) => item.id)).toEqual(internal);
      const verified = await test.call('/credentials/verify', {
        json: { verifiableCredential: issued.body.credential },
      });
      expect(verified.body.verified).toBe(true);
      expect((await test.call(`/credentials/${issued.body.id}`, { headers: HTML })).status).toBe(200);
      expect(fetchSpy).not.toHaveBeenCalled();
    });

    it.each([
      'file:///etc/passwd',
      'javascript:alert(1)',
      'gopher://169.254.169.254/',
      'data:text/html,<script>alert(1)</script>',
    ])('in another scheme (%s) are refused, over REST and the VC API', async (url) => {
      const rest = await issue({ achievementId, recipient: { did: 'did:example:i7' }, evidence: [{ url }] });
      expectProblem(rest, 400, 'VALIDATION_ERROR');
      expect(errorPaths(rest)).toEqual(['evidence.0.url']);
      const vc = await vcIssue({ credential: template({ evidence: [{ type: ['Evidence'], id: url }] }) });
      expectProblem(vc, 400, 'VALIDATION_ERROR');
      expect(errorPaths(vc)).toEqual(['credential.evidence.0.id']);
    });
  });

  describe('I8 email addresses', () => {
    it('a plaintext address is hashed here with a fresh salt, differently for each credential', async () => {
      const send = () =>
        vcIssue({
          credential: template({
            credentialSubject: {
              achievement: { id: achievementUrl },
              identifier: [
                {
                  type: 'IdentityObject',
                  identityType: 'emailAddress',
                  hashed: false,
                  identityHash: 'i8@example.org',
                },
              ],
            },
          }),
        });
      const identities = [];
      for (const response of [await send(), await send()]) {
        expect(response.status).toBe(201);
        expect(response.text).not.toContain('i8@example.org');
        const [identity] = response.body.verifiableCredential.credentialSubject.identifier;
        expect(identity).toMatchObject({ hashed: true, identityType: 'emailAddress' });
        expect(identity.salt.length).toBeGreaterThanOrEqual(16);
        const digest = createHash('sha256').update(`i8@example.org${identity.salt}`).digest('hex');
        expect(identity.identityHash).toBe(`sha256$${digest}`);
        identities.push(identity);
      }
      expect(identities[0].salt).not.toBe(identities[1].salt);
    });

    it('a pre-hashed address with a short salt is refused', async () => {
      const response = await vcIssue({
        credential: template({
          credentialSubject: {
            achievement: { id: achievementUrl },
            identifier: [
              {
                type: 'IdentityObject',
                identityType: 'emailAddress',
                hashed: true,
                identityHash: `sha256$${createHash('sha256').update('i8@example.orgab').digest('hex')}`,
                salt: 'ab',
              },
            ],
          },
        }),
      });
      expectProblem(response, 400, 'VALIDATION_ERROR');
      expect(errorPaths(response)).toEqual(['credential.credentialSubject.identifier.0']);
    });
  });

  describe('I10 a crash after signing, before the credential is stored', () => {
    it('releases no credential, and the retry with the same idempotency key issues exactly one', async () => {
      const request = { achievementId, recipient: { did: 'did:example:i10' }, idempotencyKey: 'i10-row' };
      const signedBefore = crash.state.signed;
      crash.state.armed = true;
      const crashed = await issue(request);
      expect(crashed.status).toBe(500);
      expect(crash.state.signed).toBe(signedBefore + 1);
      const listed = await test.call('/api/v1/credentials?recipient=did:example:i10', { token: ADMIN_TOKEN });
      expect(listed.body).toEqual([]);

      const retried = await issue(request);
      expect(retried.status).toBe(201);
      const again = await issue(request);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(retried.body.id);
      const after = await test.call('/api/v1/credentials?recipient=did:example:i10', { token: ADMIN_TOKEN });
      expect(after.body).toHaveLength(1);
      const verified = await test.call('/credentials/verify', {
        json: { verifiableCredential: retried.body.credential },
      });
      expect(verified.body.verified).toBe(true);
    });
  });

  describe('I11 revocation', () => {
    async function issued() {
      const response = await issue({ achievementId, recipient: { did: 'did:example:i11' } });
      expect(response.status).toBe(201);
      return response.body as { id: string; credential: Record<string, unknown> };
    }
    const revoke = (id: string, reason: string) =>
      test.call(`/api/v1/credentials/${id}/revoke`, { token: issuerToken, json: { reason } });

    it('revoking twice with the same reason answers the first revocation; another reason is a conflict', async () => {
      const { id } = await issued();
      const first = await revoke(id, 'issued in error');
      expect(first.status).toBe(200);
      const second = await revoke(id, 'issued in error');
      expect(second.status).toBe(200);
      expect(second.body.revokedAt).toBe(first.body.revokedAt);
      expectProblem(await revoke(id, 'another reason'), 409, 'CONFLICT');
      const record = await test.call(`/api/v1/credentials/${id}`, { token: issuerToken });
      expect(record.body.revocationReason).toBe('issued in error');
    });

    it('there is no way to unrevoke: the credential stays revoked', async () => {
      const { id, credential } = await issued();
      expect((await revoke(id, 'misconduct')).status).toBe(200);
      expectProblem(
        await test.call(`/api/v1/credentials/${id}/unrevoke`, { token: issuerToken, json: {} }),
        404,
        'NOT_FOUND',
      );
      // Reinstating lifts suspensions only; a revocation is permanent.
      expectProblem(
        await test.call(`/api/v1/credentials/${id}/reinstate`, { token: issuerToken, json: {} }),
        409,
        'CONFLICT',
      );
      const patched = await test.call(`/api/v1/credentials/${id}`, {
        method: 'PATCH',
        token: issuerToken,
        json: { revokedAt: null },
      });
      expect([404, 405]).toContain(patched.status);
      const verified = await test.call('/credentials/verify', { json: { verifiableCredential: credential } });
      expect(verified.body.verified).toBe(false);
      expect(verified.body.checks).toContainEqual(
        expect.objectContaining({ id: 'status', ok: false, code: 'REVOKED' }),
      );
    });

    it('revoking a credential that does not exist, or is another issuer’s, answers 404', async () => {
      expectProblem(await revoke('6f1c1f9e-5b3a-4c2d-9e8f-7a6b5c4d3e2f', 'x'), 404, 'NOT_FOUND');
      const { id } = await issued();
      const foreign = await test.call(`/api/v1/credentials/${id}/revoke`, {
        token: otherToken,
        json: { reason: 'sabotage' },
      });
      expectProblem(foreign, 404, 'NOT_FOUND');
      const record = await test.call(`/api/v1/credentials/${id}`, { token: issuerToken });
      expect(record.body.revokedAt).toBeNull();
    });
  });

  describe("I12 guessing ids, reaching another tenant's resources", () => {
    it('ids are random version 4 UUIDs, unrelated to the order of issue', async () => {
      const ids: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        const response = await issue({ achievementId, recipient: { did: `did:example:i12-${index}` } });
        ids.push(response.body.id);
        expect(response.body.credential.id).toBe(`${PUBLIC_URL}/credentials/${response.body.id}`);
      }
      for (const id of ids)
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids.map((id) => id.slice(0, 8))).size).toBe(ids.length);
    });

    it("another tenant's credential answers 404, as one that does not exist", async () => {
      const response = await issue({ achievementId, recipient: { did: 'did:example:i12-tenant' } });
      const theirView = await test.call(`/api/v1/credentials/${response.body.id}`, { token: otherToken });
      const missing = await test.call('/api/v1/credentials/0b5e3c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d', {
        token: otherToken,
      });
      for (const answer of [theirView, missing]) expectProblem(answer, 404, 'NOT_FOUND');
      expect(theirView.body.type).toBe(missing.body.type);
    });

    // The whole problem, not only its status: a different detail would still tell a key what exists.
    const NOBODY = '0b5e3c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d';
    const withoutRequest = ({
      instance: _instance,
      requestId: _requestId,
      ...problem
    }: Record<string, unknown>) => problem;
    const routes: [kind: string, method: string, path: string, json?: unknown][] = [
      ['credential', 'GET', '/api/v1/credentials/{id}'],
      ['credential', 'POST', '/api/v1/credentials/{id}/revoke', { reason: 'probing' }],
      ['achievement', 'GET', '/api/v1/achievements/{id}'],
      ['achievement', 'PATCH', '/api/v1/achievements/{id}', { name: 'Welding' }],
      ['bulk job', 'GET', '/api/v1/bulk-jobs/{id}'],
      ['bulk job', 'GET', '/api/v1/bulk-jobs/{id}/errors'],
      ['bulk job', 'POST', '/api/v1/bulk-jobs/{id}/cancel'],
    ];
    it.each(routes)(
      "another tenant's %s answers %s %s with the very same problem as a missing one",
      async (kind, method, path, json) => {
        const id =
          kind === 'credential'
            ? (await issue({ achievementId, recipient: { did: 'did:example:i12-oracle' } })).body.id
            : kind === 'achievement'
              ? achievementId
              : (
                  await test.call(`/api/v1/bulk-jobs?achievementId=${achievementId}`, {
                    token: issuerToken,
                    body: 'did\ndid:example:i12-bulk\n',
                    headers: { 'Content-Type': 'text/csv' },
                  })
                ).body.id;
        const ask = (target: string, token: string) =>
          test.call(path.replace('{id}', target), { method, token, ...(json === undefined ? {} : { json }) });
        const theirs = await ask(id, otherToken);
        const missing = await ask(NOBODY, otherToken);
        expectProblem(theirs, 404, 'NOT_FOUND');
        expect(withoutRequest(theirs.body)).toEqual(withoutRequest(missing.body));
        expect(theirs.body.detail).toBe(`no such ${kind}`);
        expect(theirs.headers.get('Content-Type')).toBe(missing.headers.get('Content-Type'));
        // Its owner reaches it: the other key's 404 comes from the tenant check, not from a bad id.
        expect((await ask(id, issuerToken)).status).toBe(200);
      },
    );
  });
});
