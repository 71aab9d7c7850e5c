import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDrivers } from '../../db/open-test-database.js';

const IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">' +
  '<script>alert(document.cookie)</script>' +
  '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.test/"></iframe></foreignObject>' +
  '<a href="javascript:alert(2)"><circle r="4" onclick="alert(3)" fill="#0a7"/></a>' +
  '<image href="http://169.254.169.254/latest/meta-data/"/>' +
  '</svg>';

// A 1×1 PNG.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const svgDataUri = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

function expectInert(svg: string): void {
  for (const banned of ['script', 'alert', 'onload', 'onclick', 'foreignObject', 'iframe', 'javascript:']) {
    expect(svg).not.toContain(banned);
  }
  expect(svg).not.toContain('169.254.169.254');
  expect(svg).not.toContain('evil.test');
}

describe.each(testDrivers())('achievement and issuer images on %s', (driver) => {
  let test: TestApp;
  let issuerId: string;

  beforeAll(async () => {
    test = await openTestApp(driver);
    const issuer = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'image-rules', name: 'Image Rules University' },
    });
    issuerId = issuer.body.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  const achievement = (extra: Record<string, unknown>) =>
    test.call('/api/v1/achievements', {
      token: ADMIN_TOKEN,
      json: {
        issuerId,
        name: 'Vector Work',
        description: 'Draws clean vector artwork.',
        criteria: { narrative: 'Submit a drawing.' },
        ...extra,
      },
    });

  it('sanitises an uploaded SVG when it is stored and serves it under a CSP, nosniff and its type', async () => {
    const created = await achievement({ image: { id: svgDataUri(HOSTILE_SVG), caption: 'Circle' } });
    expect(created.status).toBe(201);
    const stored = String(created.body.image.id);
    expect(stored).toMatch(/^data:image\/svg\+xml;base64,/);
    expectInert(Buffer.from(stored.split(',')[1] ?? '', 'base64').toString('utf8'));

    const served = await test.call(`/achievements/${created.body.id}/image`);
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(served.headers.get('Content-Security-Policy')).toBe(IMAGE_CSP);
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(served.text).toContain('<circle r="4" fill="#0a7"></circle>');
    expectInert(served.text);

    const updated = await test.call(`/api/v1/achievements/${created.body.id}`, {
      method: 'PATCH',
      token: ADMIN_TOKEN,
      json: { image: { id: svgDataUri('<svg><rect width="1" height="1" onmouseover="alert(1)"/></svg>') } },
    });
    expect(updated.status).toBe(200);
    const again = await test.call(`/achievements/${created.body.id}/image`);
    expect(again.text).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"></rect></svg>',
    );
  });

  it('sanitises an issuer logo given as SVG', async () => {
    const created = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'svg-logo', name: 'SVG Logo College', image: { id: svgDataUri(HOSTILE_SVG) } },
    });
    expect(created.status).toBe(201);
    expectInert(Buffer.from(String(created.body.image.id).split(',')[1] ?? '', 'base64').toString('utf8'));
    const patched = await test.call(`/api/v1/issuers/${created.body.id}`, {
      method: 'PATCH',
      token: ADMIN_TOKEN,
      json: { image: { id: svgDataUri(HOSTILE_SVG) } },
    });
    expect(patched.status).toBe(200);
    expectInert(Buffer.from(String(patched.body.image.id).split(',')[1] ?? '', 'base64').toString('utf8'));
  });

  it('serves a stored issuer logo, PNG or SVG, under a CSP, nosniff and its type', async () => {
    const png = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: {
        slug: 'png-logo',
        name: 'PNG Logo College',
        image: { id: `data:image/png;base64,${PNG_BASE64}` },
      },
    });
    expect(png.status).toBe(201);
    const servedPng = await test.call('/issuers/png-logo/logo');
    expect(servedPng.status).toBe(200);
    expect(servedPng.headers.get('Content-Type')).toBe('image/png');
    expect(servedPng.headers.get('Content-Security-Policy')).toBe(IMAGE_CSP);
    expect(servedPng.headers.get('X-Content-Type-Options')).toBe('nosniff');

    await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'svg-served-logo', name: 'SVG Served College', image: { id: svgDataUri(HOSTILE_SVG) } },
    });
    const servedSvg = await test.call('/issuers/svg-served-logo/logo');
    expect(servedSvg.status).toBe(200);
    expect(servedSvg.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(servedSvg.headers.get('Content-Security-Policy')).toBe(IMAGE_CSP);
    expect(servedSvg.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(servedSvg.text).toContain('<circle');
    expectInert(servedSvg.text);
  });

  it('redirects to a logo given as a public https URL', async () => {
    await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: {
        slug: 'linked-logo',
        name: 'Linked Logo',
        image: { id: 'https://badges.example.org/logo.png' },
      },
    });
    const redirect = await test.call('/issuers/linked-logo/logo');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('Location')).toBe('https://badges.example.org/logo.png');
  });

  it('answers 404 for an issuer without a logo and for an unknown slug', async () => {
    expect((await test.call('/issuers/image-rules/logo')).status).toBe(404);
    expect((await test.call('/issuers/no-such-issuer/logo')).status).toBe(404);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'https://169.254.169.254/latest/meta-data/',
    'https://localhost/badge.png',
    'https://[::1]/badge.png',
    'https://intranet/badge.png',
    'http://badges.example.org/badge.png',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('refuses the image URL %s with a VALIDATION_ERROR naming image.id', async (id) => {
    const refused = await achievement({ image: { id } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
    expect(refused.body.code).toBe('VALIDATION_ERROR');
    expect(refused.body.errors).toContainEqual(
      expect.objectContaining({
        path: 'image.id',
        message: expect.stringContaining('https URL on a public host'),
      }),
    );
    const logo = await test.call('/api/v1/issuers', {
      token: ADMIN_TOKEN,
      json: { slug: 'bad-logo', name: 'Bad Logo', image: { id } },
    });
    expect(logo.status).toBe(400);
    expect(logo.body.code).toBe('VALIDATION_ERROR');
  });

  it('refuses an SVG or PNG upload that is not one', async () => {
    for (const id of [
      svgDataUri('<html><body>not artwork</body></html>'),
      `data:image/png;base64,${Buffer.from('<html><script>alert(1)</script></html>').toString('base64')}`,
    ]) {
      const refused = await achievement({ image: { id } });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_ERROR', errors: [{ path: 'image.id' }] });
    }
  });

  it('redirects to a public https image and to nothing else stored before the rule', async () => {
    const linked = await achievement({ image: { id: 'https://badges.example.org/vector.png' } });
    expect(linked.status).toBe(201);
    const redirect = await test.call(`/achievements/${linked.body.id}/image`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('Location')).toBe('https://badges.example.org/vector.png');

    // Rows written before validation existed: straight into storage, past the use cases.
    const { storage } = test;
    for (const id of [
      'http://169.254.169.254/latest/meta-data/',
      'javascript:alert(1)',
      'https://localhost/x',
    ]) {
      await storage.achievements.update({ id: linked.body.id, patch: { image: { id } } });
      const served = await test.call(`/achievements/${linked.body.id}/image`);
      expect(served.status).toBe(200);
      expect(served.headers.get('Location')).toBeNull();
      expect(served.headers.get('Content-Type')).toBe('image/svg+xml');
      expect(served.headers.get('Content-Security-Policy')).toBe(IMAGE_CSP);
      expect(served.text).toContain('<svg');
    }
  });

  it('sanitises an unsafe SVG stored before uploads were sanitised, and lets edits that leave an old image alone through', async () => {
    const created = await achievement({ name: 'Legacy Artwork' });
    await test.storage.achievements.update({
      id: created.body.id,
      patch: { image: { id: svgDataUri(HOSTILE_SVG) } },
    });
    const served = await test.call(`/achievements/${created.body.id}/image`);
    expect(served.status).toBe(200);
    expect(served.text).toContain('<circle r="4" fill="#0a7"></circle>');
    expectInert(served.text);

    // An edit that leaves the image alone does not trip over an old URL that today's rules refuse.
    await test.storage.achievements.update({
      id: created.body.id,
      patch: { image: { id: 'http://169.254.169.254/latest/meta-data/' } },
    });
    const archived = await test.call(`/api/v1/achievements/${created.body.id}`, {
      method: 'PATCH',
      token: ADMIN_TOKEN,
      json: { status: 'archived' },
    });
    expect(archived.status).toBe(200);
  });
});
