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

  it('links the completed pathway to the certificate it awarded, once awarded', async () => {
    const world = await seedPathwayWorld(test.platform);
    const { pathway } = await test.platform.pathways.create(ADMIN, threeOfFour(world));
    const earner = new WebSession(test);
    await earner.signIn('certified@example.org');
    const issue = (index: 0 | 1 | 2) =>
      test.platform.credentials.issue(ADMIN, {
        achievementId: world.parts[index].id,
        recipient: { email: 'certified@example.org' },
      });
    await issue(0);
    await issue(1);
    const before = await earner.get(`/account/pathways/${pathway.id}`);
    expect(before.text).toContain('2 of 3 steps done');
    expect(before.text).not.toContain('See the certificate you earned');

    await issue(2);
    await test.platform.pathways.processJobs({ workerId: 'pathway-pages' });
    const after = await earner.get(`/account/pathways/${pathway.id}`);
    const link = /<a href="\/credentials\/([0-9a-f-]{36})">See the certificate you earned<\/a>/.exec(
      after.text,
    );
    expect(link).not.toBeNull();
    const certificateId = link?.[1] ?? '';
    // The diagram's top box, the pathway itself, leads there too.
    expect(after.text).toContain(`<a href="/credentials/${certificateId}" aria-label="`);
    const certificate = await test.storage.credentials.findById({ id: certificateId });
    expect(certificate?.achievementId).toBe(world.certificate.id);
    expect((await earner.get(`/credentials/${certificateId}`)).status).toBe(200);
  });

  it('links a milestone the earner was awarded to that credential, in the diagram and in the list a phone shows', async () => {
    const world = await seedPathwayWorld(test.platform);
    const milestone = await test.platform.achievements.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Foundations Badge',
      description: 'The first two parts.',
      criteria: { narrative: 'Earn parts A and B.' },
      achievementType: 'Badge',
    });
    const { pathway } = await test.platform.pathways.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'With a milestone',
      completionAchievementId: world.certificate.id,
      requirement: {
        type: 'all-of',
        children: [
          {
            type: 'all-of',
            name: 'Foundations',
            milestoneAchievementId: milestone.id,
            children: world.parts
              .slice(0, 2)
              .map((part) => ({ type: 'achievement', achievementId: part.id })),
          },
          { type: 'achievement', achievementId: world.parts[2].id },
        ],
      },
    });
    const earner = new WebSession(test);
    await earner.signIn('milestone@example.org');
    const milestoneLinks = async () => {
      const page = await earner.get(`/account/pathways/${pathway.id}`);
      expect(page.status).toBe(200);
      return [
        ...page.text.matchAll(
          /<a href="\/credentials\/([0-9a-f-]{36})" aria-label="[^"]*"><g class="pathway-node" data-state="\w+" data-path="requirement\.children\.0">/g,
        ),
        ...page.text.matchAll(
          /<li data-path="requirement\.children\.0"><div class="step"[^>]*><span class="step-name"><a href="\/credentials\/([0-9a-f-]{36})"/g,
        ),
      ].map((match) => match[1]);
    };
    await test.platform.credentials.issue(ADMIN, {
      achievementId: world.parts[0].id,
      recipient: { email: 'milestone@example.org' },
    });
    expect(await milestoneLinks()).toEqual([]);

    await test.platform.credentials.issue(ADMIN, {
      achievementId: world.parts[1].id,
      recipient: { email: 'milestone@example.org' },
    });
    await test.platform.pathways.processJobs({ workerId: 'pathway-pages' });
    const links = await milestoneLinks();
    expect(links).toHaveLength(2);
    expect(new Set(links).size).toBe(1);
    const awarded = await test.storage.credentials.findById({ id: links[0] ?? '' });
    expect(awarded?.achievementId).toBe(milestone.id);
  });

  it('shows an earner without a public handle their pathways under /account, each step linking to its achievement', async () => {
    const world = await seedPathwayWorld(test.platform);
    const { pathway } = await test.platform.pathways.create(ADMIN, threeOfFour(world));
    const earner = new WebSession(test);
    await earner.signIn('nohandle@example.org');
    await test.platform.credentials.issue(ADMIN, {
      achievementId: world.parts[0].id,
      recipient: { email: 'nohandle@example.org' },
    });

    const account = await earner.get('/account');
    expect(account.text).toContain('href="/account/pathways"');
    const list = await earner.get('/account/pathways');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="/account/pathways/${pathway.id}"`);
    expect(list.text).toContain('1 of 3 steps done');

    const page = await earner.get(`/account/pathways/${pathway.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/account/pathways"');
    for (const part of world.parts) {
      // Once in the diagram, once in the list a phone shows instead; both named by the step and its state.
      const links = page.text.match(
        new RegExp(`<a href="/achievements/${part.id}" aria-label="${part.name} — `, 'g'),
      );
      expect(links).toHaveLength(2);
      expect((await earner.get(`/achievements/${part.id}`)).status).toBe(200);
    }
    expect(page.text).toContain(`aria-label="${world.parts[0].name} — Done"`);

    const followed = await earner.post(`/account/pathways/${pathway.id}/follow`, {});
    expect(followed.status).toBe(303);
    expect(followed.headers.get('location')).toBe(`/account/pathways/${pathway.id}`);

    // Still the earner's own: a visitor is sent to sign in.
    const stranger = await test.call(`/account/pathways/${pathway.id}`, { headers: { Accept: 'text/html' } });
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toMatch(/^\/signin\?next=/);
  });
});
