import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formFields } from '../../../../test/support/form-fields.js';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import {
  DEMO_ISSUER_OWNER_EMAIL,
  DEMO_PATHWAY_NAME,
  seedDemoData,
} from '../../../domain/demo/seed-demo-data.js';

const BASE = '/console/demo-university/pathways';

function createdId(location: string | null): string {
  const id = location?.match(/\/pathways\/([0-9a-f-]{36})\?done=created$/)?.[1];
  if (id === undefined) throw new Error(`not a pathway page: ${location}`);
  return id;
}

describe('pathways in the console', () => {
  let test: TestApp;
  let owner: WebSession;
  let issuer: WebSession;
  let viewer: WebSession;
  let outsider: WebSession;
  let demoIssuerId: string;
  let demoPathwayId: string;
  let partIds: string[];
  let completionId: string;

  /** A complete, valid form: any two of the first three demo micro-credentials, the first before the second. */
  function pathwayForm(overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
    return {
      name: 'Two of three',
      description: 'A shorter route.',
      completionAchievementId: completionId,
      requirement: JSON.stringify({
        type: 'n-of',
        n: 2,
        precedes: [{ before: 0, after: 1 }],
        children: partIds.slice(0, 3).map((achievementId) => ({ type: 'achievement', achievementId })),
      }),
      intent: 'save',
      ...overrides,
    };
  }

  async function pathwayNames(): Promise<string[]> {
    const all = await test.platform.pathways.list(ADMIN, { issuerId: demoIssuerId });
    return all.map((found) => found.pathway.name);
  }

  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      platform: { adminEmails: ['root@example.org'] },
    });
    await seedDemoData(test.platform);
    const demo = await test.platform.issuers.findBySlug('demo-university');
    if (demo === null) throw new Error('no demo issuer');
    demoIssuerId = demo.id;
    const [demoPathway] = await test.platform.pathways.list(ADMIN, { issuerId: demoIssuerId });
    if (demoPathway === undefined) throw new Error('no demo pathway');
    demoPathwayId = demoPathway.pathway.id;
    const achievements = await test.platform.achievements.list(ADMIN, { issuerId: demoIssuerId });
    partIds = achievements
      .filter((achievement) => achievement.document.achievementType === 'MicroCredential')
      .map((achievement) => achievement.id);
    const completion = await test.platform.achievements.create(ADMIN, {
      issuerId: demoIssuerId,
      name: 'Short Data Certificate',
      description: 'Two of three data micro-credentials.',
      criteria: { narrative: 'Earn two.' },
      achievementType: 'Certificate',
    });
    completionId = completion.id;
    await test.platform.members.add(ADMIN, demoIssuerId, { email: 'ivy@example.org', role: 'issuer' });
    await test.platform.members.add(ADMIN, demoIssuerId, { email: 'vera@example.org', role: 'viewer' });
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    await test.platform.members.add(ADMIN, other.id, { email: 'olga@example.org', role: 'owner' });
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
    issuer = new WebSession(test);
    await issuer.signIn('ivy@example.org');
    viewer = new WebSession(test);
    await viewer.signIn('vera@example.org');
    outsider = new WebSession(test);
    await outsider.signIn('olga@example.org');
  });
  afterAll(async () => {
    await test?.close();
  });

  it('lists the demo pathway as published, with its version and completion achievement', async () => {
    const page = await owner.get(BASE);
    expect(page.status).toBe(200);
    expect(page.text).toContain(DEMO_PATHWAY_NAME);
    expect(page.text).toContain('data-pathway-status="published"');
    expect(page.text).toContain('Data Analytics Certificate');
    expect(page.text).toContain(`href="${BASE}/new"`);
    expect(page.text).toContain(`href="${BASE}" aria-current="page"`);
  });

  it('shows a pathway as a tree in words and as a diagram, in French too', async () => {
    const page = await owner.get(`${BASE}/${demoPathwayId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<svg');
    expect(page.text).toContain('At least 3 of the following 4:');
    expect(page.text).toContain('<li>Data Cleaning Fundamentals');
    const french = await owner.get(`${BASE}/${demoPathwayId}?lang=fr`);
    expect(french.text).toContain('Au moins 3 des 4 éléments suivants :');
    await owner.get(`${BASE}?lang=en`);
  });

  it('links each box of the diagram to an achievement: a milestone and the whole pathway to what they award', async () => {
    const milestone = await test.platform.achievements.create(ADMIN, {
      issuerId: demoIssuerId,
      name: 'Foundations Badge',
      description: 'The first two steps.',
      criteria: { narrative: 'Earn both.' },
      achievementType: 'Badge',
    });
    const created = await test.platform.pathways.create(ADMIN, {
      issuerId: demoIssuerId,
      name: 'With a milestone',
      completionAchievementId: completionId,
      requirement: {
        type: 'all-of',
        children: [
          {
            type: 'all-of',
            name: 'Foundations',
            milestoneAchievementId: milestone.id,
            children: partIds.slice(0, 2).map((achievementId) => ({ type: 'achievement', achievementId })),
          },
          { type: 'achievement', achievementId: partIds[2] ?? '' },
        ],
      },
      status: 'draft',
    });
    const page = await owner.get(`${BASE}/${created.pathway.id}`);
    expect(page.status).toBe(200);
    const console = '/console/demo-university/achievements';
    /** The link around the diagram's box at `path`, and the same step's link in the list a phone shows. */
    const linksAt = (path: string) =>
      [
        ...page.text.matchAll(
          new RegExp(
            `<a href="([^"]+)" aria-label="([^"]+)"><g class="pathway-node" data-state="\\w+" data-path="${path}">`,
            'g',
          ),
        ),
        ...page.text.matchAll(
          new RegExp(
            `<li data-path="${path}"><div class="step"[^>]*><span class="step-name"><a href="([^"]+)" aria-label="([^"]+)">`,
            'g',
          ),
        ),
      ].map(([, href, label]) => ({ href, label }));
    const milestoneLinks = linksAt('requirement\\.children\\.0');
    expect(milestoneLinks).toHaveLength(2);
    for (const link of milestoneLinks) {
      expect(link.href).toBe(`${console}/${milestone.id}`);
      expect(link.label).toContain('Foundations — ');
      expect(link.label).toContain('Awards Foundations Badge');
    }
    expect(linksAt('requirement').map((link) => link.href)).toEqual([
      `${console}/${completionId}`,
      `${console}/${completionId}`,
    ]);
    expect(linksAt('requirement\\.children\\.1')[0]?.href).toBe(`${console}/${partIds[2]}`);
    expect(linksAt('requirement\\.children\\.0\\.children\\.1')[0]?.href).toBe(`${console}/${partIds[1]}`);
    // Where the milestone's box leads is its page in the console.
    const awarded = await owner.get(`${console}/${milestone.id}`);
    expect(awarded.status).toBe(200);
    expect(awarded.text).toContain('Foundations Badge');
    const french = await owner.get(`${BASE}/${created.pathway.id}?lang=fr`);
    expect(french.text).toContain('Délivre Foundations Badge');
    await owner.get(`${BASE}?lang=en`);
  });

  it('creates a draft from a JSON tree, which the list then shows as a draft', async () => {
    const created = await issuer.post(BASE, pathwayForm());
    expect(created.status).toBe(303);
    const id = createdId(created.headers.get('location'));
    const stored = await test.platform.pathways.get(ADMIN, id);
    expect(stored.pathway.status).toBe('draft');
    expect(stored.pathway.description).toBe('A shorter route.');
    const page = await issuer.get(`${BASE}/${id}?done=created`);
    expect(page.text).toContain('Pathway saved as a draft.');
    expect(page.text).toContain('Step 1 before step 2.');
    expect(page.text).toContain(`action="${BASE}/${id}/publish"`);
    const list = await issuer.get(BASE);
    expect(list.text).toMatch(/Two of three<\/a><\/th><td [^>]*data-pathway-status="draft">Draft/);
  });

  it('re-renders bad JSON with the error and every value kept, saving nothing', async () => {
    const before = await pathwayNames();
    const page = await owner.post(
      BASE,
      pathwayForm({ name: 'Broken JSON', requirement: '{"type": "n-of",' }),
    );
    expect(page.status).toBe(400);
    expect(page.text).toContain('The requirement tree is not valid JSON');
    expect(page.text).toContain('value="Broken JSON"');
    expect(page.text).toContain('{&quot;type&quot;: &quot;n-of&quot;,');
    expect(page.text).toContain(`value="${completionId}" selected`);
    expect(await pathwayNames()).toEqual(before);
  });

  it("re-renders a structurally invalid tree with the domain's reasons at their paths", async () => {
    const before = await pathwayNames();
    const tree = JSON.stringify({
      type: 'n-of',
      n: 5,
      children: [{ type: 'achievement', achievementId: partIds[0] }],
    });
    for (const intent of ['save', 'preview']) {
      const page = await owner.post(BASE, pathwayForm({ name: 'Too few', requirement: tree, intent }));
      expect(page.status).toBe(400);
      expect(page.text).toContain('The whole pathway</a> (<code>n</code>): ');
      expect(page.text).toContain('n is 5 but the group has only 1 children');
      expect(page.text).toContain('value="Too few"');
      expect(page.text).not.toContain('<svg');
    }
    const unknownType = await owner.post(BASE, pathwayForm({ requirement: '{"type":"some-of"}' }));
    expect(unknownType.status).toBe(400);
    expect(unknownType.text).toContain('(<code>type</code>): ');
    expect(unknownType.text).toContain('<details open="">');
    expect(await pathwayNames()).toEqual(before);
  });

  it('previews the posted tree in words and drawn, without saving it', async () => {
    const before = await pathwayNames();
    const page = await owner.post(BASE, pathwayForm({ name: 'Only a preview', intent: 'preview' }));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Preview only: nothing is saved yet.');
    expect(page.text).toContain('<svg');
    expect(page.text).toContain('At least 2 of the following 3:');
    expect(page.text).toContain('value="Only a preview"');
    expect(await pathwayNames()).toEqual(before);
  });

  it('previews a tree that nests another pathway, and names a pathway that does not exist', async () => {
    const nested = (pathwayId: string) =>
      JSON.stringify({
        type: 'all-of',
        children: [
          { type: 'pathway', pathwayId },
          { type: 'achievement', achievementId: partIds[3] },
        ],
      });
    const page = await owner.post(
      BASE,
      pathwayForm({ requirement: nested(demoPathwayId), intent: 'preview' }),
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('The pathway leading to Data Analytics Certificate (version 1):');
    expect(page.text).toContain('<svg');
    const unknown = await owner.post(
      BASE,
      pathwayForm({ requirement: nested('00000000-0000-4000-8000-000000000000'), intent: 'preview' }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Step 1</a> (<code>pathwayId</code>): No such pathway');
  });

  it('builds a tree with the editor buttons alone, without JavaScript, and saves what it shows', async () => {
    const blank = await issuer.get(`${BASE}/new`);
    expect(blank.status).toBe(200);
    expect(blank.text).toContain('name="tree.0.kind" value="group"');
    let fields = formFields(blank.text, BASE);
    const press = async (op: string) => {
      const page = await issuer.post(BASE, { ...fields, op });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Tree updated (not saved yet).');
      fields = formFields(page.text, BASE);
      return page;
    };
    await press('add:0:achievement');
    await press('add:0:group');
    const nested = await press('add:0.1:achievement');
    expect(nested.text).toContain('name="tree.0.1.0.achievementId"');
    expect(nested.text).toContain('Step 2.1: Achievement');
    await press('add:0.1:achievement');

    const [first, second, third] = partIds;
    if (first === undefined || second === undefined || third === undefined) throw new Error('demo parts');
    fields = {
      ...fields,
      name: 'Built with buttons',
      completionAchievementId: completionId,
      'tree.0.0.achievementId': first,
      'tree.0.1.rule': 'n-of',
      'tree.0.1.amount': '1',
      'tree.0.1.name': 'One elective',
      'tree.0.1.0.achievementId': second,
      'tree.0.1.1.achievementId': third,
      // The elective group comes after the first achievement.
      'tree.0.1.after.0': 'on',
    };
    // Moving the group up keeps the ordering attached to the same two steps.
    const moved = await press('up:0.1');
    expect(moved.text).toContain('name="tree.0.0.rule"');
    expect(fields['tree.0.1.achievementId']).toBe(first);
    expect(fields['tree.0.0.after.1']).toBe('on');
    expect(fields['tree.0.1.after.0']).toBeUndefined();

    const saved = await issuer.post(BASE, { ...fields, intent: 'save' });
    expect(saved.status).toBe(303);
    const stored = await test.platform.pathways.get(ADMIN, createdId(saved.headers.get('location')));
    expect(stored.pathway.name).toBe('Built with buttons');
    const requirement = stored.version.rules.requirement;
    if (requirement.type !== 'all-of') throw new Error(`root is ${requirement.type}`);
    expect(requirement.precedes).toEqual([{ before: 1, after: 0 }]);
    const [group, leaf] = requirement.children;
    expect(leaf).toMatchObject({ type: 'achievement', achievementId: first });
    expect(group).toMatchObject({ type: 'n-of', n: 1, name: 'One elective' });
  });

  it('removes a step and shows a refused tree with each reason at the step it concerns', async () => {
    const [first, second] = partIds;
    if (first === undefined || second === undefined) throw new Error('demo parts');
    const tree = {
      name: 'Too demanding',
      completionAchievementId: completionId,
      'tree.0.kind': 'group',
      'tree.0.rule': 'n-of',
      'tree.0.amount': '3',
      'tree.0.0.kind': 'achievement',
      'tree.0.0.achievementId': first,
      'tree.0.1.kind': 'achievement',
      'tree.0.1.achievementId': second,
      'tree.0.2.kind': 'achievement',
      'tree.0.2.achievementId': '',
      'tree.0.2.after.0': 'on',
    };
    const before = await pathwayNames();
    const removed = await owner.post(BASE, { ...tree, op: 'remove:0.2' });
    expect(removed.status).toBe(200);
    expect(removed.text).not.toContain('name="tree.0.2.kind"');
    const refused = await owner.post(BASE, { ...formFields(removed.text, BASE), intent: 'save' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('n is 3 but the group has only 2 children');
    expect(refused.text).toContain('<ul class="field-error" id="node-0-errors">');
    expect(refused.text).toMatch(/id="node-0-amount"[^>]*aria-invalid="true"/);
    expect(refused.text).toContain('value="Too demanding"');

    const empty = await owner.post(BASE, { ...tree, 'tree.0.amount': '1', intent: 'preview' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#node-0-2">Step 3</a> (<code>achievementId</code>)');
    expect(await pathwayNames()).toEqual(before);
  });

  it('refuses an editor button that names no step, and replaces the tree from the advanced JSON field', async () => {
    const form = formFields((await owner.get(`${BASE}/new`)).text, BASE);
    const stale = await owner.post(BASE, { ...form, op: 'remove:0' });
    expect(stale.status).toBe(400);
    expect(stale.text).toContain('That button does not apply to this tree any more');
    const json = await owner.post(BASE, {
      ...form,
      op: 'json',
      requirement: JSON.stringify({
        type: 'hours-at-least',
        hours: 40,
        children: [{ type: 'achievement', achievementId: partIds[0] }],
      }),
    });
    expect(json.status).toBe(200);
    const fields = formFields(json.text, BASE);
    expect(fields['tree.0.rule']).toBe('hours-at-least');
    expect(fields['tree.0.amount']).toBe('40');
    expect(fields['tree.0.0.achievementId']).toBe(partIds[0]);
  });

  it('posts the form of a published pathway back unchanged without making a new version', async () => {
    const before = (await test.platform.pathways.get(ADMIN, demoPathwayId)).pathway.currentVersion;
    const action = `${BASE}/${demoPathwayId}`;
    const page = await owner.get(`${action}/edit`);
    expect(page.status).toBe(200);
    const saved = await owner.post(action, { ...formFields(page.text, action), intent: 'save' });
    expect(saved.status).toBe(303);
    expect((await test.platform.pathways.get(ADMIN, demoPathwayId)).pathway.currentVersion).toBe(before);
    const french = await owner.get(`${action}/edit?lang=fr`);
    expect(french.text).toContain('Le parcours entier');
    expect(french.text).toContain('Ajouter une certification');
    await owner.get(`${BASE}?lang=en`);
  });

  it('edits a draft in place, publishes it, then versions its rules', async () => {
    const created = await owner.post(BASE, pathwayForm({ name: 'To publish' }));
    const id = createdId(created.headers.get('location'));
    const form = await owner.get(`${BASE}/${id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('name="expectedVersion" value="1"');
    const saved = await owner.post(
      `${BASE}/${id}`,
      pathwayForm({ name: 'Published route', expectedVersion: '1' }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${BASE}/${id}?done=saved`);
    expect((await test.platform.pathways.get(ADMIN, id)).pathway.name).toBe('Published route');

    const published = await owner.post(`${BASE}/${id}/publish`, {});
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe(`${BASE}/${id}?done=published`);
    expect((await test.platform.pathways.get(ADMIN, id)).pathway.status).toBe('published');
    const page = await owner.get(`${BASE}/${id}`);
    expect(page.text).not.toContain(`${id}/publish`);

    const unchanged = await owner.post(
      `${BASE}/${id}`,
      pathwayForm({ name: 'Renamed', expectedVersion: '1' }),
    );
    expect(unchanged.status).toBe(303);
    expect((await test.platform.pathways.get(ADMIN, id)).pathway.currentVersion).toBe(1);
    const stricter = JSON.stringify({
      type: 'all-of',
      children: partIds.slice(0, 2).map((achievementId) => ({ type: 'achievement', achievementId })),
    });
    const versioned = await owner.post(
      `${BASE}/${id}`,
      pathwayForm({ name: 'Renamed', requirement: stricter, expectedVersion: '1' }),
    );
    expect(versioned.status).toBe(303);
    expect((await test.platform.pathways.get(ADMIN, id)).pathway.currentVersion).toBe(2);
    expect((await owner.get(`${BASE}/${id}`)).text).toContain('Version 2.');

    const stale = await owner.post(`${BASE}/${id}`, pathwayForm({ name: 'Late edit', expectedVersion: '1' }));
    expect(stale.status).toBe(400);
    expect(stale.text).toContain('value="Late edit"');
  });

  it('keeps a draft whose completion achievement is unpublished, saying why publishing was refused', async () => {
    const draftCompletion = await test.platform.achievements.create(ADMIN, {
      issuerId: demoIssuerId,
      name: 'Unfinished Certificate',
      description: 'Not published yet.',
      criteria: { narrative: 'Earn two.' },
      achievementType: 'Certificate',
      status: 'draft',
    });
    const created = await owner.post(
      BASE,
      pathwayForm({ name: 'Not ready', completionAchievementId: draftCompletion.id }),
    );
    const id = createdId(created.headers.get('location'));
    const refused = await owner.post(`${BASE}/${id}/publish`, {});
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).toContain('completionAchievementId');
    expect((await test.platform.pathways.get(ADMIN, id)).pathway.status).toBe('draft');
  });

  it('lets a viewer read but offers no form and refuses every post', async () => {
    const list = await viewer.get(BASE);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(`${BASE}/new`);
    const page = await viewer.get(`${BASE}/${demoPathwayId}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(`action="${BASE}`);
    expect(page.text).not.toContain('/edit"');
    expect((await viewer.get(`${BASE}/new`)).status).toBe(403);
    expect((await viewer.get(`${BASE}/${demoPathwayId}/edit`)).status).toBe(403);
    const before = await pathwayNames();
    expect((await viewer.post(BASE, pathwayForm())).status).toBe(403);
    expect((await viewer.post(BASE, { ...pathwayForm(), op: 'add:0:achievement' })).status).toBe(403);
    expect((await viewer.post(`${BASE}/${demoPathwayId}`, pathwayForm())).status).toBe(403);
    expect((await viewer.post(`${BASE}/${demoPathwayId}/publish`, {})).status).toBe(403);
    expect(await pathwayNames()).toEqual(before);
  });

  it("answers 404 to a member of another issuer, and another issuer's pathway is not found here", async () => {
    expect((await outsider.get(BASE)).status).toBe(404);
    expect((await outsider.get(`${BASE}/${demoPathwayId}`)).status).toBe(404);
    expect((await outsider.post(BASE, pathwayForm())).status).toBe(404);
    expect((await outsider.post(`${BASE}/${demoPathwayId}/publish`, {})).status).toBe(404);
    expect((await outsider.get(`/console/other-college/pathways/${demoPathwayId}`)).status).toBe(404);
  });

  it('sends someone signed out to sign in, and refuses posts without the form token', async () => {
    const anonymous = new WebSession(test);
    const page = await anonymous.get(BASE);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toContain('/signin');
    const before = await pathwayNames();
    expect((await owner.post(BASE, pathwayForm(), { csrf: false })).status).toBe(403);
    expect((await owner.post(`${BASE}/${demoPathwayId}/publish`, {}, { csrf: false })).status).toBe(403);
    expect(await pathwayNames()).toEqual(before);
  });
});
