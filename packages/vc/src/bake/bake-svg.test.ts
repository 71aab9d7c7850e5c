import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TINY_SVG } from '../../test/support/test-images.js';
import { ErrorCode } from '../error/index.js';
import { bakeSvg } from './bake-svg.js';
import { scanSvg } from './scan-svg.js';
import { unbakeSvg } from './unbake-svg.js';

const credential = { id: 'urn:uuid:1', name: 'Ünïcødé ✓ <b>&amp;</b>', note: 'a ]]> b ]]]]> c' };
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkaWQ6ZXhhbXBsZToxIn0.c2lnbmF0dXJl';
const OB = 'https://purl.imsglobal.org/ob/v3p0';
const bakeError = (message?: RegExp) =>
  expect.objectContaining({
    code: ErrorCode.BAKE_ERROR,
    ...(message === undefined ? {} : { message: expect.stringMatching(message) }),
  });

describe('bakeSvg → unbakeSvg', () => {
  it('round-trips JSON through CDATA, even with "]]>" inside', () => {
    const baked = bakeSvg({ svg: TINY_SVG, credential });
    expect(unbakeSvg(baked)).toEqual({ kind: 'ob', text: JSON.stringify(credential) });
  });

  it('round-trips a Compact JWS through the verify attribute', () => {
    const baked = bakeSvg({ svg: TINY_SVG, credential: JWS });
    expect(baked).toContain(`<openbadges:credential verify="${JWS}"/>`);
    expect(unbakeSvg(baked)).toEqual({ kind: 'ob', text: JWS });
  });

  it('declares the namespace on <svg> and puts the element directly after its start tag', () => {
    const baked = bakeSvg({ svg: TINY_SVG, credential: JWS });
    expect(baked).toContain(
      `<svg xmlns:openbadges="${OB}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><openbadges:credential`,
    );
  });

  it('uses the clr prefix and namespace for a CLR', () => {
    const baked = bakeSvg({ svg: TINY_SVG, credential, namespace: 'https://purl.imsglobal.org/clr/v2p0' });
    expect(baked).toContain('xmlns:clr="https://purl.imsglobal.org/clr/v2p0"');
    expect(unbakeSvg(baked).kind).toBe('clr');
  });

  it('reuses a prefix the root already binds to the namespace', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="${OB}"/>`;
    const baked = bakeSvg({ svg, credential: JWS });
    expect(baked).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="${OB}"><ob:credential verify="${JWS}"/></svg>`,
    );
  });

  it('refuses a root that binds "openbadges" to another namespace', () => {
    const svg = '<svg xmlns:openbadges="http://openbadges.org"></svg>';
    expect(() => bakeSvg({ svg, credential: JWS })).toThrow(bakeError(/prefix/));
  });

  it('refuses to bake into an SVG that already holds a credential, or replaces it when asked', () => {
    const baked = bakeSvg({ svg: TINY_SVG, credential });
    expect(() => bakeSvg({ svg: baked, credential: JWS })).toThrow(bakeError(/already/));
    const rebaked = bakeSvg({ svg: baked, credential: JWS, replace: true });
    expect(unbakeSvg(rebaked).text).toBe(JWS);
    expect(scanSvg(rebaked).credentials).toHaveLength(1);
  });

  it('round-trips arbitrary JSON, including unicode and "]]>" (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), fc.string({ unit: 'binary' }), (value, extra) => {
        const text = JSON.stringify({ value, extra: `${extra}]]>` });
        const baked = bakeSvg({ svg: TINY_SVG, credential: text });
        expect(JSON.parse(unbakeSvg(baked).text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 100 },
    );
  });

  it('returns the text exactly when it holds only XML characters (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), (value) => {
        const text = JSON.stringify({ value, tail: ']]>' });
        expect(unbakeSvg(bakeSvg({ svg: TINY_SVG, credential: text })).text).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});

