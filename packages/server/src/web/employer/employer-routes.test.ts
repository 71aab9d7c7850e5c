import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCO_FILES, OCCUPATION_ID, SPREADSHEETS, SQL, VISUAL } from '../../../test/support/small-esco.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';
import {
  DEMO_EMPLOYER_EMAIL,
  DEMO_EMPLOYER_SLUG,
  DEMO_TALENT_EMAIL,
} from '../../domain/demo/seed-demo-talent.js';

const BASE = `/employer/${DEMO_EMPLOYER_SLUG}`;
const JOB = 'We need an analyst who writes SQL queries and builds dashboards to present data visually';
const ROLE = `?skill=${encodeURIComponent(SQL)}&skill=${encodeURIComponent(VISUAL)}&essential=${encodeURIComponent(SQL)}&essential=${encodeURIComponent(VISUAL)}`;

describe('the employer workspace', () => {
  let test: TestApp;
  let owner: WebSession;
  let viewer: WebSession;
  let outsider: WebSession;
  let otherOwner: WebSession;
  let admin: WebSession;
  let anonymous: WebSession;
  let jordanId: string;
  let jordanCredential: string;
  let storytelling: string;

  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      platform: { adminEmails: ['root@example.org'] },
    });
    // The demo aligns achievements to ESCO URIs the small framework lacks: seeded before it is imported.
    await seedDemoData(test.platform);
    await test.platform.skills.importEsco(null, ESCO_FILES);
    const demo = await test.platform.employers.findBySlug(DEMO_EMPLOYER_SLUG);
    if (demo === null) throw new Error('no demo employer');
    await test.platform.employers.invite(ADMIN, demo.id, { email: 'viewer@example.com', role: 'viewer' });
    await test.platform.employers.create(ADMIN, {
      slug: 'other-co',
      name: 'Other Co',
      ownerEmail: 'boss@other.example',
    });
    const found = await test.platform.talent.search(ADMIN, { skills: [SQL] });
    const jordan = found.candidates[0];
    jordanId = jordan?.earnerId ?? '';
    jordanCredential = jordan?.matched[0]?.proofs[0]?.credentialId ?? '';
    const achievements = await test.platform.achievements.list(ADMIN, { limit: 100 });
    storytelling = achievements.find((item) => item.name === 'Data Visualisation and Storytelling')?.id ?? '';

    owner = new WebSession(test);
    await owner.signIn(DEMO_EMPLOYER_EMAIL);
    viewer = new WebSession(test);
    await viewer.signIn('viewer@example.com');
    outsider = new WebSession(test);
    await outsider.signIn('someone@example.org');
    otherOwner = new WebSession(test);
    await otherOwner.signIn('boss@other.example');
    admin = new WebSession(test);
    await admin.signIn('root@example.org');
    anonymous = new WebSession(test);
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  const PAGES = [
    BASE,
    `${BASE}?q=analyst`,
    `${BASE}/occupations/${OCCUPATION_ID}`,
    `${BASE}/talent${ROLE}`,
    `${BASE}/review${ROLE}&add=statistics`,
    `${BASE}/members`,
    `${BASE}/api-keys`,
  ];

  it('has found the demo earner and the achievements the gap needs', () => {
    expect(jordanId).not.toBe('');
    expect(jordanCredential).not.toBe('');
    expect(storytelling).not.toBe('');
  });

  it('sends someone signed out to sign in, from every page and form', async () => {
    for (const path of ['/employer', ...PAGES, `${BASE}/candidates/${jordanId}${ROLE}`]) {
      const response = await anonymous.get(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toContain('/signin');
    }
    const post = await anonymous.post(`${BASE}/role`, { text: JOB });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toContain('/signin');
  });

  it('answers 404 to someone who is not a member, and says so on /employer', async () => {
    const home = await outsider.get('/employer');
    expect(home.status).toBe(403);
    expect(home.text).toContain('not staff of any employer');
    expect(home.text).not.toContain('href="/employer"');
    for (const path of [...PAGES, `${BASE}/candidates/${jordanId}${ROLE}`]) {
      expect((await outsider.get(path)).status, path).toBe(404);
    }
    expect((await outsider.post(`${BASE}/role`, { text: JOB })).status).toBe(404);
    expect((await outsider.post(`${BASE}/members`, { email: 'x@example.org', role: 'owner' })).status).toBe(
      404,
    );
  });

  it("keeps another employer's workspace out of reach (404), and opens the member's own", async () => {
    for (const path of PAGES) expect((await otherOwner.get(path)).status, path).toBe(404);
    const home = await otherOwner.get('/employer');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/employer/other-co');
    expect((await otherOwner.get('/employer/other-co')).status).toBe(200);
  });

  it('lands an employer on their workspace after signing in, with a link in the header', async () => {
    const session = new WebSession(test);
    const signedIn = await session.signIn(DEMO_EMPLOYER_EMAIL);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/employer');
    const home = await owner.get('/employer');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe(BASE);
    const page = await owner.get(BASE);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<a href="/employer" aria-current="page">Employer workspace</a>');
    expect((await outsider.get('/account')).text).not.toContain('Employer workspace');
  });

  it('lets the administrator choose any employer', async () => {
    const home = await admin.get('/employer');
    expect(home.status).toBe(200);
    expect(home.text).toContain(`href="${BASE}"`);
    expect(home.text).toContain('href="/employer/other-co"');
    expect((await admin.get(`${BASE}/talent${ROLE}`)).text).toContain('Jordan Rivera');
  });

  it('matches a pasted job description to skills to review, and refuses a post without its form token', async () => {
    const review = await owner.post(`${BASE}/role`, { text: JOB });
    expect(review.status).toBe(200);
    expect(review.text).toContain('Review the skills');
    expect(review.text).toContain(`action="${BASE}/talent"`);
    expect(review.text).toMatch(new RegExp(`name="skill" value="${SQL}" checked`));
    expect(review.text).toMatch(new RegExp(`name="skill" value="${VISUAL}" checked`));
    expect(review.text).toContain('name="issuer"');
    expect(review.text).toContain('name="since"');
    expect(review.text).toContain('name="location"');
    const forged = await owner.post(`${BASE}/role`, { text: JOB }, { csrf: false });
    expect(forged.status).toBe(403);
    const empty = await owner.post(`${BASE}/role`, { text: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Paste a job description first.');
    const foreign = await owner.post(`${BASE}/role`, { text: 'Nous cherchons une personne motivée' });
    expect(foreign.status).toBe(400);
    expect(foreign.text).toContain('Skills are matched in English');
    const long = await owner.post(`${BASE}/role`, { text: 'sql '.repeat(6000) });
    expect(long.status).toBe(400);
    expect(long.text).toContain('20000');
  });

  it('starts a role from an ESCO occupation, its essential skills ticked', async () => {
    const search = await owner.get(`${BASE}?q=analysis+specialist`);
    expect(search.text).toContain(`href="${BASE}/occupations/${OCCUPATION_ID}"`);
    const review = await owner.get(`${BASE}/occupations/${OCCUPATION_ID}`);
    expect(review.status).toBe(200);
    expect(review.text).toContain('The occupation “data analyst” needs 5 skills');
    expect(review.text).toMatch(new RegExp(`name="essential" value="${SQL}" checked`));
    expect(review.text).toMatch(new RegExp(`name="skill" value="${SPREADSHEETS}"\\s*/?>`));
    expect((await owner.get(`${BASE}/occupations/nope`)).status).toBe(404);
  });

  it('adds skills found by name to the role being reviewed, keeping what was ticked and the filters', async () => {
    const page = await owner.get(
      `${BASE}/review?skill=${encodeURIComponent(SQL)}&essential=${encodeURIComponent(SQL)}&location=Lyon&add=spreadsheets`,
    );
    expect(page.status).toBe(200);
    expect(page.text).toMatch(new RegExp(`name="skill" value="${SQL}" checked`));
    expect(page.text).toMatch(new RegExp(`name="essential" value="${SQL}" checked`));
    expect(page.text).toMatch(new RegExp(`name="skill" value="${SPREADSHEETS}"\\s*/?>`));
    expect(page.text).toContain('1 skill matches “spreadsheets”');
    expect(page.text).toMatch(/name="location"[^>]*value="Lyon"/);
    expect(page.text).toContain(`formaction="${BASE}/review"`);
    const none = await owner.get(`${BASE}/review?skill=${encodeURIComponent(SQL)}&add=zzzz`);
    expect(none.text).toContain('No skill of the framework matches “zzzz”.');
  });

  it('finds Jordan with the credential that proves SQL, and explains the coverage', async () => {
    const page = await owner.get(`${BASE}/talent${ROLE}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Jordan Rivera');
    expect(page.text).toContain('Lyon, France');
    expect(page.text).toContain(`href="mailto:${DEMO_TALENT_EMAIL}"`);
    expect(page.text).toContain('1 of 2 skills proven, 1 of 2 essential');
    expect(page.text).toContain(`href="/credentials/${jordanCredential}"`);
    expect(page.text).toContain('SQL for Analysts');
    expect(page.text).toContain(`href="${BASE}/candidates/${jordanId}?`);
    const required = await owner.get(`${BASE}/talent${ROLE}&required=${encodeURIComponent(VISUAL)}`);
    expect(required.text).not.toContain('Jordan Rivera');
    expect(required.text).toContain('No one who chose to be found proves these skills yet.');
    const issuer = await owner.get(`${BASE}/talent${ROLE}&issuer=Nowhere+College`);
    expect(issuer.text).not.toContain('Jordan Rivera');
    const place = await owner.get(`${BASE}/talent${ROLE}&location=Lyon`);
    expect(place.text).toContain('Jordan Rivera');
    const unknown = await owner.get(`${BASE}/talent?skill=http://data.europa.eu/esco/skill/nope`);
    expect(unknown.status).toBe(400);
    const nothing = await owner.get(`${BASE}/talent`);
    expect(nothing.status).toBe(303);
    expect(nothing.headers.get('location')).toBe(BASE);
  });

  it('shows one candidate against the role and the micro-credentials that close the gap', async () => {
    const page = await owner.get(`${BASE}/candidates/${jordanId}${ROLE}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Jordan Rivera</h1>');
    expect(page.text).toContain('Proves 1 of the 2 skills of the role with verified credentials.');
    expect(page.text).toContain(`href="/credentials/${jordanCredential}"`);
    expect(page.text).toMatch(new RegExp(`data-missing="essential">\\s*<li data-skill="${VISUAL}"`));
    expect(page.text).toContain('This micro-credential closes 1 more of the skills they miss.');
    expect(page.text).toContain(`href="/achievements/${storytelling}"`);
    expect((await owner.get(`${BASE}/candidates/00000000-0000-4000-8000-000000000000${ROLE}`)).status).toBe(
      404,
    );
    expect((await owner.get(`${BASE}/candidates/not-an-id${ROLE}`)).status).toBe(404);
  });

  it('lets every member read the members, and only an owner change them', async () => {
    const read = await viewer.get(`${BASE}/members`);
    expect(read.status).toBe(200);
    expect(read.text).toContain(DEMO_EMPLOYER_EMAIL);
    expect(read.text).not.toContain('Invite a colleague');
    expect(read.text).not.toContain(`href="${BASE}/api-keys"`);
    expect((await viewer.post(`${BASE}/members`, { email: 'x@example.org', role: 'viewer' })).status).toBe(
      403,
    );
    expect((await viewer.post(`${BASE}/members/remove`, { email: DEMO_EMPLOYER_EMAIL })).status).toBe(403);
    expect((await viewer.get(`${BASE}/api-keys`)).status).toBe(403);
    expect((await viewer.post(`${BASE}/api-keys`, { name: 'ATS' })).status).toBe(403);
    // A viewer still searches talent.
    expect((await viewer.get(`${BASE}/talent${ROLE}`)).text).toContain('Jordan Rivera');

    const invited = await owner.post(`${BASE}/members`, {
      email: 'Recruiter@Example.com',
      role: 'recruiter',
    });
    expect(invited.status).toBe(303);
    expect(invited.headers.get('location')).toBe(`${BASE}/members?done=invited`);
    expect(
      (await test.platform.mail.list(500)).some((mail) => mail.toAddress === 'recruiter@example.com'),
    ).toBe(true);
    const role = await owner.post(`${BASE}/members/role`, { email: 'recruiter@example.com', role: 'viewer' });
    expect(role.status).toBe(303);
    expect((await owner.get(`${BASE}/members?done=role`)).text).toContain('The role was changed.');
    const removed = await owner.post(`${BASE}/members/remove`, { email: 'recruiter@example.com' });
    expect(removed.headers.get('location')).toBe(`${BASE}/members?done=removed`);
    expect((await owner.get(`${BASE}/members`)).text).not.toContain('recruiter@example.com');

    const lastOwner = await owner.post(`${BASE}/members/role`, {
      email: DEMO_EMPLOYER_EMAIL,
      role: 'viewer',
    });
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.text).toContain('last owner');
    expect((await owner.post(`${BASE}/members/remove`, { email: DEMO_EMPLOYER_EMAIL })).status).toBe(409);
    expect((await owner.post(`${BASE}/members`, { email: 'not an address', role: 'viewer' })).status).toBe(
      400,
    );
    expect((await owner.post(`${BASE}/members/remove`, { email: 'nobody@example.org' })).status).toBe(404);
    expect(
      (await owner.post(`${BASE}/members`, { email: 'x@example.org', role: 'viewer' }, { csrf: false }))
        .status,
    ).toBe(403);
  });

  it('lets an owner create an API key, shown once, and revoke it', async () => {
    const created = await owner.post(`${BASE}/api-keys`, { name: 'Our ATS' });
    expect(created.status).toBe(201);
    const token = created.text.match(/data-api-token[^>]*>\s*(mc_[0-9a-f]{16}\.[A-Za-z0-9_-]{43})\s*</)?.[1];
    if (token === undefined) throw new Error('the token is on the page');
    const match = () => test.call('/api/v1/roles/match', { token, json: { text: JOB } });
    expect((await match()).status).toBe(200);
    const list = await owner.get(`${BASE}/api-keys`);
    expect(list.text).toContain('Our ATS');
    expect(list.text).not.toContain(token);
    expect(list.text).not.toContain('>never<');
    const keyId = list.text.match(/data-api-key="([0-9a-f-]{36})"/)?.[1] ?? '';
    const revoked = await owner.post(`${BASE}/api-keys/${keyId}/revoke`, {});
    expect(revoked.headers.get('location')).toBe(`${BASE}/api-keys?done=revoked`);
    expect((await owner.get(`${BASE}/api-keys?done=revoked`)).text).toContain('The key was revoked.');
    expect((await match()).status).toBe(401);
    expect((await owner.post(`${BASE}/api-keys`, { name: '' })).status).toBe(400);
    expect((await owner.post(`${BASE}/api-keys/${keyId}/revoke`, {}, { csrf: false })).status).toBe(403);
  });

  it('speaks French when asked', async () => {
    const page = await owner.get(`${BASE}?lang=fr`);
    expect(page.text).toContain('Décrire un poste');
    expect(page.text).toContain('Espace employeur');
    const talent = await owner.get(`${BASE}/talent${ROLE}`);
    expect(talent.text).toContain('1 compétence prouvée sur 2, dont 1 essentielle sur 2');
    await owner.get(`${BASE}?lang=en`);
  });
});
