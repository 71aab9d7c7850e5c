import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { testDrivers } from '../db/open-test-database.js';
import { DEMO_PATHWAY_NAME, seedDemoData } from '../domain/demo/seed-demo-data.js';

describe.each(testDrivers())('pathways over HTTP, on the demo data, on %s', (driver) => {
  let test: TestApp;
  let pathway: {
    id: string;
    name: string;
    url: string;
    completionAchievementId: string;
    requiredAchievementIds: string[];
    issuerId: string;
  };
  const call = (path: string, options: Parameters<TestApp['call']>[1] = {}) =>
    test.call(path, { token: ADMIN_TOKEN, ...options });

  beforeAll(async () => {
    test = await openTestApp(driver);
    await seedDemoData(test.platform);
    const listed = await call('/api/v1/pathways');
    pathway = listed.body.find((item: { name: string }) => item.name === DEMO_PATHWAY_NAME);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('lists the demo pathway with its completion achievement and the four achievements it requires', async () => {
    expect(pathway).toMatchObject({
      id: expect.any(String),
      name: DEMO_PATHWAY_NAME,
      status: 'published',
      version: 1,
      completionAchievementId: expect.any(String),
      url: `https://badges.example.edu/pathways/${pathway.id}`,
      requirement: { type: 'n-of', n: 3 },
    });
    expect(pathway.requiredAchievementIds).toHaveLength(4);
    const certificate = await call(`/api/v1/achievements/${pathway.completionAchievementId}`);
    expect(certificate.body).toMatchObject({
      name: 'Data Analytics Certificate',
      achievementType: 'Certificate',
    });
  });

  it('awards the certificate when a person earns three of the four, and shows it among their credentials', async () => {
    const email = 'demo.learner@example.org';
    const [first, second, third] = pathway.requiredAchievementIds;
    for (const achievementId of [first, second]) {
      const issued = await call('/api/v1/credentials', { json: { achievementId, recipient: { email } } });
      expect(issued.status).toBe(201);
    }
    const halfway = await call(`/api/v1/pathways/${pathway.id}/progress?recipient=${email}`);
    expect(halfway.status).toBe(200);
    expect(halfway.body).toMatchObject({ pathwayId: pathway.id, version: 1, met: false, percent: 66 });
    expect(halfway.body.nodes[0]).toMatchObject({
      path: 'requirement',
      type: 'n-of',
      threshold: 3,
      completingAchievementIds: pathway.requiredAchievementIds.slice(2),
    });
    expect(halfway.body.nodes).toHaveLength(5);

    await call('/api/v1/credentials', { json: { achievementId: third, recipient: { email } } });
    const mine = await call(`/api/v1/credentials?recipient=${email}`);
    const certificates = mine.body.filter(
      (item: { achievementId: string }) => item.achievementId === pathway.completionAchievementId,
    );
    expect(certificates).toHaveLength(1);
    expect(certificates[0].credential.evidence).toHaveLength(3);
    const done = await call(`/api/v1/pathways/${pathway.id}/progress?recipient=${email}`);
    expect(done.body).toMatchObject({
      met: true,
      percent: 100,
      awards: [
        { achievementId: pathway.completionAchievementId, state: 'active', credentialId: certificates[0].id },
      ],
    });

    const clr = await call(`/api/v1/pathways/${pathway.id}/clr`, { json: { recipient: email } });
    expect(clr.status).toBe(201);
    expect(clr.body.partial).toBe(false);
    expect(clr.body.credential.credentialSubject.verifiableCredential).toHaveLength(4);
    const verified = await test.call('/credentials/verify', {
      json: { verifiableCredential: clr.body.credential },
    });
    expect(verified.status).toBe(200);
    expect(verified.body.verified).toBe(true);
  });

  it('serves the published pathway as portable data that imports back, and refuses URLs it does not know', async () => {
    const document = await test.call(`/pathways/${pathway.id}`);
    expect(document.status).toBe(200);
    const completionUrl = `https://badges.example.edu/achievements/${pathway.completionAchievementId}`;
    expect(document.body).toMatchObject({
      id: pathway.url,
      name: DEMO_PATHWAY_NAME,
      completionAchievement: completionUrl,
      requirement: { type: 'n-of', n: 3 },
    });
    expect(document.body.achievement[0]).toMatchObject({ id: completionUrl, achievementType: 'Certificate' });
    expect(document.body.achievement).toHaveLength(5);
    const parents = document.body.association.filter(
      (item: { associationType: string }) => item.associationType === 'isParentOf',
    );
    expect(parents).toHaveLength(4);
    expect(parents[0]).toMatchObject({ type: 'Association', sourceId: completionUrl });

    const exported = await call(`/api/v1/pathways/${pathway.id}/export`);
    expect(exported.body).toEqual(document.body);
    const imported = await call('/api/v1/pathways/import', {
      json: { issuerId: pathway.issuerId, document: exported.body, status: 'published' },
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      name: DEMO_PATHWAY_NAME,
      completionAchievementId: pathway.completionAchievementId,
      requiredAchievementIds: pathway.requiredAchievementIds,
      requirement: { type: 'n-of', n: 3 },
    });

    // A document from elsewhere with Associations only becomes "all of" its children.
    const { requirement: _, ...associationsOnly } = exported.body;
    const fromAssociations = await call('/api/v1/pathways/import', {
      json: { issuerId: pathway.issuerId, document: associationsOnly },
    });
    expect(fromAssociations.body).toMatchObject({ status: 'draft', requirement: { type: 'all-of' } });

    const foreign = structuredClone(exported.body);
    foreign.requirement.children[1].achievement = 'https://elsewhere.example/achievements/42';
    const refused = await call('/api/v1/pathways/import', {
      json: { issuerId: pathway.issuerId, document: foreign },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_ERROR',
      errors: [
        {
          path: 'document.requirement.children.1.achievement',
          message: 'no achievement of this platform is at https://elsewhere.example/achievements/42',
        },
      ],
    });
  });

  it('refuses bad definitions as problems that name the offending node', async () => {
    const [first, second] = pathway.requiredAchievementIds;
    const tooMany = await call('/api/v1/pathways', {
      json: {
        issuerId: pathway.issuerId,
        name: 'Too many',
        completionAchievementId: pathway.completionAchievementId,
        requirement: {
          type: 'n-of',
          n: 3,
          children: [
            { type: 'achievement', achievementId: first },
            { type: 'achievement', achievementId: second },
          ],
        },
      },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.headers.get('Content-Type')).toBe('application/problem+json');
    expect(tooMany.body.errors).toEqual([
      { path: 'requirement.n', in: 'body', message: 'n is 3 but the group has only 2 children' },
    ]);
    const unknownType = await call('/api/v1/pathways', {
      json: {
        issuerId: pathway.issuerId,
        name: 'Unknown type',
        completionAchievementId: pathway.completionAchievementId,
        requirement: { type: 'some-of', children: [] },
      },
    });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.errors[0].path).toBe('requirement.type');
    const notAnEarner = await call(`/api/v1/pathways/${pathway.id}/progress?recipient=nobody`);
    expect(notAnEarner.status).toBe(400);
    const notCompleted = await call(`/api/v1/pathways/${pathway.id}/clr`, {
      json: { recipient: 'nobody@example.org' },
    });
    expect(notCompleted.status).toBe(409);
  });
});
