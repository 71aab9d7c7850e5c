import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';
import { decodeImageDataUri } from '../../../domain/image/image-data-uri.js';

const BASE = '/console/demo-university/achievements';
const ESCO_SQL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';

/** A complete, valid form, as the page posts it. */
function achievementForm(overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    name: 'Spreadsheet Modelling',
    description: 'Builds financial models that others can audit.',
    narrative: 'Submit a **model** reviewed by a tutor.',
    criteriaUrl: 'https://demo.example/criteria',
    achievementType: 'Certificate',
    level: 'Intermediate',
    hours: '12,5',
    credits: '2',
    deliveryMode: 'hybrid',
    language: 'en',
    tags: 'finance, spreadsheets , ',
    validityMonths: '24',
    industry: 'Finance',
    suspendable: 'on',
    'skill-name-0': 'use spreadsheets software',
    'skill-url-0': ESCO_SQL,
    'skill-name-1': 'Financial modelling',
    'skill-url-1': '',
    'skill-name-2': '',
    'skill-url-2': '',
    imageSource: 'keep',
    status: 'published',
    intent: 'save',
    ...overrides,
  };
}

function createdId(location: string | null): string {
  const id = location?.match(/\/achievements\/([0-9a-f-]{36})\?done=created$/)?.[1];
  if (id === undefined) throw new Error(`not an achievement page: ${location}`);
  return id;
}

