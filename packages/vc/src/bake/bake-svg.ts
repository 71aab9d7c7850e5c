import { ErrorCode, MicrocredError } from '../error/index.js';
import {
  type CredentialSvgNamespace,
  isCredentialSvgNamespace,
  OB_SVG_NAMESPACE,
  OB2_SVG_NAMESPACE,
  SVG_ELEMENT_BY_NAMESPACE,
  SVG_PREFIX_BY_NAMESPACE,
} from './credential-kinds.js';
import { toCredentialText } from './credential-text.js';
import { scanSvg } from './scan-svg.js';

function fail(message: string): never {
  throw new MicrocredError(ErrorCode.BAKE_ERROR, message);
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

function hostedIdOf(credential: string | object): string | undefined {
  let value: unknown = credential;
  if (typeof credential === 'string') {
    try {
      value = JSON.parse(credential);
    } catch {
      return undefined;
    }
  }
  const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Bakes a credential into an SVG (OB 3.0 §Baked Badge/SVG): declares the namespace on `<svg>` (reusing
 * a prefix already bound to it) and puts the `credential` element directly after the `<svg>` start tag,
 * with the JSON in CDATA or a Compact JWS in `verify`. A `]]>` inside the JSON is split across two
 * CDATA sections, so the JSON reads back unchanged. An SVG that already holds a credential is refused
 * unless `replace` is set, which removes the old element(s) first.
 */
export function bakeSvg(options: {
  svg: string;
  credential: string | object;
  namespace?: CredentialSvgNamespace;
  replace?: boolean;
  maxLength?: number;
}): string {
  const { svg, credential, namespace = OB_SVG_NAMESPACE, replace = false } = options;
  if (!isCredentialSvgNamespace(namespace)) fail(`unknown credential namespace "${String(namespace)}"`);
  const { root, credentials } = scanSvg(
    svg,
    options.maxLength === undefined ? {} : { maxLength: options.maxLength },
  );
  if (credentials.length > 0 && !replace) fail('SVG already holds a baked credential');
  const { text, isJws } = toCredentialText(credential);

  let prefix = [...root.namespaces].find(([name, uri]) => name !== '' && uri === namespace)?.[0];
  let declaration = '';
  if (prefix === undefined) {
    prefix = SVG_PREFIX_BY_NAMESPACE[namespace];
    if (root.namespaces.has(prefix)) fail(`<svg> already binds the prefix "${prefix}" to another namespace`);
    declaration = ` xmlns:${prefix}="${namespace}"`;
  }
  const name = `${prefix}:${SVG_ELEMENT_BY_NAMESPACE[namespace]}`;
  // OB 2.0 §Baking: a hosted assertion also names its URL in `verify`, next to its JSON.
  const hostedId = namespace === OB2_SVG_NAMESPACE && !isJws ? hostedIdOf(credential) : undefined;
  const verify = hostedId === undefined ? '' : ` verify="${escapeAttribute(hostedId)}"`;
  // A Compact JWS is base64url and dots only, so it needs no attribute escaping.
  const element = isJws
    ? `<${name} verify="${text}"/>`
    : `<${name}${verify}><![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${name}>`;

  const nameEnd = root.start + 1 + root.qname.length;
  const head = svg.slice(0, nameEnd) + declaration;
  if (root.selfClosing) {
    // `<svg …/>` becomes `<svg …>credential</svg>`; a self-closed root holds no old credential.
    return `${head}${svg.slice(nameEnd, root.end - 2)}>${element}</${root.qname}>${svg.slice(root.end)}`;
  }
  const parts = [head, svg.slice(nameEnd, root.end), element];
  let copied = root.end;
  for (const old of credentials) {
    parts.push(svg.slice(copied, old.start));
    copied = old.end;
  }
  parts.push(svg.slice(copied));
  return parts.join('');
}
