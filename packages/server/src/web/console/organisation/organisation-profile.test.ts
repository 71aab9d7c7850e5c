import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';

const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">' +
  '<script>alert(document.cookie)</script>' +
  '<a href="javascript:alert(2)"><circle r="4" onclick="alert(3)" fill="#0a7"/></a></svg>';

/** The drawing operators of a PDF's first page (pdf-lib compresses them with Flate). */
async function pageOperators(pdf: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const contents = doc.getPages()[0]?.node.Contents();
  const parts = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return parts
    .map((part) => doc.context.lookup(part))
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => inflateSync(stream.contents).toString('latin1'))
    .join('\n');
}

describe('the organisation profile and branding in the console', () => {
  let test: TestApp;
  let issuerId: string;
  let owner: WebSession;
  const page = '/console/demo-university/organisation';

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    ({ issuerId } = await seedDemoData(test.platform));
    await test.platform.members.add(ADMIN, issuerId, { email: 'vera@example.org', role: 'viewer' });
    await test.platform.members.add(ADMIN, issuerId, { email: 'ivan@example.org', role: 'issuer' });
    const other = await test.platform.issuers.create(ADMIN, { slug: 'other-college', name: 'Other College' });
    await test.platform.members.add(ADMIN, other.id, { email: 'olga@example.org', role: 'owner' });
    owner = new WebSession(test);
    await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
  });
  afterAll(async () => {
    await test?.close();
  });

  const issuer = () => test.platform.issuers.get(ADMIN, issuerId);

  it('lets the owner change the profile, clearing what is left empty', async () => {
    const saved = await owner.post(page, {
      name: 'Demo University of Data',
      description: 'Short courses in data.',
      url: '',
      email: 'hello@demo.example.edu',
      linkedinOrganizationId: '123456',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${page}?done=profile`);
    expect(await issuer()).toMatchObject({
      name: 'Demo University of Data',
      description: 'Short courses in data.',
      url: null,
      email: 'hello@demo.example.edu',
      linkedinOrganizationId: '123456',
    });
    const shown = await owner.get(`${page}?done=profile`);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('The profile was saved.');
    expect(shown.text).toContain('value="Demo University of Data"');
  });

  it('keeps what was typed and changes nothing when the profile is refused', async () => {
    const refused = await owner.post(page, {
      name: 'Renamed',
      url: 'ftp://demo.example.edu',
      email: '',
      linkedinOrganizationId: 'acme',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).toContain('must be an http(s) URL');
    expect(refused.text).toContain('value="ftp://demo.example.edu"');
    expect((await issuer()).name).toBe('Demo University of Data');
    expect((await owner.post(page, { name: '   ' })).status).toBe(400);
  });

  it('refuses a brand colour that is not #rrggbb, showing the error and the value typed', async () => {
    for (const bad of ['blue', '#12345', '#12345g', '#1234567', 'url(#x)']) {
      const refused = await owner.postMultipart(`${page}/branding`, { brandColor: bad });
      expect(refused.status, bad).toBe(400);
      expect(refused.text).toContain('a colour written #rrggbb');
      expect(refused.text).toContain(`value="${bad.replace('&', '&amp;')}"`);
    }
    expect((await issuer()).brandColor).toBeNull();
  });

  it('puts the brand colour on the claim mail, the credential page and the PDF certificate', async () => {
    const saved = await owner.postMultipart(`${page}/branding`, { brandColor: '#C0FFEE' });
    expect(saved.status).toBe(303);
    expect((await issuer()).brandColor).toBe('#c0ffee');
    expect((await owner.get(`${page}?done=branding`)).text).toContain('data-brand-color="#c0ffee"');

    const [achievement] = await test.platform.achievements.list(ADMIN, { issuerId });
    if (achievement === undefined) throw new Error('the demo has achievements');
    const { record } = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'brand.new@example.org', name: 'Bea Brand' },
    });
    const mail = (await test.platform.mail.list(500)).find(
      (item) => item.toAddress === 'brand.new@example.org',
    );
    expect(mail?.htmlBody).toContain('border-top: 6px solid #c0ffee');

    const visitor = new WebSession(test);
    const credentialPage = await visitor.get(`/credentials/${record.id}`);
    expect(credentialPage.status).toBe(200);
    expect(credentialPage.text).toMatch(/<svg class="brand-bar"[^>]*><rect [^>]*fill="#c0ffee"/);

    const response = await test.app.request(`/credentials/${record.id}/download/certificate.pdf`);
    expect(response.status).toBe(200);
    const operators = await pageOperators(new Uint8Array(await response.arrayBuffer()));
    expect(operators).toContain(`${0xc0 / 255} 1 ${0xee / 255} RG`);

    // Emptied, the colour is gone everywhere: the platform's own accent comes back.
    expect((await owner.postMultipart(`${page}/branding`, { brandColor: '' })).status).toBe(303);
    expect((await issuer()).brandColor).toBeNull();
    expect((await visitor.get(`/credentials/${record.id}`)).text).not.toContain('brand-bar');
  });

  it('stores an uploaded SVG logo without its script, and refuses a file that is no image', async () => {
    const uploaded = await owner.postMultipart(`${page}/branding`, {
      brandColor: '',
      logo: new File([HOSTILE_SVG], 'logo.svg', { type: 'image/svg+xml' }),
    });
    expect(uploaded.status).toBe(303);
    const image = (await issuer()).image?.id ?? '';
    expect(image).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(image.split(',')[1] ?? '', 'base64').toString('utf8');
    expect(svg).toContain('<circle r="4" fill="#0a7">');
    for (const banned of ['script', 'alert', 'onload', 'onclick', 'javascript:'])
      expect(svg).not.toContain(banned);
    const shown = await owner.get(page);
    expect(shown.text).toContain('class="organisation-logo" src="data:image/svg+xml;base64,');

    const notAnImage = await owner.postMultipart(`${page}/branding`, {
      logo: new File(['just words'], 'logo.png', { type: 'image/png' }),
    });
    expect(notAnImage.status).toBe(400);
    expect(notAnImage.text).toContain('The logo must be a PNG or an SVG file.');
    expect((await issuer()).image?.id).toBe(image);

    expect((await owner.postMultipart(`${page}/branding`, { removeLogo: 'yes' })).status).toBe(303);
    expect((await issuer()).image).toBeNull();
  });

  it('shows the logo next to the issuer on the credential page and draws it on the PDF certificate', async () => {
    const [achievement] = await test.platform.achievements.list(ADMIN, { issuerId });
    if (achievement === undefined) throw new Error('the demo has achievements');
    const { record } = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'logo.viewer@example.org', name: 'Lou Logo' },
    });
    const visitor = new WebSession(test);
    // Each image is one `Do` operator: the badge, the QR code, and the logo when there is one.
    const drawnImages = async () => {
      const response = await test.app.request(`/credentials/${record.id}/download/certificate.pdf`);
      expect(response.status).toBe(200);
      return (await pageOperators(new Uint8Array(await response.arrayBuffer()))).match(/ Do\b/g)?.length ?? 0;
    };

    expect((await owner.postMultipart(`${page}/branding`, { removeLogo: 'yes' })).status).toBe(303);
    expect((await visitor.get(`/credentials/${record.id}`)).text).not.toContain('issuer-logo');
    const withoutLogo = await drawnImages();

    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    for (const logo of [
      new File([png], 'logo.png', { type: 'image/png' }),
      new File([HOSTILE_SVG], 'logo.svg', { type: 'image/svg+xml' }),
    ]) {
      expect((await owner.postMultipart(`${page}/branding`, { brandColor: '', logo })).status).toBe(303);
      const credentialPage = await visitor.get(`/credentials/${record.id}`);
      expect(credentialPage.text).toContain(
        '<img class="issuer-logo" src="/issuers/demo-university/logo" alt=""',
      );
      expect((await visitor.get('/issuers/demo-university/logo')).headers.get('Content-Type')).toBe(
        logo.type,
      );
      expect(await drawnImages()).toBe(withoutLogo + 1);
    }
    expect((await owner.postMultipart(`${page}/branding`, { removeLogo: 'yes' })).status).toBe(303);
  });

  it('shows viewers and issuers the profile without forms, and refuses their changes (403)', async () => {
    for (const email of ['vera@example.org', 'ivan@example.org']) {
      const member = new WebSession(test);
      await member.signIn(email);
      const shown = await member.get(page);
      expect(shown.status).toBe(200);
      expect(shown.text).toContain('Demo University of Data');
      expect(shown.text).toContain('Only an owner of');
      expect(shown.text).not.toContain('<form method="post" action="/console/demo-university/organisation');
      expect(shown.text).not.toContain('/organisation/api-keys');
      expect((await member.post(page, { name: 'Taken over' })).status).toBe(403);
      expect((await member.postMultipart(`${page}/branding`, { brandColor: '#000000' })).status).toBe(403);
    }
    expect(await issuer()).toMatchObject({ name: 'Demo University of Data', brandColor: null });
  });

  it('answers 404 to another issuer’s member, sends a stranger to sign in, and refuses a form without its token', async () => {
    const olga = new WebSession(test);
    await olga.signIn('olga@example.org');
    expect((await olga.get(page)).status).toBe(404);
    expect((await olga.post(page, { name: 'Taken over' })).status).toBe(404);
    expect((await olga.postMultipart(`${page}/branding`, { brandColor: '#000000' })).status).toBe(404);

    const stranger = new WebSession(test);
    const redirected = await stranger.get(page);
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(page)}`);
    expect((await stranger.post(page, { name: 'Taken over' })).status).toBe(303);

    expect((await owner.post(page, { name: 'Forged' }, { csrf: false })).status).toBe(403);
    expect((await issuer()).name).toBe('Demo University of Data');
  });
});
