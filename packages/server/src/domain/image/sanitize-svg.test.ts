import { ErrorCode, MicrocredError } from '@microcred/vc';
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from './sanitize-svg.js';

const HOSTILE = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" viewBox="0 0 100 100" onload="alert(1)">
  <openbadges:credential><![CDATA[{"type":["VerifiableCredential"]}]]></openbadges:credential>
  <script>alert('script')</script>
  <style>svg { background: url(http://tracker.test/style) }</style>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
  <defs>
    <linearGradient id="grad" x1="0" x2="1"><stop offset="0" stop-color="#f00"/><stop offset="1" stop-color="#00f"/></linearGradient>
    <radialGradient id="glow"><stop offset="0.5" stop-color="gold"/></radialGradient>
  </defs>
  <image href="https://tracker.test/image.png" width="10" height="10"/>
  <use href="https://evil.test/sprite.svg#icon"/>
  <use xlink:href="javascript:alert(1)"/>
  <use xlink:href="#badge-shape" x="5"/>
  <rect id="badge-shape" width="100" height="100" fill="url(#grad)" style="background:url(http://tracker.test/x)"/>
  <circle cx="50" cy="50" r="40" fill="url( 'https://evil.test/p#x' )" onclick="alert(1)"/>
  <a href="javascript:alert(1)"><ellipse cx="50" cy="50" rx="20" ry="10" fill="url(#glow)"/></a>
  <path d="M0 0L10 10" stroke="u\\72 l(http://evil.test)"/>
  <set attributeName="href" to="javascript:alert(1)"/>
  <text x="50" y="55" text-anchor="middle">Level &amp; <tspan>1</tspan></text>
</svg>`;

describe('sanitizeSvg', () => {
  const clean = sanitizeSvg(HOSTILE);

  it('keeps shapes, gradients, text and local references', () => {
    expect(clean).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 100 100">/);
    expect(clean).toContain(
      '<linearGradient id="grad" x1="0" x2="1"><stop offset="0" stop-color="#f00"></stop>',
    );
    expect(clean).toContain('<radialGradient id="glow">');
    expect(clean).toContain('<rect id="badge-shape" width="100" height="100" fill="url(#grad)"></rect>');
    expect(clean).toContain('<ellipse cx="50" cy="50" rx="20" ry="10" fill="url(#glow)"></ellipse>');
    expect(clean).toContain('<use href="#badge-shape" x="5"></use>');
    expect(clean).toContain('<text x="50" y="55" text-anchor="middle">Level &amp; <tspan>1</tspan></text>');
  });

  it('drops scripts, handlers, styles, foreign content and the baked credential', () => {
    for (const banned of [
      'script',
      'alert',
      'onload',
      'onclick',
      'style',
      'foreignObject',
      'html',
      'credential',
    ]) {
      expect(clean).not.toContain(banned);
    }
    expect(clean).not.toContain('VerifiableCredential');
    expect(clean).not.toContain('<a');
    expect(clean).not.toContain('<set');
  });

  it('drops every external reference', () => {
    expect(clean).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(clean).not.toContain('<image');
    expect(clean).not.toContain('xlink');
    expect(clean.match(/<use /g)).toHaveLength(1);
    expect(clean).toContain('<circle cx="50" cy="50" r="40"></circle>');
    expect(clean).toContain('<path d="M0 0L10 10"></path>');
  });

  it('declares the SVG namespace even when the upload did not', () => {
    expect(sanitizeSvg('<svg viewBox="0 0 1 1"><rect width="1" height="1"/></svg>')).toBe(
      '<svg viewBox="0 0 1 1" xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"></rect></svg>',
    );
  });

  it('does not expand entities declared in a DTD', () => {
    const out = sanitizeSvg(
      '<!DOCTYPE svg [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;">]><svg><text>&b;</text></svg>',
    );
    expect(out).toContain('<text>&amp;b;</text>');
    expect(out).not.toContain('AAAA');
  });

  it('keeps the case of camelCase SVG names', () => {
    const out = sanitizeSvg(
      '<svg viewBox="0 0 1 1"><clipPath id="c" clipPathUnits="objectBoundingBox"/></svg>',
    );
    expect(out).toContain('<clipPath id="c" clipPathUnits="objectBoundingBox">');
  });

  it.each([
    '<html><body><svg></svg></body></html>',
    'plain text',
    '',
    '{"@context":[]}',
    '<img src="x.png">',
  ])('refuses a document that is not SVG: %j', (input) => {
    expect(() => sanitizeSvg(input)).toThrow(
      expect.objectContaining({ name: MicrocredError.name, code: ErrorCode.PARSING_ERROR }),
    );
  });
});
