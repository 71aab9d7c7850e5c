import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPathwayWorld, threeOfFour } from '../../../test/support/pathway-fixtures.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';

describe('an earner’s pathway pages', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('counts steps (“2 of 3 steps done”, never “66%”), offers no Follow once complete, and no empty list to follow', async () => {
    const world = await seedPathwayWorld(test.platform);
    const { pathway } = await test.platform.pathways.create(ADMIN, threeOfFour(world));
    const earner = new WebSession(test);
    await earner.signIn('steps@example.org');
    await earner.post('/account/profile', { displayName: 'Steps', handle: 'steps-earner', locale: 'en' });
    for (const part of world.parts.slice(0, 2)) {
      await test.platform.credentials.issue(ADMIN, {
        achievementId: part.id,
        recipient: { email: 'steps@example.org' },
      });
    }
    const list = await earner.get('/u/steps-earner/pathways');
    expect(list.status).toBe(200);
    expect(list.text).toContain('2 of 3 steps done');
    expect(list.text).not.toMatch(/\d+% done/);
    // Every published pathway is one the earner is on: no heading over an empty list.
    expect(list.text).not.toContain('Pathways you can follow');
    const page = await earner.get(`/u/steps-earner/pathways/${pathway.id}`);
    expect(page.text).toContain('2 of 3 steps done');
    expect(page.text).toContain('>Follow<');

    await test.platform.credentials.issue(ADMIN, {
      achievementId: world.parts[2].id,
      recipient: { email: 'steps@example.org' },
    });
    const complete = await earner.get(`/u/steps-earner/pathways/${pathway.id}`);
    expect(complete.text).toContain('Complete');
    expect(complete.text).not.toContain('>Follow<');
    expect(complete.text).not.toContain('steps done');
  });
});
