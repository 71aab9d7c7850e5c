import { ErrorCode, MicrocredError } from '../error/index.js';
import {
  type CredentialKind,
  isCredentialSvgNamespace,
  KIND_BY_SVG_NAMESPACE,
  SVG_ELEMENT_BY_NAMESPACE,
} from './credential-kinds.js';

/** Default bound on an SVG we scan: badge artwork is kilobytes; 8 Mi characters is generous. */
export const DEFAULT_MAX_SVG_LENGTH = 8 * 1024 * 1024;

export interface SvgCredentialElement {
  kind: CredentialKind;
  /** The element's span in the source: from its `<` to just after its end tag. */
  start: number;
  end: number;
  /** The unprefixed `verify` attribute (VC-JWT form), if present. */
  verify: string | undefined;
  /** Text and CDATA content with references resolved and line ends normalised (XML §2.11). */
  content: string;
}

export interface SvgRoot {
  qname: string;
  /** The span of the root start tag. */
  start: number;
  end: number;
  selfClosing: boolean;
  /** Namespace declarations made on the root itself: prefix (`''` for the default) → URI. */
  namespaces: ReadonlyMap<string, string>;
}

export interface SvgScan {
  root: SvgRoot;
  credentials: SvgCredentialElement[];
}

interface Frame {
  qname: string;
  /** Declarations made on this element, undone when it ends. */
  declared: ReadonlyMap<string, string>;
  credential: Omit<SvgCredentialElement, 'end'> | undefined;
}

interface StartTag {
  qname: string;
  attributes: Map<string, string>;
  end: number;
  selfClosing: boolean;
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const NAME = /[^\s/>=<"']+/y;
const WHITESPACE = /[ \t\r\n]*/y;
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function fail(message: string): never {
  throw new MicrocredError(ErrorCode.BAKE_ERROR, `unsafe or malformed SVG: ${message}`);
}

function matchAt(pattern: RegExp, source: string, at: number): string {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0] ?? '';
}

// XML 1.0 §2.2 Char.
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/**
 * Resolves the five predefined entities and character references. Any other entity reference is an
 * error: entities are never expanded, which is what makes XXE and billion-laughs payloads inert.
 */
function resolveReferences(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&<]{0,40})(;?)/g, (_, name: string, semicolon: string) => {
    if (semicolon !== ';') fail('"&" that does not start a reference');
    const predefined = PREDEFINED_ENTITIES[name];
    if (predefined !== undefined) return predefined;
    let codePoint: number;
    if (/^#x[0-9a-fA-F]{1,6}$/.test(name)) codePoint = Number.parseInt(name.slice(2), 16);
    else if (/^#[0-9]{1,7}$/.test(name)) codePoint = Number.parseInt(name.slice(1), 10);
    else fail(`entity reference "&${name};" (entities are never expanded)`);
    if (!isXmlChar(codePoint)) fail('character reference to a character XML does not allow');
    return String.fromCodePoint(codePoint);
  });
}

