import { ErrorCode, MicrocredError } from '@microcred/vc';
import sanitizeHtml from 'sanitize-html';

const SVG_NS = 'http://www.w3.org/2000/svg';

const ALLOWED_TAGS = (
  'svg g path rect circle ellipse line polyline polygon text tspan defs linearGradient radialGradient stop ' +
  'clipPath mask title desc use symbol'
).split(' ');

// Geometry, paint and text presentation attributes; nothing that loads, links or runs.
const ALLOWED_ATTRIBUTES = (
  'xmlns id style href lang xml:space viewBox preserveAspectRatio version x y width height ' +
  'rx ry cx cy r fx fy fr x1 y1 x2 y2 d points pathLength transform dx dy rotate textLength ' +
  'lengthAdjust gradientUnits gradientTransform spreadMethod offset clipPathUnits maskUnits ' +
  'maskContentUnits color display visibility opacity fill fill-opacity fill-rule stroke ' +
  'stroke-width stroke-opacity stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray ' +
  'stroke-dashoffset stop-color stop-opacity clip-path clip-rule mask paint-order vector-effect ' +
  'shape-rendering text-rendering font-family font-size font-style font-weight font-variant ' +
  'letter-spacing word-spacing text-anchor text-decoration dominant-baseline alignment-baseline ' +
  'baseline-shift'
).split(' ');

const LOCAL_URL_REF = /url\(\s*(['"]?)#[^'")\s]*\1\s*\)/gi;

/**
 * A value may point only inside this document. CSS escapes are refused outright because they can
 * spell `url(` or a scheme in a way no simple pattern sees.
 */
function isSafeValue(value: string): boolean {
  const withoutLocalRefs = value.replace(LOCAL_URL_REF, '');
  return !/url\(|javascript:|data:|expression\(|@import|\\/i.test(withoutLocalRefs);
}

function safeAttributes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const result: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (name.toLowerCase().startsWith('on') || !isSafeValue(value)) continue;
    if (name === 'href' || name === 'xlink:href') {
      // SVG 2 `href` replaces `xlink:href`, which saves keeping the xlink namespace declaration.
      if (value.trim().startsWith('#')) result.href = value.trim();
      continue;
    }
    result[name] = value;
  }
  // Browsers render an SVG image only in the SVG namespace, whatever the upload declared.
  if (tagName === 'svg') result.xmlns = SVG_NS;
  return result;
}

const options: sanitizeHtml.IOptions = {
  parser: { xmlMode: true },
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { '*': ALLOWED_ATTRIBUTES },
  allowedSchemes: [],
  allowProtocolRelative: false,
  // Text of dropped elements (a baked credential's JSON, HTML inside foreignObject) is not artwork.
  disallowedTagsMode: 'completelyDiscard',
  // These go with their whole subtree, so that nothing nested inside them is promoted into the image.
  nonTextTags: ['script', 'style', 'foreignObject', 'metadata', 'openbadges:credential', 'clr:credential'],
  transformTags: { '*': (tagName, attribs) => ({ tagName, attribs: safeAttributes(tagName, attribs) }) },
  exclusiveFilter: (frame) => frame.tag === 'use' && !frame.attribs.href,
};

/**
 * Reduces an issuer-uploaded or imported badge SVG to inert artwork: shapes, gradients, text and local
 * references only, with no scripts, event handlers, style sheets or external resources.
 */
export function sanitizeSvg(svg: string): string {
  let rootTag: string | undefined;
  const clean = sanitizeHtml(svg, {
    ...options,
    onOpenTag: (name) => {
      rootTag ??= name;
    },
  });
  if (rootTag !== 'svg') {
    throw new MicrocredError(ErrorCode.PARSING_ERROR, 'The image is not an SVG document');
  }
  return clean.trim();
}
