import { ErrorCode, MicrocredError } from '../error/index.js';
import type { CredentialKind } from './credential-kinds.js';
import { scanSvg } from './scan-svg.js';

export interface UnbakedSvg {
  kind: CredentialKind;
  /** The credential JSON (element content) or Compact JWS (`verify` attribute), trimmed. */
  text: string;
}

function fail(message: string, details?: Record<string, unknown>): never {
  throw new MicrocredError(ErrorCode.BAKE_ERROR, message, details === undefined ? {} : { details });
}

function assertionIdOf(json: string): unknown {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Extracts the credential baked into an SVG (OB 3.0 §Baked Badge/SVG): the one `credential` element in
 * the OB 3.0 or CLR 2.0 namespace, whatever its prefix. More than one is refused ("There MUST be only
 * one"), as is an element with both a `verify` attribute and content: a reader could pick either.
 */
export function unbakeSvg(svg: string, options: { maxLength?: number } = {}): UnbakedSvg {
  const { credentials } = scanSvg(svg, options);
  if (credentials.length > 1) fail('SVG holds more than one credential element');
  const [element] = credentials;
  if (element === undefined) fail('SVG holds no baked credential');
  const content = element.content.trim();
  if (element.kind === 'ob2' && element.verify !== undefined && content !== '') {
    // OB 2.0 §Baking: a hosted assertion's URL in `verify` and its JSON as content; both must name one assertion.
    if (assertionIdOf(content) !== element.verify.trim())
      fail("the assertion element's verify attribute is not the id of the assertion it holds");
    return { kind: element.kind, text: content };
  }
  if (element.verify !== undefined && content !== '') {
    fail('credential element has both a verify attribute and content');
  }
  const text = element.verify === undefined ? content : element.verify.trim();
  if (text === '') fail('credential element is empty');
  return { kind: element.kind, text };
}
