import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import { seedDemoData } from '../domain/demo/seed-demo-data.js';

interface CatalogBody {
  total: number;
  achievements: {
    id: string;
    name: string;
    skills: { name: string; url?: string }[];
    issuer: { slug: string };
  }[];
}

describe.each(testDrivers())('the public catalogue on %s', (driver) => {
  let test: TestApp;
  let otherIssuerId: string;
  beforeAll(async () => {
    test = await openTestApp(driver);
    await seedDemoData(test.platform);
    const issuer = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'coastal-college', name: 'Coastal College', url: 'https://coastal.example' },
    });
    otherIssuerId = issuer.body.id;
    const base = {
      issuerId: otherIssuerId,
      description: 'Builds relational databases.',
      criteria: { narrative: 'Pass the project.' },
    };
    for (const extra of [
      {
        name: 'Database Design',
        tags: ['sql', 'modelling'],
        level: 'Advanced',
        hours: 40,
        deliveryMode: 'online',
      },
      { name: 'Draft Course', status: 'draft', tags: ['sql'] },
      { name: 'Welding Basics', description: 'Joins metal safely.', industry: 'Manufacturing', hours: 8 },
    ]) {
      const created = await test.call('/api/v1/achievements', {
        token: ADMIN_TOKEN,
        json: { ...base, ...extra },
      });
      expect(created.status).toBe(201);
    }
  });
  afterAll(async () => {
    await test?.close();
  });

  async function search(query: string): Promise<CatalogBody> {
    const response = await test.call(`/api/v1/catalog?${query}`);
    expect(response.status).toBe(200);
    return response.body as CatalogBody;
  }

  it('answers without a token and finds the demo "SQL for Analysts" with its skills for q=sql', async () => {
    const found = await search('q=sql');
    const names = found.achievements.map((achievement) => achievement.name);
    expect(names).toContain('SQL for Analysts');
    expect(names).toContain('Database Design');
    const sql = found.achievements.find((achievement) => achievement.name === 'SQL for Analysts');
    expect(sql?.skills).toContainEqual(expect.objectContaining({ name: 'SQL' }));
    expect(sql?.issuer.slug).toBe('demo-university');
  });

  it('never lists drafts', async () => {
    const found = await search('q=draft');
    expect(found.achievements.map((achievement) => achievement.name)).not.toContain('Draft Course');
  });

  it('matches word prefixes in descriptions and filters by industry, level, delivery mode, hours and issuer', async () => {
    expect((await search('q=weld')).achievements.map((a) => a.name)).toEqual(['Welding Basics']);
    expect((await search('industry=manufacturing')).achievements.map((a) => a.name)).toEqual([
      'Welding Basics',
    ]);
    expect((await search('q=sql&level=advanced')).achievements.map((a) => a.name)).toEqual([
      'Database Design',
    ]);
    expect(
      (await search('deliveryMode=online&issuer=coastal-college')).achievements.map((a) => a.name),
    ).toEqual(['Database Design']);
    expect((await search('minHours=30&issuer=coastal-college')).achievements.map((a) => a.name)).toEqual([
      'Database Design',
    ]);
    const demo = await search('issuer=demo-university&limit=2');
    expect(demo.achievements).toHaveLength(2);
    expect(demo.total).toBeGreaterThanOrEqual(5);
    expect((await search('issuer=nobody')).total).toBe(0);
  });

  it('filters by an ESCO skill URL', async () => {
    const sqlSkill = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
    const found = await search(`skill=${encodeURIComponent(sqlSkill)}`);
    expect(found.achievements.map((achievement) => achievement.name)).toEqual(['SQL for Analysts']);
  });

  it('lists what an organisation endorses, by an employer’s or an issuer’s id, while the endorsement is in force', async () => {
    const names = async (query: string) => (await search(query)).achievements.map((a) => a.name);
    const idOf = async (name: string) =>
      (await search(`q=${encodeURIComponent(name)}`)).achievements.find((a) => a.name === name)?.id ?? '';
    const employer = await test.platform.employers.create(ADMIN, { slug: 'catalogue-fan', name: 'Fan' });
    // No signing profile yet: it has endorsed nothing.
    expect(await names(`endorsedBy=${employer.id}`)).toEqual([]);
    const endorsement = await test.platform.endorsements.endorse(ADMIN, {
      endorserId: employer.id,
      achievementId: await idOf('Database Design'),
      comment: 'We hire on it.',
    });
    await test.platform.endorsements.endorse(ADMIN, {
      endorserId: otherIssuerId,
      achievementId: await idOf('SQL for Analysts'),
      comment: 'Our students take it first.',
    });
    expect(await names(`endorsedBy=${employer.id}`)).toEqual(['Database Design']);
    expect(await names(`endorsedBy=${otherIssuerId}`)).toEqual(['SQL for Analysts']);
    expect(await names(`q=weld&endorsedBy=${employer.id}`)).toEqual([]);
    await test.platform.endorsements.withdraw(ADMIN, endorsement.id, {});
    expect(await names(`endorsedBy=${employer.id}`)).toEqual([]);
    expect((await search('endorsedBy=00000000-0000-4000-8000-000000000000')).total).toBe(0);
  });

  it('treats search text as words, never as query syntax', async () => {
    for (const hostile of ["sql' or 1=1 --", 'sql & !data | (', ':*', '\\', '%00']) {
      const response = await test.call(`/api/v1/catalog?q=${encodeURIComponent(hostile)}`);
      expect(response.status).toBe(200);
    }
    const tooLong = await test.call(`/api/v1/catalog?q=${'a'.repeat(201)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.headers.get('Content-Type')).toContain('application/problem+json');
  });
});
