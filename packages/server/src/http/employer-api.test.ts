import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCO_FILES, SPREADSHEETS, SQL } from '../../test/support/small-esco.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN } from '../../test/support/test-platform.js';
import { seedDemoData } from '../domain/demo/seed-demo-data.js';
import { DEMO_EMPLOYER_SLUG, DEMO_TALENT_NAME } from '../domain/demo/seed-demo-talent.js';

interface TalentBody {
  total: number;
  candidates: {
    id: string;
    name: string | null;
    contact: string | null;
    matched: { id: string; label: string; credentialIds: string[]; evidence: { achievement: string }[] }[];
  }[];
}

describe('employers over the API', () => {
  let test: TestApp;
  let employerToken: string;
  let employerId: string;
  let issuerToken: string;

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    await test.platform.skills.importEsco(null, ESCO_FILES);
    const { issuerId } = await seedDemoData(test.platform);
    const employer = await test.platform.employers.findBySlug(DEMO_EMPLOYER_SLUG);
    if (employer === null) throw new Error('no demo employer');
    employerId = employer.id;
    employerToken = (await test.platform.employers.createApiKey(ADMIN, employerId, { name: 'ATS' })).token;
    issuerToken = (await test.platform.apiKeys.create(ADMIN, issuerId, { name: 'LMS', role: 'owner' })).token;
  });

  afterAll(async () => {
    await test?.close();
  });

  it('finds the demo earner by the ESCO SQL skill, naming the credential that proves it', async () => {
    for (const token of [employerToken, ADMIN_TOKEN]) {
      const found = await test.call(`/api/v1/talent?skills=${encodeURIComponent(SQL)}`, { token });
      expect(found.status).toBe(200);
      const body = found.body as TalentBody;
      expect(body.candidates.map((candidate) => candidate.name)).toEqual([DEMO_TALENT_NAME]);
      const [match] = body.candidates[0]?.matched ?? [];
      expect(match?.id).toBe(SQL);
      expect(match?.credentialIds).toHaveLength(1);
      expect(match?.evidence[0]?.achievement).toBe('SQL for Analysts');
    }
  });

  it('shows one candidate with the gap for a role and what would close it', async () => {
    const found = (
      await test.call(`/api/v1/talent?skills=${encodeURIComponent(SQL)}`, { token: employerToken })
    ).body as TalentBody;
    const id = found.candidates[0]?.id ?? '';
    const skills = encodeURIComponent(`${SQL},${SPREADSHEETS}`);
    const candidate = await test.call(`/api/v1/talent/${id}?skills=${skills}`, { token: employerToken });
    expect(candidate.status).toBe(200);
    expect(candidate.body).toMatchObject({
      name: DEMO_TALENT_NAME,
      have: [{ id: SQL }],
      missing: [{ id: SPREADSHEETS }],
    });
    const stranger = await test.call(`/api/v1/talent/00000000-0000-4000-8000-000000000000?skills=${skills}`, {
      token: employerToken,
    });
    expect(stranger.status).toBe(404);
  });

  it('refuses anonymous callers, issuer keys and unknown skills', async () => {
    const path = `/api/v1/talent?skills=${encodeURIComponent(SQL)}`;
    expect((await test.call(path)).status).toBe(401);
    expect((await test.call(path, { token: issuerToken })).status).toBe(403);
    const unknown = await test.call('/api/v1/talent?skills=http://data.europa.eu/esco/skill/nope', {
      token: employerToken,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lets the employer key match a job description to skills, but not read issuers', async () => {
    const match = await test.call('/api/v1/roles/match', {
      token: employerToken,
      json: { text: 'An analyst who writes SQL queries' },
    });
    expect(match.status).toBe(200);
    expect((await test.call('/api/v1/credentials', { token: employerToken })).status).toBe(403);
  });

  it('registers employers and manages their staff and keys, owner and administrator only', async () => {
    const created = await test.call('/api/v1/employers', {
      token: ADMIN_TOKEN,
      json: { slug: 'globex', name: 'Globex', ownerEmail: 'hr@globex.example' },
    });
    expect(created.status).toBe(201);
    const globexId = (created.body as { id: string }).id;
    expect((await test.call('/api/v1/employers', { token: employerToken })).status).toBe(403);
    const taken = await test.call('/api/v1/employers', {
      token: ADMIN_TOKEN,
      json: { slug: 'globex', name: 'G' },
    });
    expect(taken.status).toBe(409);

    const invited = await test.call(`/api/v1/employers/${employerId}/members`, {
      method: 'PUT',
      token: employerToken,
      json: { email: 'Recruiter@Example.com', role: 'recruiter' },
    });
    // An API key acts as a recruiter: managing staff is for owners.
    expect(invited.status).toBe(403);
    const byAdmin = await test.call(`/api/v1/employers/${employerId}/members`, {
      method: 'PUT',
      token: ADMIN_TOKEN,
      json: { email: 'Recruiter@Example.com', role: 'recruiter' },
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ email: 'recruiter@example.com', role: 'recruiter' });
    const lastOwner = await test.call(`/api/v1/employers/${globexId}/members/hr@globex.example`, {
      method: 'DELETE',
      token: ADMIN_TOKEN,
    });
    expect(lastOwner.status).toBe(409);
    const otherEmployer = await test.call(`/api/v1/employers/${globexId}/members`, { token: employerToken });
    expect(otherEmployer.status).toBe(404);

    const key = await test.call(`/api/v1/employers/${globexId}/api-keys`, {
      token: ADMIN_TOKEN,
      json: { name: 'ATS' },
    });
    expect(key.status).toBe(201);
    const { apiKey, token } = key.body as { apiKey: { id: string }; token: string };
    const globexSearch = await test.call(`/api/v1/talent?skills=${encodeURIComponent(SQL)}`, { token });
    expect((globexSearch.body as TalentBody).candidates.map((candidate) => candidate.name)).toEqual([
      DEMO_TALENT_NAME,
    ]);
    const revoked = await test.call(`/api/v1/employers/${globexId}/api-keys/${apiKey.id}`, {
      method: 'DELETE',
      token: ADMIN_TOKEN,
    });
    expect(revoked.status).toBe(204);
    expect((await test.call(`/api/v1/talent?skills=${encodeURIComponent(SQL)}`, { token })).status).toBe(401);
  });

  it('documents the employer endpoints in the OpenAPI document', async () => {
    const document = (await test.call('/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/talent',
        '/api/v1/talent/{id}',
        '/api/v1/employers',
        '/api/v1/employers/{id}/members',
      ]),
    );
  });
});
