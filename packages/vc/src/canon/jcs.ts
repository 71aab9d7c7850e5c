import canonicalizeModule from 'canonicalize';
import { ErrorCode, MicrocredError } from '../error/index.js';

// RFC 8785 relies on I-JSON (RFC 7493): lone surrogates cannot be represented in UTF-8 and would
// make two different documents canonicalize alike, so they are refused (ADVERSARIAL V14).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// canonicalize is CommonJS whose typings declare an ES default export; under NodeNext the default import
// is the module object at type level but the function at run time, so resolve it once, explicitly.
type Serialize = (input: unknown) => string | undefined;
const moduleValue = canonicalizeModule as unknown as Serialize | { default: Serialize };
const serialize: Serialize = typeof moduleValue === 'function' ? moduleValue : moduleValue.default;

function assertIJson(value: unknown, depth: number): void {
  if (depth > 256)
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'JSON nested deeper than 256 levels');
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) {
      throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'a string holds a lone UTF-16 surrogate');
    }
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'a number is not finite');
  } else if (Array.isArray(value)) {
    for (const item of value) assertIJson(item, depth + 1);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      assertIJson(key, depth + 1);
      assertIJson(item, depth + 1);
    }
  }
}

/** JSON Canonicalization Scheme (RFC 8785), as eddsa-jcs-2022 requires. */
export function canonicalizeJcs(value: unknown): string {
  assertIJson(value, 0);
  const result = serialize(value);
  if (result === undefined) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'the value has no JSON representation');
  }
  return result;
}