function normalizeLineEnds(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

function indexAfter(source: string, terminator: string, from: number, what: string): number {
  const at = source.indexOf(terminator, from);
  if (at < 0) fail(`unterminated ${what}`);
  return at + terminator.length;
}

/** Skips `<!DOCTYPE …>`. Only the external-ID form is allowed: an internal subset can declare entities. */
function skipDoctype(source: string, from: number): number {
  let at = from;
  for (;;) {
    const char = source[at];
    if (char === undefined) fail('unterminated DOCTYPE');
    if (char === '"' || char === "'") at = indexAfter(source, char, at + 1, 'DOCTYPE literal');
    else if (char === '[') fail('DOCTYPE with an internal subset (it can declare entities)');
    else if (char === '>') return at + 1;
    else at++;
  }
}

function parseStartTag(source: string, lt: number): StartTag {
  const qname = matchAt(NAME, source, lt + 1);
  if (qname === '') fail(`malformed tag at offset ${lt}`);
  const attributes = new Map<string, string>();
  let at = lt + 1 + qname.length;
  for (;;) {
    const space = matchAt(WHITESPACE, source, at);
    at += space.length;
    if (source[at] === '>') return { qname, attributes, end: at + 1, selfClosing: false };
    if (source.startsWith('/>', at)) return { qname, attributes, end: at + 2, selfClosing: true };
    if (at >= source.length) fail(`unterminated tag <${qname}>`);
    if (space === '') fail(`attributes of <${qname}> must be separated by white space`);
    const name = matchAt(NAME, source, at);
    if (name === '') fail(`malformed attribute in <${qname}>`);
    at += name.length;
    at += matchAt(WHITESPACE, source, at).length;
    if (source[at] !== '=') fail(`attribute ${name} of <${qname}> has no value`);
    at += 1;
    at += matchAt(WHITESPACE, source, at).length;
    const quote = source[at];
    if (quote !== '"' && quote !== "'") fail(`attribute ${name} of <${qname}> is not quoted`);
    const close = indexAfter(source, quote, at + 1, `attribute ${name}`);
    const raw = source.slice(at + 1, close - 1);
    if (raw.includes('<')) fail(`"<" in attribute ${name}`);
    if (attributes.has(name)) fail(`duplicate attribute ${name} in <${qname}>`);
    // XML §3.3.3: literal white space in an attribute value reads as a space; references do not.
    attributes.set(name, resolveReferences(normalizeLineEnds(raw).replace(/[\t\n]/g, ' ')));
    at = close;
  }
}

function namespaceDeclarations(tag: StartTag): Map<string, string> {
  const declared = new Map<string, string>();
  for (const [name, value] of tag.attributes) {
    if (name === 'xmlns') declared.set('', value);
    else if (name.startsWith('xmlns:')) {
      // Namespaces in XML 1.0 §3: a prefix cannot be undeclared.
      if (value === '') fail(`empty namespace for ${name}`);
      declared.set(name.slice('xmlns:'.length), value);
    }
  }
  return declared;
}

/**
 * A small, careful XML scanner for baked SVGs: enough XML to find the credential element by namespace
 * URI (any prefix) and to know where the root start tag is, and nothing that can reach outside the
 * string. It refuses DOCTYPE internal subsets and every other `<!` declaration (`<!ENTITY`,
 * `<!ELEMENT`…) and any entity beyond the five predefined ones, so nothing is expanded or fetched; it
 * checks tags nest, attributes are quoted (a `>` inside quotes is fine), and comments, processing
 * instructions and CDATA sections end. A DOCTYPE with only a public/system identifier is tolerated
 * because Illustrator writes one and the 1EdTech baked samples carry it; the DTD is never read.
 */
export function scanSvg(svg: string, options: { maxLength?: number } = {}): SvgScan {
  const { maxLength = DEFAULT_MAX_SVG_LENGTH } = options;
  if (typeof svg !== 'string') fail('not text');
  if (svg.length > maxLength) fail(`larger than ${maxLength} characters`);

  const stack: Frame[] = [];
  const credentials: SvgCredentialElement[] = [];
  let root: SvgRoot | undefined;
  let rootClosed = false;
  // prefix → stack of URIs, innermost last: declaring pushes, ending the element pops. Copying a scope
  // map per element would be quadratic on deeply nested, declaration-heavy input.
  const scopes = new Map<string, string[]>([['xml', [XML_NAMESPACE]]]);
  const undeclare = (declared: ReadonlyMap<string, string>) => {
    for (const prefix of declared.keys()) scopes.get(prefix)?.pop();
  };

  const addText = (raw: string, cdata: boolean) => {
    const frame = stack.at(-1);
    if (frame === undefined) {
      if (cdata || raw.trim() !== '') fail('content outside the root element');
      return;
    }
    const text = cdata ? normalizeLineEnds(raw) : resolveReferences(normalizeLineEnds(raw));
    if (frame.credential !== undefined) frame.credential.content += text;
  };

  let at = svg.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < svg.length) {
    const lt = svg.indexOf('<', at);
    if (lt < 0) {
      addText(svg.slice(at), false);
      break;
    }
    if (lt > at) addText(svg.slice(at, lt), false);

    if (svg.startsWith('<!--', lt)) {
      at = indexAfter(svg, '-->', lt + 4, 'comment');
    } else if (svg.startsWith('<![CDATA[', lt)) {
      at = indexAfter(svg, ']]>', lt + 9, 'CDATA section');
      addText(svg.slice(lt + 9, at - 3), true);
    } else if (svg.startsWith('<?', lt)) {
      at = indexAfter(svg, '?>', lt + 2, 'processing instruction');
    } else if (svg.startsWith('<!DOCTYPE', lt)) {
      if (root !== undefined) fail('DOCTYPE after the root element');
      at = skipDoctype(svg, lt + '<!DOCTYPE'.length);
    } else if (svg.startsWith('<!', lt)) {
      fail('markup declarations such as <!ENTITY are not allowed');
    } else if (svg.startsWith('</', lt)) {
      const qname = matchAt(NAME, svg, lt + 2);
      const gt = lt + 2 + qname.length + matchAt(WHITESPACE, svg, lt + 2 + qname.length).length;
      if (svg[gt] !== '>') fail(`malformed end tag </${qname}>`);
      const frame = stack.pop();
      if (frame === undefined || frame.qname !== qname) fail(`unexpected end tag </${qname}>`);
      if (frame.credential !== undefined) credentials.push({ ...frame.credential, end: gt + 1 });
      undeclare(frame.declared);
      if (stack.length === 0) rootClosed = true;
      at = gt + 1;
    } else {
      const tag = parseStartTag(svg, lt);
      const parent = stack.at(-1);
      if (parent?.credential !== undefined) fail('the credential element must not contain elements');
      const declared = namespaceDeclarations(tag);
      for (const [name, uri] of declared) {
        const bound = scopes.get(name);
        if (bound === undefined) scopes.set(name, [uri]);
        else bound.push(uri);
      }
      const colon = tag.qname.indexOf(':');
      const prefix = colon > 0 ? tag.qname.slice(0, colon) : '';
      const localName = tag.qname.slice(colon + 1);
      const namespace = scopes.get(prefix)?.at(-1);

      if (root === undefined) {
        if (localName !== 'svg') fail(`the root element is <${tag.qname}>, not <svg>`);
        root = {
          qname: tag.qname,
          start: lt,
          end: tag.end,
          selfClosing: tag.selfClosing,
          namespaces: declared,
        };
      } else if (rootClosed) {
        fail('more than one root element');
      }

      let credential: Frame['credential'];
      if (isCredentialSvgNamespace(namespace) && localName === SVG_ELEMENT_BY_NAMESPACE[namespace]) {
        credential = {
          kind: KIND_BY_SVG_NAMESPACE[namespace],
          start: lt,
          verify: tag.attributes.get('verify'),
          content: '',
        };
      }

      if (tag.selfClosing) {
        if (credential !== undefined) credentials.push({ ...credential, end: tag.end });
        undeclare(declared);
        if (stack.length === 0) rootClosed = true;
      } else {
        stack.push({ qname: tag.qname, declared, credential });
      }
      at = tag.end;
    }
  }

  const open = stack.at(-1);
  if (open !== undefined) fail(`unterminated element <${open.qname}>`);
  if (root === undefined) fail('no <svg> root element');
  return { root, credentials };
}