describe('unbakeSvg finds the credential by namespace', () => {
  it('under any prefix', () => {
    const svg = `<svg xmlns:x="${OB}"><x:credential><![CDATA[{"a":1}]]></x:credential></svg>`;
    expect(unbakeSvg(svg).text).toBe('{"a":1}');
  });

  it('in the default namespace', () => {
    const svg = `<svg><credential xmlns="${OB}">{"a":"&lt;&#x41;&#66;"}</credential></svg>`;
    expect(unbakeSvg(svg).text).toBe('{"a":"<AB"}');
  });

  it('with prefixes scoped to the element that declares them', () => {
    const sibling = `<svg><g xmlns:ob="${OB}"/><ob:credential verify="a.b.c"/></svg>`;
    expect(() => unbakeSvg(sibling)).toThrow(bakeError(/no baked credential/));
    const rebound = `<svg xmlns:ob="${OB}"><g xmlns:ob="https://example.org/x"><ob:credential verify="a.b.c"/></g></svg>`;
    expect(() => unbakeSvg(rebound)).toThrow(bakeError(/no baked credential/));
  });

  // A scan that looked names up through every open element would take minutes here: the timeout is the bound.
  it('in linear time on deeply nested, declaration-heavy input', { timeout: 10_000 }, () => {
    const depth = 100_000;
    const svg = `<svg>${'<g xmlns:a="urn:a" xmlns:b="urn:b">'.repeat(depth)}${'</g>'.repeat(depth)}</svg>`;
    expect(() => unbakeSvg(svg)).toThrow(bakeError(/no baked credential/));
  });

  it('not by prefix alone', () => {
    const svg =
      '<svg xmlns:openbadges="https://example.org/other"><openbadges:credential verify="a.b.c"/></svg>';
    expect(() => unbakeSvg(svg)).toThrow(bakeError(/no baked credential/));
  });

  it('past attributes with ">" in quotes, comments and CDATA that look like credentials', () => {
    const svg =
      `<svg xmlns:openbadges="${OB}" data-x='a > b' data-y="--&gt;">` +
      `<!-- <openbadges:credential verify="fake.fake.fake"/> -->` +
      '<style><![CDATA[ <openbadges:credential verify="fake.in.cdata"/> ]]></style>' +
      `<openbadges:credential verify="${JWS}" />` +
      '</svg>';
    expect(unbakeSvg(svg).text).toBe(JWS);
  });
});

describe('unbakeSvg rejects', () => {
  it('an external entity, without reading anything', () => {
    const svg =
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      `<svg xmlns:openbadges="${OB}"><openbadges:credential>&xxe;</openbadges:credential></svg>`;
    expect(() => unbakeSvg(svg)).toThrow(bakeError(/internal subset/));
  });

  it('a billion-laughs document, at its DOCTYPE, before any entity is read', () => {
    const entities = Array.from(
      { length: 10 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('');
    const svg = `<!DOCTYPE svg [<!ENTITY lol0 "lol">${entities}]><svg>&lol10;</svg>`;
    expect(() => unbakeSvg(svg)).toThrow(bakeError(/DOCTYPE with an internal subset/));
  });

  it('an entity declaration outside a DOCTYPE', () => {
    expect(() => unbakeSvg('<!ENTITY x "y"><svg/>')).toThrow(bakeError(/ENTITY/));
  });

  it('a reference to an undeclared entity', () => {
    const svg = `<svg xmlns:openbadges="${OB}"><openbadges:credential>&ext;</openbadges:credential></svg>`;
    expect(() => unbakeSvg(svg)).toThrow(bakeError(/never expanded/));
  });

  it('an SVG over the size bound', () => {
    expect(() => unbakeSvg(TINY_SVG, { maxLength: 16 })).toThrow(bakeError(/larger/));
  });

  it('two credential elements', () => {
    const svg = `<svg xmlns:openbadges="${OB}"><openbadges:credential verify="a.b.c"/><g><openbadges:credential verify="d.e.f"/></g></svg>`;
    expect(() => unbakeSvg(svg)).toThrow(bakeError(/more than one/));
  });

  it('a credential element with both verify and content', () => {
    const svg = `<svg xmlns:openbadges="${OB}"><openbadges:credential verify="a.b.c">{"a":1}</openbadges:credential></svg>`;
    expect(() => unbakeSvg(svg)).toThrow(bakeError(/both/));
  });

  it.each([
    ['mismatched tags', '<svg><g></svg>'],
    ['an unterminated comment', '<svg><!-- </svg>'],
    ['an unterminated CDATA section', '<svg><![CDATA[ </svg>'],
    ['an unquoted attribute', '<svg width=10></svg>'],
    ['a root that is not svg', '<html></html>'],
    ['two roots', '<svg></svg><svg></svg>'],
    ['text outside the root', '<svg></svg>trailing'],
    ['a bare ampersand', '<svg>a & b</svg>'],
    ['"<" inside an attribute value', '<svg data-x="<!-- x -->"></svg>'],
  ])('%s', (_, svg) => {
    expect(() => unbakeSvg(svg)).toThrow(bakeError());
  });

  it('an Open Badges 2.0 assertion whose verify URL is not the id of the JSON it holds', () => {
    const svg =
      '<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://x">' +
      '<![CDATA[{"id":"https://y"}]]></openbadges:assertion></svg>';
    expect(() => unbakeSvg(svg)).toThrow(bakeError(/verify attribute/));
  });
});

describe('unbakeSvg reads Open Badges 2.0 assertions', () => {
  it('a hosted assertion URL in the verify attribute', () => {
    const svg =
      '<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://x"/></svg>';
    expect(unbakeSvg(svg)).toEqual({ kind: 'ob2', text: 'https://x' });
  });
});
