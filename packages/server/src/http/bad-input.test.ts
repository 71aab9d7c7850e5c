import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type CallResult, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { testDrivers } from '../db/open-test-database.js';

const BODY_LIMIT = 32 * 1024;
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

function expectProblem(response: CallResult, status: number, code: string) {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  expect(response.body).toMatchObject({
    type: `https://microcred.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
}

describe.each(testDrivers())('bad input over HTTP on %s', (driver) => {
  let test: TestApp;
  let mine: { id: string; did: string };
  let theirs: { id: string };
  let achievementId: string;
  let achievementUrl: string;
  let theirAchievementId: string;
  let issuerToken: string;

  const issue = (json: unknown, token = issuerToken) => test.call('/api/v1/credentials', { token, json });
  const credentialsOf = async (id: string) =>
    (await test.call(`/api/v1/credentials?achievementId=${id}`, { token: ADMIN_TOKEN })).body as unknown[];

  beforeAll(async () => {
    test = await openTestApp(driver, { bodyLimitBytes: BODY_LIMIT });
    const createIssuer = async (slug: string) =>
      (await test.call('/api/v1/issuers', { token: ADMIN_TOKEN, json: { slug, name: slug } })).body;
    const createAchievement = async (issuerId: string) =>
      (
        await test.call('/api/v1/achievements', {
          token: ADMIN_TOKEN,
          json: { issuerId, name: 'Welding', description: 'Welds.', criteria: { narrative: 'Weld.' } },
        })
      ).body;
    mine = await createIssuer('bad-input-mine');
    theirs = await createIssuer('bad-input-theirs');
    const achievement = await createAchievement(mine.id);
    achievementId = achievement.id;
    achievementUrl = achievement.url;
    theirAchievementId = (await createAchievement(theirs.id)).id;
    issuerToken = (
      await test.call(`/api/v1/issuers/${mine.id}/api-keys`, {
        token: ADMIN_TOKEN,
        json: { name: 'lms', role: 'issuer' },
      })
    ).body.token;
  });
  afterAll(async () => {
    await test?.close();
  });

  it('refuses unknown fields, naming each one, and writes nothing', async () => {
    const response = await issue({
      achievementId,
      recipient: { email: 'a@example.org', nickname: 'Al' },
      sendEmail: true,
    });
    expectProblem(response, 400, 'VALIDATION_ERROR');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'recipient.nickname', in: 'body', message: 'is not a known field' },
        { path: 'sendEmail', in: 'body', message: 'is not a known field' },
      ]),
    );
    expect(await credentialsOf(achievementId)).toEqual([]);
  });

  it('refuses wrong types and invalid values field by field', async () => {
    const response = await issue({ achievementId: 42, recipient: { email: 'not-an-email' } });
    expectProblem(response, 400, 'VALIDATION_ERROR');
    const paths = response.body.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['achievementId', 'recipient.email']));
    const both = await issue({ achievementId, recipient: { email: 'a@example.org', did: 'did:example:a' } });
    expectProblem(both, 400, 'VALIDATION_ERROR');
    const slug = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'Bad Slug!', name: 1 },
    });
    expectProblem(slug, 400, 'VALIDATION_ERROR');
    expect(slug.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['name', 'slug']);
    expect(await credentialsOf(achievementId)).toEqual([]);
  });

  it('refuses invalid query and path parameters before they reach the database', async () => {
    const limit = await test.call('/api/v1/credentials?limit=0', { token: ADMIN_TOKEN });
    expectProblem(limit, 400, 'VALIDATION_ERROR');
    expect(limit.body.errors).toEqual([expect.objectContaining({ path: 'limit', in: 'query' })]);
    for (const path of ['/api/v1/credentials/1', "/api/v1/issuers/'%20or%201=1", '/credentials/not-a-uuid']) {
      expectProblem(await test.call(path, { token: ADMIN_TOKEN }), 400, 'VALIDATION_ERROR');
    }
    expectProblem(await test.call(`/issuers/bad-input-mine/status/${achievementId}`), 404, 'NOT_FOUND');
    expectProblem(await test.call('/issuers/nobody/did.json'), 404, 'NOT_FOUND');
    expectProblem(await test.call(`/credentials/${achievementId}`), 404, 'NOT_FOUND');
  });

  it('answers 413 for a body over the limit, whether or not it declares its length', async () => {
    const big = JSON.stringify({
      achievementId,
      recipient: { email: 'a@example.org' },
      narrative: 'x'.repeat(BODY_LIMIT),
    });
    expectProblem(await issue(JSON.parse(big)), 413, 'PAYLOAD_TOO_LARGE');
    const streamed = await test.app.request('/api/v1/credentials', {
      method: 'POST',
      headers: { Authorization: `Bearer ${issuerToken}`, 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 8; i += 1)
            controller.enqueue(new TextEncoder().encode(' '.repeat(BODY_LIMIT / 4)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await credentialsOf(achievementId)).toEqual([]);
  });

  it('refuses malformed JSON, non-JSON bodies and bodies that are not I-JSON (ADVERSARIAL V14)', async () => {
    const send = (body: string | Uint8Array, contentType = 'application/json') =>
      test.call('/api/v1/credentials', {
        token: issuerToken,
        body,
        headers: { 'Content-Type': contentType },
      });
    expectProblem(await send('{"achievementId": '), 400, 'PARSING_ERROR');
    expectProblem(await send(''), 400, 'PARSING_ERROR');
    expectProblem(
      await send('achievementId=1', 'application/x-www-form-urlencoded'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectProblem(await send('{}', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const duplicate = await send(
      `{"achievementId":"${achievementId}","recipient":{"email":"a@example.org"},"recipient":{"did":"did:example:b"}}`,
    );
    expectProblem(duplicate, 400, 'PARSING_ERROR');
    expect(duplicate.body.detail).toContain('duplicate member name "recipient"');
    expectProblem(await send('{"narrative":"\\ud800"}'), 400, 'PARSING_ERROR');
    expectProblem(await send(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 400, 'PARSING_ERROR');
    // Refused by the depth bound at the 65th bracket, not by walking all 10,000.
    const deep = await send(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expectProblem(deep, 400, 'PARSING_ERROR');
    expect(deep.body.detail).toContain('nested deeper than 64 levels at offset 64');
    expect(await credentialsOf(achievementId)).toEqual([]);
  });

  it("answers 404 for another issuer's achievement, 403 for a body naming another issuer, and writes nothing", async () => {
    const foreign = await issue({ achievementId: theirAchievementId, recipient: { email: 'a@example.org' } });
    expectProblem(foreign, 404, 'NOT_FOUND');
    const misnamed = await issue({
      achievementId,
      issuerId: theirs.id,
      recipient: { email: 'a@example.org' },
    });
    expectProblem(misnamed, 403, 'FORBIDDEN');
    expect(await credentialsOf(achievementId)).toEqual([]);
    expect(await credentialsOf(theirAchievementId)).toEqual([]);
  });

  it('refuses to issue a draft achievement (409) and an idempotency key reused for someone else (409)', async () => {
    const draft = await test.call('/api/v1/achievements', {
      token: issuerToken,
      json: {
        issuerId: mine.id,
        name: 'Draft',
        description: 'Not yet.',
        criteria: { narrative: 'TBD' },
        status: 'draft',
      },
    });
    expect(draft.body.status).toBe('draft');
    expectProblem(
      await issue({ achievementId: draft.body.id, recipient: { email: 'a@example.org' } }),
      409,
      'CONFLICT',
    );
    expect(await credentialsOf(draft.body.id)).toEqual([]);

    const first = await issue({
      achievementId,
      recipient: { did: 'did:example:first' },
      idempotencyKey: 'row-1',
    });
    expect(first.status).toBe(201);
    const reused = await issue({
      achievementId,
      recipient: { did: 'did:example:second' },
      idempotencyKey: 'row-1',
    });
    expectProblem(reused, 409, 'CONFLICT');
    expect(await credentialsOf(achievementId)).toHaveLength(1);
  });

  it('refuses a duplicate slug with 409 and keeps the first issuer', async () => {
    const again = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'bad-input-mine', name: 'Impostor' },
    });
    expectProblem(again, 409, 'CONFLICT');
    const kept = await test.call(`/api/v1/issuers/${mine.id}`, { token: ADMIN_TOKEN });
    expect(kept.body.name).toBe('bad-input-mine');
  });

  it('takes a brand colour written #rrggbb (stored in lower case), clears it with null, refuses any other', async () => {
    const patch = (json: unknown) =>
      test.call(`/api/v1/issuers/${mine.id}`, { method: 'PATCH', token: ADMIN_TOKEN, json });
    const branded = await patch({ brandColor: '#1F4A7D' });
    expect(branded.status).toBe(200);
    expect(branded.body.brandColor).toBe('#1f4a7d');
    for (const brandColor of ['red', '#1f4a7', '#1f4a7d;}', 'rgb(0,0,0)']) {
      expectProblem(await patch({ brandColor }), 400, 'VALIDATION_ERROR');
    }
    const cleared = await patch({ brandColor: null, url: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ brandColor: null, url: null, name: 'bad-input-mine' });
    expectProblem(await patch({ name: null }), 400, 'VALIDATION_ERROR');
  });

  it('accepts an empty patch as a no-op', async () => {
    const patched = await test.call(`/api/v1/issuers/${mine.id}`, {
      method: 'PATCH',
      token: ADMIN_TOKEN,
      json: {},
    });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe('bad-input-mine');
  });

  describe('the VC API issue endpoint', () => {
    const template = (credential: Record<string, unknown> = {}) => ({
      '@context': [V2, OB],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      credentialSubject: { id: 'did:example:vc', achievement: { id: achievementUrl } },
      ...credential,
    });
    const vcIssue = (json: unknown) => test.call('/credentials/issue', { token: issuerToken, json });
    const errorPaths = (response: CallResult) =>
      response.body.errors.map((error: { path: string }) => error.path);

    const subject = (fields: Record<string, unknown>) => ({
      credentialSubject: { achievement: { id: achievementUrl }, ...fields },
    });
    // Bodies are built when each test runs: the achievement exists only once beforeAll has run.
    const cases: [string, () => unknown, string][] = [
      ['no credential (I1)', () => ({}), 'credential'],
      [
        'no @context (I1)',
        () => ({ credential: template({ '@context': undefined }) }),
        'credential.@context',
      ],
      [
        '@context "force_error" (I1)',
        () => ({ credential: template({ '@context': 'force_error' }) }),
        'credential.@context',
      ],
      [
        'the base context not first (I2)',
        () => ({ credential: template({ '@context': [OB, V2] }) }),
        'credential.@context',
      ],
      [
        'an unknown context (V11)',
        () => ({ credential: template({ '@context': [V2, 'https://evil.example/c'] }) }),
        'credential.@context.1',
      ],
      ['an id (I3)', () => ({ credential: template({ id: 'not a url' }) }), 'credential.id'],
      ['no type (I3)', () => ({ credential: template({ type: undefined }) }), 'credential.type'],
      [
        'an unmapped type (I3)',
        () => ({ credential: template({ type: ['VerifiableCredential', 'Diploma'] }) }),
        'credential.type',
      ],
      ['a non-URL issuer (I3)', () => ({ credential: template({ issuer: 'ACME' }) }), 'credential.issuer'],
      [
        'evidence without type (I3)',
        () => ({ credential: template({ evidence: [{ id: 'https://e.example' }] }) }),
        'credential.evidence.0.type',
      ],
      [
        "another platform's achievement",
        () => ({
          credential: template({
            credentialSubject: { id: 'did:example:vc', achievement: 'https://other.example/achievements/1' },
          }),
        }),
        'credential.credentialSubject.achievement',
      ],
      ['no recipient', () => ({ credential: template(subject({})) }), 'credential.credentialSubject'],
      [
        'a non-DID subject id',
        () => ({ credential: template(subject({ id: 'mailto:a@example.org' })) }),
        'credential.credentialSubject.id',
      ],
      [
        'a pre-hashed email (I8)',
        () => ({
          credential: template(
            subject({
              identifier: [
                {
                  type: 'IdentityObject',
                  identityType: 'emailAddress',
                  hashed: true,
                  identityHash: 'sha256$abc',
                  salt: '',
                },
              ],
            }),
          ),
        }),
        'credential.credentialSubject.identifier.0',
      ],
      [
        'a date the platform sets',
        () => ({ credential: template({ validFrom: '2020-01-01T00:00:00Z' }) }),
        'credential.validFrom',
      ],
      [
        'an unsupported proofPurpose (I4)',
        () => ({ credential: template(), options: { proofPurpose: 'authentication' } }),
        'options.proofPurpose',
      ],
      [
        'an unknown option',
        () => ({ credential: template(), options: { type: 'Ed25519Signature2018' } }),
        'options.type',
      ],
      [
        "a key that is not the issuer's active key (I4)",
        () => ({ credential: template(), options: { assertionMethod: 'did:example:x#nope' } }),
        'options.assertionMethod',
      ],
    ];

    it.each(cases)('refuses %s with a 400 naming the field', async (_name, body, path) => {
      const response = await vcIssue(body());
      expectProblem(response, 400, 'VALIDATION_ERROR');
      expect(errorPaths(response)).toEqual([path]);
    });

    it("answers 403 when the template's issuer is another issuer (I5) and writes nothing", async () => {
      const other = (await test.call(`/api/v1/issuers/${theirs.id}`, { token: ADMIN_TOKEN })).body;
      const response = await vcIssue({ credential: template({ issuer: other.did }) });
      expectProblem(response, 403, 'FORBIDDEN');
      const listed = await test.call('/api/v1/credentials?recipient=did:example:vc', { token: ADMIN_TOKEN });
      expect(listed.body).toEqual([]);
      expect((await vcIssue({ credential: template({ issuer: mine.did }) })).status).toBe(201);
    });
  });

  it('answers verification requests it cannot read with 400, and unreadable credentials with verified: false', async () => {
    expectProblem(await test.call('/credentials/verify', { json: {} }), 400, 'VALIDATION_ERROR');
    expectProblem(
      await test.call('/credentials/verify', { json: { verifiableCredential: {}, extra: true } }),
      400,
      'VALIDATION_ERROR',
    );
    const garbage = await test.call('/credentials/verify', {
      json: { verifiableCredential: 'not a credential' },
    });
    expect(garbage.status).toBe(200);
    expect(garbage.body).toMatchObject({
      verified: false,
      checks: [expect.objectContaining({ id: 'parse', ok: false })],
    });
    const unsigned = await test.call('/credentials/verify', {
      json: {
        verifiableCredential: {
          '@context': [V2],
          type: ['VerifiableCredential'],
          issuer: 'did:example:x',
          credentialSubject: {},
        },
      },
    });
    expect(unsigned.body.verified).toBe(false);
    expect(unsigned.body.errors).toContainEqual(expect.objectContaining({ title: 'proof' }));
  });

  it('answers unknown routes with a problem too', async () => {
    expectProblem(await test.call('/api/v2/issuers'), 404, 'NOT_FOUND');
    expectProblem(await test.call('/nothing-here'), 404, 'NOT_FOUND');
  });
});
