import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { testDrivers } from '../db/open-test-database.js';

interface Check {
  id: string;
  ok: boolean;
}

describe.each(testDrivers())('endorsements over the API on %s', (driver) => {
  let test: TestApp;
  let achievementId: string;
  let draftId: string;
  let acmeId: string;
  let acmeToken: string;
  let globexToken: string;
  let endorsementId: string;
  let credential: { id: string; issuer: { id: string } };
  /** A credential of the achievement issued while the endorsement was in force. */
  let endorsed: Record<string, unknown>;

  const checksOf = async (document: unknown): Promise<Check[]> => {
    const report = await test.call('/credentials/verify', { json: { verifiableCredential: document } });
    expect(report.status).toBe(200);
    return report.body.checks as Check[];
  };
  const catalogEndorsedBy = async (organisationId: string): Promise<string[]> => {
    const found = await test.call(`/api/v1/catalog?endorsedBy=${organisationId}`);
    expect(found.status).toBe(200);
    return found.body.achievements.map((achievement: { name: string }) => achievement.name);
  };
  const endorse = (token: string, body: unknown) => test.call('/api/v1/endorsements', { token, json: body });

  beforeAll(async () => {
    // As in production (1 MB): a long comment reaches validation rather than the body limit.
    test = await openTestApp(driver, { bodyLimitBytes: 1024 * 1024 });
    const issuer = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'data-school', name: 'Data School' },
    });
    const achievement = async (name: string, status: 'draft' | 'published') => {
      const created = await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: {
          issuerId: issuer.body.id,
          name,
          description: `${name}.`,
          criteria: { narrative: 'Pass.' },
          status,
        },
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    achievementId = await achievement('SQL for Analysts', 'published');
    draftId = await achievement('Unfinished', 'draft');
    const employer = async (slug: string, name: string) => {
      const created = await test.call('/api/v1/employers', { token: ADMIN_TOKEN, json: { slug, name } });
      const key = await test.call(`/api/v1/employers/${created.body.id}/api-keys`, {
        token: ADMIN_TOKEN,
        json: { name: 'ATS' },
      });
      return { id: created.body.id as string, token: key.body.token as string };
    };
    ({ id: acmeId, token: acmeToken } = await employer('acme', 'Acme Analytics'));
    ({ token: globexToken } = await employer('globex', 'Globex'));
  });

  afterAll(async () => {
    await test?.close();
  });

  it('lets an employer’s key endorse a published achievement with a did:web credential that verifies', async () => {
    const created = await endorse(acmeToken, {
      endorserId: acmeId,
      achievementId,
      comment: 'We co-designed this course and hire on it.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      endorser: { id: acmeId, name: 'Acme Analytics', kind: 'employer' },
      subject: { kind: 'achievement', id: achievementId, name: 'SQL for Analysts' },
      comment: 'We co-designed this course and hire on it.',
      withdrawnAt: null,
    });
    expect(new Date(created.body.createdAt).toISOString()).toBe(created.body.createdAt);
    endorsementId = created.body.id;
    credential = created.body.credential;
    expect(credential.issuer.id).toMatch(/^did:web:.+:issuers:acme$/);
    expect(credential.id).toBe(`${test.platform.publicUrl}/endorsements/${endorsementId}`);
    const report = await test.call('/credentials/verify', { json: { verifiableCredential: credential } });
    expect(report.body.verified).toBe(true);
  });

  it('lists and shows endorsements in force to anyone, without a token', async () => {
    for (const query of [`achievementId=${achievementId}`, `endorserId=${acmeId}`, '']) {
      const listed = await test.call(`/api/v1/endorsements?${query}`);
      expect(listed.status).toBe(200);
      expect(listed.body.map((item: { id: string }) => item.id)).toEqual([endorsementId]);
      expect(listed.body[0].credential).toEqual(credential);
    }
    const one = await test.call(`/api/v1/endorsements/${endorsementId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: endorsementId, endorser: { id: acmeId }, withdrawnAt: null });
    expect((await test.call(`/api/v1/endorsements?issuerId=${achievementId}`)).body).toEqual([]);
    expect((await test.call('/api/v1/endorsements?achievementId=nope')).status).toBe(400);
  });

  it('serves the signed document at its id for JSON clients, revalidated like a credential', async () => {
    for (const accept of ['application/json', 'application/ld+json', 'application/vc+ld+json']) {
      const served = await test.call(`/endorsements/${endorsementId}`, { headers: { Accept: accept } });
      expect(served.status).toBe(200);
      expect(served.headers.get('Content-Type')).toContain(accept);
      expect(served.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate');
      expect(served.body).toEqual(credential);
    }
    const unknown = await test.call('/endorsements/00000000-0000-4000-8000-000000000000', {
      headers: { Accept: 'application/json' },
    });
    expect(unknown.status).toBe(404);
  });

  it('puts the endorsement in credentials issued afterwards, and the verifier checks it', async () => {
    const issued = await test.call('/api/v1/credentials', {
      token: ADMIN_TOKEN,
      json: { achievementId, recipient: { email: 'earner@example.org' } },
    });
    expect(issued.status).toBe(201);
    endorsed = issued.body.credential;
    const achievement = (
      endorsed.credentialSubject as { achievement: { endorsement?: { issuer: { id: string } }[] } }
    ).achievement;
    expect(achievement.endorsement?.[0]?.issuer.id).toBe(credential.issuer.id);
    expect((await checksOf(endorsed)).find((check) => check.id === 'endorsements')).toMatchObject({
      ok: true,
    });
  });

  it('lists the achievements an employer endorses in the catalogue', async () => {
    expect(await catalogEndorsedBy(acmeId)).toEqual(['SQL for Analysts']);
    expect(await catalogEndorsedBy('00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect((await test.call('/api/v1/catalog?endorsedBy=acme')).status).toBe(400);
  });

  it('refuses another employer, a draft, an essay, no subject and no token, as problem details', async () => {
    const cases: [string | undefined, unknown, number][] = [
      [globexToken, { endorserId: acmeId, achievementId, comment: 'Yes.' }, 404],
      [acmeToken, { endorserId: acmeId, achievementId: draftId, comment: 'Yes.' }, 409],
      [acmeToken, { endorserId: acmeId, achievementId, comment: 'x'.repeat(100_000) }, 400],
      [acmeToken, { endorserId: acmeId, comment: 'Nothing named.' }, 400],
      [acmeToken, { endorserId: acmeId, achievementId, issuerId: acmeId, comment: 'Both.' }, 400],
      [undefined, { endorserId: acmeId, achievementId, comment: 'Anonymous.' }, 401],
    ];
    for (const [token, body, status] of cases) {
      const refused = await test.call('/api/v1/endorsements', {
        ...(token === undefined ? {} : { token }),
        json: body,
      });
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
    }
    expect((await test.call(`/api/v1/endorsements?endorserId=${acmeId}`)).body).toHaveLength(1);
  });

  it('withdraws for the endorser only: embedded copies then fail their check, the catalogue forgets it', async () => {
    const path = `/api/v1/endorsements/${endorsementId}/withdraw`;
    const stranger = await test.call(path, { token: globexToken, json: {} });
    expect(stranger.status).toBe(404);
    expect(stranger.headers.get('Content-Type')).toBe('application/problem+json');
    const withdrawn = await test.call(path, { token: acmeToken, json: { reason: 'The course changed.' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ id: endorsementId, credential });
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    const checks = await checksOf(endorsed);
    expect(checks.find((check) => check.id === 'endorsements')?.ok).toBe(false);
    expect(checks.find((check) => check.id === 'proof')?.ok).toBe(true);
    expect((await checksOf(credential)).find((check) => check.id === 'status')?.ok).toBe(false);
    expect((await test.call(`/api/v1/endorsements?achievementId=${achievementId}`)).body).toEqual([]);
    const kept = await test.call(`/api/v1/endorsements/${endorsementId}`);
    expect(kept.body.withdrawnAt).toBe(withdrawn.body.withdrawnAt);
    expect(await catalogEndorsedBy(acmeId)).toEqual([]);
  });
});
