import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPathwayWorld, threeOfFour } from '../../../test/support/pathway-fixtures.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';

const SQL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
const EMAIL = 'ada@example.org';
const HANDLE = 'ada-portfolio';

/** The HTML between an element's opening `id` and the next section: what one section holds. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start === -1) return '';
  const end = html.indexOf('</section>', start);
  return html.slice(start, end === -1 ? undefined : end);
}

function occurrences(html: string, text: string): number {
  return html.split(text).length - 1;
}

describe('the public portfolio /u/{handle}', () => {
  let test: TestApp;
  let earner: WebSession;
  let stranger: WebSession;
  const ids: Record<string, string> = {};
  let certificateId = '';

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    const world = await seedPathwayWorld(test.platform);
    await test.platform.pathways.create(ADMIN, threeOfFour(world));
    await test.platform.issuers.update(ADMIN, world.issuer.id, { brandColor: '#8A1538' });
    const achievement = async (name: string, skills: { name: string; url?: string }[]) =>
      (
        await test.platform.achievements.create(ADMIN, {
          issuerId: world.issuer.id,
          name,
          description: `${name}.`,
          criteria: { narrative: 'Pass.' },
          skills,
        })
      ).id;
    const twoSkills = await achievement('SQL and Spreadsheets', [
      { name: 'SQL', url: SQL },
      { name: 'Spreadsheets' },
    ]);
    const revoked = await achievement('Withdrawn Course', [{ name: 'Withdrawn skill' }]);
    earner = new WebSession(test);
    await earner.signIn(EMAIL);
    await earner.post('/account/profile', { displayName: 'Ada Lovelace', handle: HANDLE, locale: 'en' });
    const issue = async (key: string, achievementId: string) => {
      ids[key] = (
        await test.platform.credentials.issue(ADMIN, { achievementId, recipient: { email: EMAIL } })
      ).record.id;
    };
    await issue('twoSkills', twoSkills);
    await issue('revoked', revoked);
    for (const [index, part] of world.parts.slice(0, 3).entries()) await issue(`part${index}`, part.id);
    const earnerId = (await test.platform.earners.ofSession(earner.cookie('mc_session') ?? ''))?.id ?? '';
    for (const item of await test.platform.earners.portfolio(earnerId)) {
      if (item.kind !== 'issued') continue;
      if (item.credential.achievementId === world.certificate.id) certificateId = item.credential.id;
      await earner.post(`/account/credentials/${item.credential.id}`, {
        choice: 'accepted',
        visibility: 'public',
      });
    }
    await test.platform.credentials.revoke(ADMIN, ids.revoked ?? '', { reason: 'issued in error' });
    stranger = new WebSession(test);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('says how many credentials it shows and how many of them verify, never counting a revoked one as verified', async () => {
    const page = await stranger.get(`/u/${HANDLE}`);
    expect(page.status).toBe(200);
    // Five issued (two plus three parts) and the pathway's certificate: six shown, the revoked one not valid.
    expect(page.text).toContain('Ada Lovelace shares 6 credentials; 5 currently verify as valid.');
    expect(page.text).not.toContain('6 verified credentials');
    const french = await new WebSession(test).get(`/u/${HANDLE}?lang=fr`);
    expect(french.text).toContain('Ada Lovelace partage 6 certifications, dont 5 valides à ce jour.');
    expect(french.text).toContain('Révoquée');
    const revokedCard = page.text.slice(page.text.indexOf(`data-credential="${ids.revoked}"`));
    expect(revokedCard.slice(0, revokedCard.indexOf('</article>'))).toMatch(
      /data-standing="revoked"[\s\S]*Revoked[\s\S]*issued in error/,
    );
  });

  it('shows each credential once, with its issuer, its colour and date, even when it proves several skills', async () => {
    const page = await stranger.get(`/u/${HANDLE}`);
    for (const id of [...Object.values(ids), certificateId]) {
      expect(occurrences(page.text, `data-credential="${id}"`), id).toBe(1);
    }
    const card = page.text.slice(page.text.indexOf(`data-credential="${ids.twoSkills}"`));
    const oneCard = card.slice(0, card.indexOf('</article>'));
    expect(oneCard).toContain('SQL and Spreadsheets');
    expect(oneCard).toMatch(/<p class="portfolio-issuer">Issuer issuer-[0-9a-f]{6}<\/p>/);
    expect(oneCard).toMatch(
      /<time datetime="\d{4}-\d\d-\d\dT[^"]+">Issued [A-Z][a-z]+ \d{1,2}, \d{4}<\/time>/,
    );
  });

  it('puts the pathway certificate first, in its own section, never under “Other”', async () => {
    const page = await stranger.get(`/u/${HANDLE}`);
    const certificates = section(page.text, 'portfolio-certificates');
    expect(certificates).toContain(`data-credential="${certificateId}"`);
    expect(certificates).toContain('Pathway: Three of four');
    expect(page.text.indexOf('id="portfolio-certificates"')).toBeLessThan(
      page.text.indexOf('id="portfolio-credentials"'),
    );
    expect(section(page.text, 'portfolio-credentials')).not.toContain(`data-credential="${certificateId}"`);
    expect(page.text).not.toMatch(/>Other</);
  });

  it('sums up the skills that verified credentials prove, linking the framework skill to its page', async () => {
    const skills = section((await stranger.get(`/u/${HANDLE}`)).text, 'skills-summary');
    expect(skills).toContain(`<a href="/skills/${SQL.split('/').pop()}">SQL</a>`);
    expect(skills).toMatch(/Spreadsheets<\/span> <span class="muted">1 credential</);
    // The revoked credential proves nothing.
    expect(skills).not.toContain('Withdrawn skill');
  });

  it('shows initials, the headline and the https links the earner sets in their settings', async () => {
    const before = await stranger.get(`/u/${HANDLE}`);
    expect(before.text).toMatch(/<span class="portfolio-avatar" aria-hidden="true">AL<\/span>/);
    expect(before.text).not.toContain('portfolio-headline');
    const saved = await earner.post('/account/public-profile', {
      headline: '  Data analyst at Acme ',
      link1Label: 'Website',
      link1Url: 'https://ada.example.org/',
      link2Label: '',
      link2Url: 'https://www.linkedin.com/in/ada',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(
      '/account/settings?done=public-profile#public-profile-heading',
    );
    const settings = await earner.get(saved.headers.get('location') ?? '');
    expect(settings.text).toContain('Portfolio header updated.');
    expect(settings.text).toContain('value="Data analyst at Acme"');
    const after = await stranger.get(`/u/${HANDLE}`);
    expect(after.text).toContain('<p class="portfolio-headline">Data analyst at Acme</p>');
    expect(after.text).toContain(
      '<a class="portfolio-link" href="https://ada.example.org/" rel="me nofollow noopener">Website</a>',
    );
    // Without a label, the link is named by its site.
    expect(after.text).toContain('rel="me nofollow noopener">www.linkedin.com</a>');
  });

  it('refuses a header with a non-https link, an overlong headline or a label without an address, and keeps what was typed', async () => {
    const refused = await earner.post('/account/public-profile', {
      headline: 'x'.repeat(121),
      link1Label: 'Blog',
      link1Url: 'http://ada.example.org/',
      link2Label: 'Script',
      link2Url: 'javascript:alert(1)',
      link3Label: 'Nothing',
      link3Url: '',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('The portfolio header was not changed');
    expect(refused.text).toContain('The headline is longer than 120 characters.');
    expect(refused.text).toContain('Link 1: enter a full web address starting with https://.');
    expect(refused.text).toContain('Link 2: enter a full web address starting with https://.');
    expect(refused.text).toContain('Link 3: a label needs an address.');
    expect(refused.text).toContain('value="http://ada.example.org/"');
    expect(refused.text).toMatch(/id="link-1-url"[^>]*aria-invalid="true"/);
    const page = await stranger.get(`/u/${HANDLE}`);
    expect(page.text).toContain('Data analyst at Acme');
    expect(page.text).not.toContain('javascript:');
  });

  it('says the header refusals in French too', async () => {
    const french = new WebSession(test);
    await french.signIn('ada.fr@example.org');
    await french.post('/account/profile', { displayName: '', handle: '', locale: 'fr' });
    const refused = await french.post('/account/public-profile', {
      headline: '',
      link1Label: '',
      link1Url: 'ftp://x',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(
      'Lien 1\u00a0: saisissez une adresse web complète commençant par https://.',
    );
  });

  it('features up to three public credentials first, in a row of their own, and shows them once', async () => {
    const feature = (id: string, featured = 'on') => earner.post(`/account/featured/${id}`, { featured });
    const done = await feature(ids.twoSkills ?? '');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/account?done=featured');
    expect((await earner.get('/account?done=featured')).text).toContain(
      'Featured first on your public portfolio.',
    );
    const page = await stranger.get(`/u/${HANDLE}`);
    expect(section(page.text, 'portfolio-featured')).toContain(`data-credential="${ids.twoSkills}"`);
    expect(page.text.indexOf('id="portfolio-featured"')).toBeLessThan(
      page.text.indexOf('id="portfolio-certificates"'),
    );
    expect(occurrences(page.text, `data-credential="${ids.twoSkills}"`)).toBe(1);

    await feature(ids.part0 ?? '');
    await feature(ids.part1 ?? '');
    const full = await feature(ids.part2 ?? '');
    expect(full.status).toBe(400);
    expect(full.text).toContain('You already feature 3 credentials: stop featuring one first.');

    expect((await feature(ids.part0 ?? '', 'off')).headers.get('location')).toBe('/account?done=unfeatured');
    const featured = section((await stranger.get(`/u/${HANDLE}`)).text, 'portfolio-featured');
    expect(featured).not.toContain(`data-credential="${ids.part0}"`);
    expect(featured.indexOf(ids.twoSkills ?? '')).toBeLessThan(featured.indexOf(ids.part1 ?? ''));
  });

  it('refuses to feature a credential the portfolio does not show, and asks a stranger to sign in', async () => {
    await earner.post(`/account/credentials/${ids.part2}`, { visibility: 'private' });
    const hidden = await earner.post(`/account/featured/${ids.part2}`, { featured: 'on' });
    expect(hidden.status).toBe(400);
    expect(hidden.text).toContain('Only a public credential can be featured');
    for (const [path, fields] of [
      [`/account/featured/${ids.part1}`, { featured: 'off' }],
      ['/account/public-profile', { headline: 'Not mine' }],
    ] as const) {
      const signedOut = await stranger.post(path, fields);
      expect(signedOut.status).toBe(303);
      expect(signedOut.headers.get('location')).toMatch(/^\/signin/);
    }
    expect((await stranger.get(`/u/${HANDLE}`)).text).not.toContain('Not mine');
  });
});