describe('the achievement designer in the console', () => {
  let test: TestApp;
  let owner: WebSession;
  let demoIssuerId: string;

  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      platform: { adminEmails: ['root@example.org'] },
    });
    await seedDemoData(test.platform);
    const demo = await test.platform.issuers.findBySlug('demo-university');
    if (demo === null) throw new Error('no demo issuer');
    demoIssuerId = demo.id;
    await test.platform.members.add(ADMIN, demo.id, { email: 'vera@example.org', role: 'viewer' });
    await test.platform.members.add(ADMIN, demo.id, { email: 'ivan@example.org', role: 'issuer' });
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    await test.platform.members.add(ADMIN, other.id, { email: 'olga@example.org', role: 'owner' });
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
  });
  afterAll(async () => {
    await test?.close();
  });

  async function create(overrides: Readonly<Record<string, string>> = {}): Promise<string> {
    const response = await owner.post(BASE, achievementForm(overrides));
    expect(response.status).toBe(303);
    return createdId(response.headers.get('location'));
  }

  const publicPage = (id: string) => new WebSession(test).get(`/achievements/${id}`);

  it('creates a published achievement with every field, listed in the console and on its public page', async () => {
    const id = await create();
    const stored = await test.platform.achievements.get(ADMIN, id);
    expect(stored).toMatchObject({
      issuerId: demoIssuerId,
      status: 'published',
      name: 'Spreadsheet Modelling',
      achievementType: 'Certificate',
      level: 'Intermediate',
      hours: 12.5,
      credits: 2,
      deliveryMode: 'hybrid',
      language: 'en',
      tags: ['finance', 'spreadsheets'],
      validityMonths: 24,
      industry: 'Finance',
      suspendable: true,
      skills: [
        { name: 'use spreadsheets software', url: ESCO_SQL, framework: 'ESCO' },
        { name: 'Financial modelling' },
      ],
    });
    expect(stored.document).toMatchObject({
      criteria: { id: 'https://demo.example/criteria', narrative: 'Submit a **model** reviewed by a tutor.' },
    });

    const page = await owner.get(`${BASE}/${id}?done=created`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('The achievement was created.');
    // Only the known confirmations are shown; anything else in the address is ignored.
    const odd = await owner.get(`${BASE}/${id}?done=toString`);
    expect(odd.status).toBe(200);
    expect(odd.text).not.toContain('role="status"');
    expect(page.text).toContain('data-suspendable="true"');
    const list = await owner.get(BASE);
    expect(list.text).toContain(`href="${BASE}/${id}"`);
    expect(list.text).toContain('Spreadsheet Modelling');
    expect(list.text).toContain(`<a href="${BASE}" aria-current="page">Achievements</a>`);
    const shown = await publicPage(id);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('Spreadsheet Modelling');
  });

  it('offers no ESCO picker while no framework is imported, and still takes typed ESCO addresses', async () => {
    const page = await owner.get(`${BASE}/new`);
    expect(page.text).not.toContain('data-esco-picker');
    expect(page.text).toContain('id="skill-url-0"');
    const found = await owner.post(BASE, achievementForm({ name: 'Not Saved', intent: 'findSkill' }));
    expect(found.status).toBe(400);
    const names = (await test.platform.achievements.list(ADMIN, { issuerId: demoIssuerId })).map(
      (a) => a.name,
    );
    expect(names).not.toContain('Not Saved');
  });

  it('keeps a draft off the public pages until it is published, and archives and restores it', async () => {
    const id = await create({ name: 'Draft Analytics', status: 'draft' });
    expect((await publicPage(id)).status).toBe(404);
    expect((await owner.get(`${BASE}?status=draft`)).text).toContain('Draft Analytics');
    expect((await owner.get(`${BASE}?status=published`)).text).not.toContain('Draft Analytics');

    const published = await owner.post(`${BASE}/${id}/status`, { action: 'publish' });
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe(`${BASE}/${id}?done=published`);
    expect((await publicPage(id)).status).toBe(200);

    expect((await owner.post(`${BASE}/${id}/status`, { action: 'archive' })).status).toBe(303);
    expect((await publicPage(id)).status).toBe(404);
    expect((await owner.get(`${BASE}?status=archived`)).text).toContain('Draft Analytics');
    // Publishing is for drafts: an archived achievement is restored, not published.
    expect((await owner.post(`${BASE}/${id}/status`, { action: 'publish' })).status).toBe(409);
    expect((await owner.post(`${BASE}/${id}/status`, { action: 'restore' })).status).toBe(303);
    expect((await test.platform.achievements.get(ADMIN, id)).status).toBe('published');
  });

  it('saves an edit, clearing emptied fields and leaving suspendability as it was created', async () => {
    const id = await create({ name: 'Editable', suspendable: '' });
    const saved = await owner.post(
      `${BASE}/${id}`,
      achievementForm({
        name: 'Edited',
        hours: '',
        level: '',
        industry: '',
        suspendable: 'on',
        'skill-name-1': '',
      }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${BASE}/${id}?done=saved`);
    const stored = await test.platform.achievements.get(ADMIN, id);
    expect(stored).toMatchObject({
      name: 'Edited',
      hours: null,
      level: null,
      industry: null,
      suspendable: false,
    });
    expect(stored.skills).toHaveLength(1);
    const page = await owner.get(`${BASE}/${id}`);
    expect(page.text).toContain('value="Edited"');
    expect(page.text).toContain('data-suspendable="false"');
    expect(page.text).toContain('cannot be changed');
    expect(page.text).not.toContain('name="suspendable"');
  });

  it('previews the criteria as rendered Markdown without saving anything', async () => {
    const before = (await test.platform.achievements.list(ADMIN, { issuerId: demoIssuerId })).length;
    const preview = await owner.post(
      BASE,
      achievementForm({
        name: 'Previewed',
        narrative: 'Pass the **exam**.\n\n<script>alert(1)</script>',
        intent: 'preview',
      }),
    );
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('<strong>exam</strong>');
    expect(preview.text).not.toContain('<script>alert(1)</script>');
    expect(preview.text).toContain('value="Previewed"');
    expect((await test.platform.achievements.list(ADMIN, { issuerId: demoIssuerId })).length).toBe(before);
  });

  it('stores a designed badge, which the public image route serves as SVG under its strict CSP', async () => {
    const preview = await owner.post(
      BASE,
      achievementForm({
        imageSource: 'design',
        shape: 'shield',
        background: '#0f766e',
        foreground: '#ffffff',
        initials: 'sm',
        intent: 'preview',
      }),
    );
    expect(preview.text).toContain('The badge that will be saved');
    expect(preview.text).toContain('src="data:image/svg+xml;base64,');

    const id = await create({
      imageSource: 'design',
      shape: 'shield',
      background: '#0f766e',
      foreground: '#ffffff',
      initials: 'sm',
    });
    const image = await test.call(`/achievements/${id}/image`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toContain('image/svg+xml');
    expect(image.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(image.text).toContain('fill="#0f766e"');
    expect(image.text).toContain('>SM</text>');
  });

  it('refuses a badge design it cannot draw, keeping what was typed', async () => {
    const refused = await owner.post(
      BASE,
      achievementForm({
        name: 'Bad Design',
        imageSource: 'design',
        shape: 'circle',
        background: '#000000',
        foreground: '#ffffff',
        initials: 'ABCD',
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('one to three letters or digits');
    expect(refused.text).toContain('value="Bad Design"');
  });

  it('sanitises an uploaded SVG badge that carries a script', async () => {
    const hostile =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">' +
      '<script>alert(document.cookie)</script><rect width="10" height="10" fill="#123456"/></svg>';
    const response = await owner.postMultipart(BASE, {
      ...achievementForm({ name: 'Uploaded Badge', imageSource: 'upload' }),
      image: new File([hostile], 'badge.svg', { type: 'image/svg+xml' }),
    });
    expect(response.status).toBe(303);
    const stored = await test.platform.achievements.get(ADMIN, createdId(response.headers.get('location')));
    const svg = decodeImageDataUri(stored.image?.id ?? '')?.bytes.toString('utf8') ?? '';
    expect(svg).toContain('fill="#123456"');
    expect(svg).not.toContain('script');
    expect(svg).not.toContain('onload');
    const served = await test.call(`/achievements/${stored.id}/image`);
    expect(served.text).not.toContain('script');
  });

  it('refuses an upload that is not a PNG or an SVG, and an upload option without a file', async () => {
    const text = await owner.postMultipart(BASE, {
      ...achievementForm({ name: 'Not An Image', imageSource: 'upload' }),
      image: new File(['hello'], 'notes.txt', { type: 'text/plain' }),
    });
    expect(text.status).toBe(400);
    expect(text.text).toContain('neither a PNG nor an SVG');
    const none = await owner.postMultipart(BASE, achievementForm({ name: 'No File', imageSource: 'upload' }));
    expect(none.status).toBe(400);
    expect(none.text).toContain('Choose a file to upload');
  });

  it('re-renders bad input with the errors and the values kept', async () => {
    const refused = await owner.post(
      BASE,
      achievementForm({ name: '', hours: '-1', description: 'Kept description', 'skill-url-1': 'not a url' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Nothing was saved');
    expect(refused.text).toContain('href="#achievement-name"');
    expect(refused.text).toContain('href="#achievement-hours"');
    expect(refused.text).toContain('href="#skill-url-1"');
    expect(refused.text).toContain('aria-invalid="true"');
    expect(refused.text).toContain('value="-1"');
    expect(refused.text).toContain('Kept description');
    expect(refused.text).toContain('value="Financial modelling"');
  });

  it('lets an issuer member create, and shows a viewer everything with no form to change it', async () => {
    const issuer = new WebSession(test);
    await issuer.signIn('ivan@example.org');
    const created = await issuer.post(BASE, achievementForm({ name: 'By An Issuer', status: 'draft' }));
    expect(created.status).toBe(303);
    const id = createdId(created.headers.get('location'));

    const viewer = new WebSession(test);
    await viewer.signIn('vera@example.org');
    const list = await viewer.get(BASE);
    expect(list.status).toBe(200);
    expect(list.text).toContain('By An Issuer');
    expect(list.text).not.toContain(`href="${BASE}/new"`);
    const detail = await viewer.get(`${BASE}/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('By An Issuer');
    expect(detail.text).not.toContain(`action="${BASE}`);
    expect((await viewer.get(`${BASE}/new`)).status).toBe(403);
    expect((await viewer.post(BASE, achievementForm({ name: 'By A Viewer' }))).status).toBe(403);
    expect(
      (await viewer.post(`${BASE}/${id}`, achievementForm({ name: 'Changed By A Viewer' }))).status,
    ).toBe(403);
    expect((await viewer.post(`${BASE}/${id}/status`, { action: 'publish' })).status).toBe(403);
    const stored = await test.platform.achievements.get(ADMIN, id);
    expect(stored).toMatchObject({ name: 'By An Issuer', status: 'draft' });
    const names = (await test.platform.achievements.list(ADMIN, { issuerId: demoIssuerId })).map(
      (a) => a.name,
    );
    expect(names).not.toContain('By A Viewer');
  });

  it('answers 404 to a member of another issuer, for the console and for its achievements by id', async () => {
    const id = await create({ name: 'Not For Olga' });
    const olga = new WebSession(test);
    await olga.signIn('olga@example.org');
    expect((await olga.get(BASE)).status).toBe(404);
    expect((await olga.get(`${BASE}/${id}`)).status).toBe(404);
    expect((await olga.post(`${BASE}/${id}`, achievementForm({ name: 'Taken' }))).status).toBe(404);
    // Through her own issuer's console, another issuer's achievement does not exist either.
    expect((await olga.get(`/console/other-college/achievements/${id}`)).status).toBe(404);
    expect(
      (await olga.post(`/console/other-college/achievements/${id}/status`, { action: 'archive' })).status,
    ).toBe(404);
    expect((await test.platform.achievements.get(ADMIN, id)).status).toBe('published');
  });

  it('sends someone signed out to sign in, and refuses a form posted without its token', async () => {
    const stranger = await new WebSession(test).get(BASE);
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(BASE)}`);
    const forged = await owner.post(BASE, achievementForm({ name: 'Forged' }), { csrf: false });
    expect(forged.status).toBe(403);
    const names = (await test.platform.achievements.list(ADMIN, { issuerId: demoIssuerId })).map(
      (a) => a.name,
    );
    expect(names).not.toContain('Forged');
  });
});
