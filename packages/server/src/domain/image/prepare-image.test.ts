import { ErrorCode } from '@microcred/vc';
import { describe, expect, it } from 'vitest';
import { decodeImageDataUri, encodeImageDataUri } from './image-data-uri.js';
import { prepareImage } from './prepare-image.js';
import { readStoredImage } from './read-stored-image.js';

const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">' +
  '<script>alert(document.cookie)</script>' +
  '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.test/"></iframe></foreignObject>' +
  '<a href="javascript:alert(2)"><rect width="10" height="10" onclick="alert(3)" fill="#123456"/></a>' +
  '<image href="http://169.254.169.254/latest/meta-data/"/>' +
  '</svg>';

function svgText(id: string): string {
  const decoded = decodeImageDataUri(id);
  expect(decoded?.mediaType).toBe('image/svg+xml');
  return decoded?.bytes.toString('utf8') ?? '';
}

function expectInert(svg: string): void {
  for (const banned of ['script', 'alert', 'onload', 'onclick', 'foreignObject', 'iframe', 'javascript:']) {
    expect(svg).not.toContain(banned);
  }
  expect(svg).not.toContain('169.254.169.254');
  expect(svg).not.toContain('evil.test');
}

const invalidImage = (message: RegExp) =>
  expect.objectContaining({
    code: ErrorCode.VALIDATION_ERROR,
    details: { errors: [{ path: 'image.id', message: expect.stringMatching(message) }] },
  });

describe('prepareImage', () => {
  it('stores an uploaded SVG as inert artwork, keeping its shapes and the caption', () => {
    const prepared = prepareImage({ id: encodeImageDataUri('image/svg+xml', HOSTILE_SVG), caption: 'Badge' });
    expect(prepared.caption).toBe('Badge');
    const svg = svgText(prepared.id);
    expectInert(svg);
    expect(svg).toContain('<rect width="10" height="10" fill="#123456"></rect>');
  });

  it('keeps a real PNG and a public https URL as they are', () => {
    const png = { id: `data:image/png;base64,${PNG_1X1}` };
    expect(prepareImage(png)).toEqual(png);
    const url = { id: 'https://badges.example.org/badge.png', caption: 'Logo' };
    expect(prepareImage(url)).toEqual(url);
  });

  it.each([
    ['an internal URL', 'http://169.254.169.254/latest/meta-data/', /https URL on a public host/],
    ['a javascript: URL', 'javascript:alert(1)', /https URL on a public host/],
    ['an unknown data URI', 'data:text/html;base64,PHNjcmlwdD4=', /PNG or SVG data URI/],
    [
      'HTML declared as PNG',
      encodeImageDataUri('image/png', '<html><script>alert(1)</script></html>'),
      /not a PNG/,
    ],
    [
      'HTML declared as SVG',
      encodeImageDataUri('image/svg+xml', '<html><body>x</body></html>'),
      /not an SVG/,
    ],
    [
      'bytes that are not UTF-8 declared as SVG',
      encodeImageDataUri('image/svg+xml', new Uint8Array([0xff])),
      /UTF-8/,
    ],
  ])('refuses %s with a VALIDATION_ERROR on image.id', (_, id, message) => {
    expect(() => prepareImage({ id })).toThrow(invalidImage(message));
  });
});

describe('readStoredImage', () => {
  it('sanitises an SVG stored before uploads were sanitised', () => {
    const served = readStoredImage({ id: encodeImageDataUri('image/svg+xml', HOSTILE_SVG) });
    expect(served?.kind).toBe('file');
    const svg = served?.kind === 'file' ? new TextDecoder().decode(served.bytes) : '';
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expectInert(svg);
  });

  it('links to a public https URL and to nothing else', () => {
    expect(readStoredImage({ id: 'https://badges.example.org/badge.png' })).toEqual({
      kind: 'link',
      url: 'https://badges.example.org/badge.png',
    });
    for (const id of ['http://169.254.169.254/', 'https://localhost/x.png', 'file:///etc/passwd']) {
      expect(readStoredImage({ id })).toBeUndefined();
    }
  });

  it('serves nothing for a stored image that is not what it declares', () => {
    expect(readStoredImage({ id: encodeImageDataUri('image/png', '<html></html>') })).toBeUndefined();
    expect(readStoredImage({ id: encodeImageDataUri('image/svg+xml', '<html></html>') })).toBeUndefined();
    expect(readStoredImage({ id: `data:image/png;base64,${PNG_1X1}` })).toMatchObject({
      kind: 'file',
      mediaType: 'image/png',
    });
  });
});
