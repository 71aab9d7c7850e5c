import '@hono/zod-openapi';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { WebSession } from '../../../test/support/web-session.js';
import { readImageHeader } from '../../domain/image/photo/image-header.js';
import {
  CAMERA_SERIAL,
  exifBlock,
  hugePngHeader,
  jpegMarkers,
  jpegPhoto,
  pngPhoto,
  twoColourImage,
} from '../../domain/image/photo/photo-fixtures.test-support.js';
import { PHOTO_LIMITS } from '../../domain/image/photo/prepare-photo.js';
import { DEFAULT_RATE_LIMITS } from '../../domain/rate-limit/rate-limit-rules.js';

const APP1 = 0xe1;
const PHOTO_SRC =
  /<img class="portfolio-avatar portfolio-photo" src="(\/u\/[^"]+\/photo\/([0-9a-f]{16})-256\.jpg)"/;

function file(bytes: Uint8Array, name: string, type: string): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

const phonePhoto = () =>
  file(
    jpegPhoto({ width: 640, height: 480, exif: exifBlock({ orientation: 1 }) }),
    'IMG_0042.jpg',
    'image/jpeg',
  );

describe('the profile photo on the public portfolio', () => {
  let test: TestApp;

  beforeAll(async () => {
    // Each test signs a new person in, from the one test client: more than the sign-in limit allows.
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      rateLimits: { enabled: false },
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  async function earnerWith(email: string, handle: string | null, lang: 'en' | 'fr' = 'en') {
    const browser = new WebSession(test);
    await browser.signIn(email);
    await browser.get(`/account/settings?lang=${lang}`);
    await browser.post('/account/profile', {
      displayName: 'Ada Lovelace',
      handle: handle ?? '',
      locale: lang,
    });
    const earner = await test.platform.earners.ofSession(browser.cookie('mc_session') ?? '');
    if (earner === null) throw new Error(`${email} is not signed in`);
    return { browser, earnerId: earner.id };
  }

  const photoUrlOn = async (handle: string) =>
    (await new WebSession(test).get(`/u/${handle}`)).text.match(PHOTO_SRC);

  it('takes an upload, answers 303, and shows the photo, stripped of its EXIF, in the portfolio header', async () => {
    const { browser, earnerId } = await earnerWith('photo.shown@example.org', 'photo-shown');
    expect(await photoUrlOn('photo-shown')).toBeNull();

    const posted = await browser.postMultipart('/account/photo', { photo: phonePhoto() });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/account/settings?done=photo#photo-heading');
    const settings = await browser.get('/account/settings?done=photo');
    expect(settings.text).toContain('Photo updated.');
    expect(settings.text).toMatch(/<img class="photo-preview" src="\/account\/photo\/[0-9a-f]{16}-256\.jpg"/);
    expect(settings.text).toContain('Replace photo');

    const page = await new WebSession(test).get('/u/photo-shown');
    const match = page.text.match(PHOTO_SRC);
    expect(match).not.toBeNull();
    const [, src = '', digest = ''] = match ?? [];
    expect(page.text).toContain(`srcset="/u/photo-shown/photo/${digest}-512.jpg 2x" alt="Ada Lovelace"`);
    expect(digest).toBe((await test.platform.earners.photo(earnerId))?.digest);

    // A stranger's request: no session, no cookie set, cacheable for good under its content's name.
    const image = await test.call(src);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(image.headers.get('etag')).toBe(`"${digest}-small"`);
    expect(image.headers.getSetCookie()).toEqual([]);
    const again = await test.call(src, { headers: { 'If-None-Match': `"${digest}-small"` } });
    expect(again.status).toBe(304);

    for (const size of [256, 512]) {
      const served = await fetchBytes(`/u/photo-shown/photo/${digest}-${size}.jpg`);
      expect(readImageHeader(served)).toEqual({ format: 'jpeg', width: size, height: size });
      expect(jpegMarkers(served)).not.toContain(APP1);
      expect(await exifr.parse(served, { gps: true })).toBeUndefined();
      expect(Buffer.from(served).includes(CAMERA_SERIAL)).toBe(false);
    }
  });

  async function fetchBytes(path: string): Promise<Uint8Array> {
    const response = await test.app.request(path);
    expect(response.status, path).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  }

  it('puts the photo on the portfolio’s share card', async () => {
    const { browser } = await earnerWith('photo.card@example.org', 'photo-card');
    const before = await fetchBytes('/u/photo-card/share-card.png');
    await browser.postMultipart('/account/photo', { photo: phonePhoto() });
    const after = await fetchBytes('/u/photo-card/share-card.png');
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(false);
  });

  it('reads a PNG named .jpg as the PNG it is', async () => {
    const { browser, earnerId } = await earnerWith('photo.renamed@example.org', 'photo-renamed');
    const png = pngPhoto({
      width: 300,
      height: 300,
      data: twoColourImage({ width: 300, height: 300, left: [200, 0, 0, 255], right: [0, 0, 200, 255] }),
    });
    const posted = await browser.postMultipart('/account/photo', {
      photo: file(png, 'me.jpg', 'image/jpeg'),
    });
    expect(posted.status).toBe(303);
    const photo = await test.platform.earners.photo(earnerId);
    expect(photo).not.toBeNull();
    const served = await fetchBytes(`/u/photo-renamed/photo/${photo?.digest}-256.jpg`);
    expect(readImageHeader(served)?.format).toBe('jpeg');
  });

  it.each([
    [
      'a file over the size limit',
      () => file(new Uint8Array(PHOTO_LIMITS.bytes + 1).fill(0xff, 0, 3), 'big.jpg', 'image/jpeg'),
      413,
      'The photo is larger than 2 MB: choose a smaller file.',
    ],
    [
      'a file that is not an image, whatever its name says',
      () => file(new TextEncoder().encode('<script>alert(1)</script>'), 'photo.jpg', 'image/jpeg'),
      400,
      'This file is not a JPEG, PNG or WebP image.',
    ],
    [
      'an SVG',
      () =>
        file(
          new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
          'me.svg',
          'image/svg+xml',
        ),
      400,
      'This file is not a JPEG, PNG or WebP image.',
    ],
    [
      'a header announcing more pixels than the limit (a decompression bomb)',
      () => file(hugePngHeader(30_000, 30_000), 'bomb.png', 'image/png'),
      400,
      'The photo is larger than 4096 × 4096 pixels: choose a smaller image.',
    ],
    [
      'a damaged image',
      () => file(jpegPhoto({ width: 200, height: 200 }).slice(0, 500), 'cut.jpg', 'image/jpeg'),
      400,
      'The file could not be read as an image: it may be damaged.',
    ],
    [
      'no file at all',
      () => file(new Uint8Array(), '', 'application/octet-stream'),
      400,
      'Choose a photo to upload.',
    ],
  ] as const)(
    'refuses %s, saying why beside the field, and stores nothing',
    async (_, make, status, words) => {
      const { browser, earnerId } = await earnerWith(
        `photo.refused.${status}.${words.length}@example.org`,
        null,
      );
      const refused = await browser.postMultipart('/account/photo', { photo: make() });
      expect(refused.status).toBe(status);
      expect(refused.text).toContain('The photo was not changed: see why below.');
      expect(refused.text).toContain(`<p class="field-error" id="photo-error">${words}</p>`);
      expect(refused.text).toContain('aria-describedby="photo-hint photo-error"');
      expect(await test.platform.earners.photo(earnerId)).toBeNull();
    },
  );

  it('refuses an upload whose declared length is over the limit without reading it', async () => {
    const { browser, earnerId } = await earnerWith('photo.declared@example.org', 'photo-declared');
    await browser.get('/account/settings');
    // The body is small but says it is not: the answer comes from the header alone.
    const refused = await test.call('/account/photo', {
      body: new TextEncoder().encode('--x--'),
      headers: {
        Accept: 'text/html',
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': String(PHOTO_LIMITS.bytes + 100 * 1024),
        Cookie: `mc_session=${browser.cookie('mc_session')}; mc_csrf=${browser.cookie('mc_csrf')}`,
      },
    });
    expect(refused.status).toBe(413);
    expect(refused.text).toContain('The photo is larger than 2 MB: choose a smaller file.');
    expect(await test.platform.earners.photo(earnerId)).toBeNull();
  });

  it('says why in French on a French page', async () => {
    const { browser } = await earnerWith('photo.fr@example.org', null, 'fr');
    const refused = await browser.postMultipart('/account/photo', {
      photo: file(hugePngHeader(5000, 10), 'large.png', 'image/png'),
    });
    expect(refused.text).toContain(
      'La photo dépasse 4096 × 4096 pixels\u00a0: choisissez une image plus petite.',
    );
  });

  it('refuses a form without its token', async () => {
    const { browser, earnerId } = await earnerWith('photo.csrf@example.org', 'photo-csrf');
    const form = new FormData();
    form.append('photo', phonePhoto());
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const refused = await test.call('/account/photo', {
      body: new Uint8Array(await encoded.arrayBuffer()),
      headers: {
        Accept: 'text/html',
        'Content-Type': encoded.headers.get('Content-Type') ?? '',
        Cookie: `mc_session=${browser.cookie('mc_session')}; mc_csrf=${browser.cookie('mc_csrf')}`,
      },
    });
    expect(refused.status).toBe(403);
    expect(await test.platform.earners.photo(earnerId)).toBeNull();
  });

  it('serves a replaced photo no more, and a removed one nowhere: the portfolio shows the initials again', async () => {
    const { browser, earnerId } = await earnerWith('photo.removed@example.org', 'photo-removed');
    await browser.postMultipart('/account/photo', { photo: phonePhoto() });
    const first = (await photoUrlOn('photo-removed'))?.[1] ?? '';
    const png = pngPhoto({ width: 64, height: 64, data: new Uint8Array(64 * 64 * 4).fill(120) });
    await browser.postMultipart('/account/photo', { photo: file(png, 'second.png', 'image/png') });
    const second = (await photoUrlOn('photo-removed'))?.[1] ?? '';
    expect(second).not.toBe(first);
    expect((await test.call(first)).status).toBe(404);
    expect((await test.call(second)).status).toBe(200);

    const removed = await browser.post('/account/photo/remove', {});
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe('/account/settings?done=photo-removed#photo-heading');
    expect((await browser.get('/account/settings?done=photo-removed')).text).toContain('Photo removed.');
    expect(await test.platform.earners.photo(earnerId)).toBeNull();
    expect((await test.call(second)).status).toBe(404);
    const page = await new WebSession(test).get('/u/photo-removed');
    expect(page.text).toMatch(/<span class="portfolio-avatar" aria-hidden="true">AL<\/span>/);
  });

  it('never serves the photo of a portfolio that is not public, though its owner sees it in settings', async () => {
    const { browser, earnerId } = await earnerWith('photo.private@example.org', 'photo-private');
    await browser.postMultipart('/account/photo', { photo: phonePhoto() });
    const digest = (await test.platform.earners.photo(earnerId))?.digest ?? '';
    expect((await test.call(`/u/photo-private/photo/${digest}-256.jpg`)).status).toBe(200);

    // Without a handle the portfolio is gone, and so is its photo, under the old address or any other.
    await browser.post('/account/profile', { displayName: 'Ada Lovelace', handle: '', locale: 'en' });
    expect((await test.call(`/u/photo-private/photo/${digest}-256.jpg`)).status).toBe(404);
    expect((await test.call(`/u/photo-private/photo/${digest}-512.jpg`)).status).toBe(404);
    const settings = await browser.get('/account/settings');
    expect(settings.text).toContain('nobody else sees your photo');
    const own = await browser.get(`/account/photo/${digest}-256.jpg`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/jpeg');
    expect(own.headers.get('cache-control')).toBe('no-store');
    // Someone else's session, or none, cannot open it there either.
    const stranger = new WebSession(test);
    expect((await stranger.get(`/account/photo/${digest}-256.jpg`)).status).toBe(303);
    const other = await earnerWith('photo.other@example.org', null);
    expect((await other.browser.get(`/account/photo/${digest}-256.jpg`)).status).toBe(404);
  });

  it('deletes the photo with the account, and puts it in the account export', async () => {
    const { browser, earnerId } = await earnerWith('photo.deleted@example.org', 'photo-deleted');
    await browser.postMultipart('/account/photo', { photo: phonePhoto() });
    const exported = await test.platform.earners.exportAccount(earnerId);
    expect((exported.profile as { photo: string }).photo).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    const digest = (await test.platform.earners.photo(earnerId))?.digest ?? '';

    expect((await browser.post('/account/delete', {})).status).toBe(303);
    expect(await test.platform.earners.photo(earnerId)).toBeNull();
    expect((await test.call(`/u/photo-deleted/photo/${digest}-256.jpg`)).status).toBe(404);
  });
});

describe('photo uploads from one client', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await openTestApp('pglite', {
      web: { secureCookies: false, devMailbox: true },
      rateLimits: { rules: { ...DEFAULT_RATE_LIMITS, 'photo-client': { limit: 2, windowMs: 60_000 } } },
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('are limited: each one decodes a photo', async () => {
    const browser = new WebSession(test);
    await browser.signIn('photo.limited@example.org');
    for (const expected of [303, 303, 429]) {
      expect((await browser.postMultipart('/account/photo', { photo: phonePhoto() })).status).toBe(expected);
    }
  });
});
