import { ErrorCode, MicrocredError } from '../error/index.js';
import { DEFAULT_MAX_JSON_DEPTH, type ParseIJsonOptions } from './parse-i-json.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Where a problem is, as a person reads it; built only on failure, so the walk allocates nothing. */
function pathOf(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return 'the top level';
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      // A name's lone surrogates become U+FFFD: the message is shown, and must itself be well-formed.
      const name = segment.slice(0, 100).replace(LONE_SURROGATES, '\uFFFD');
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

function fail(message: string, segments: readonly (string | number)[]): never {
  const path = pathOf(segments);
  throw new MicrocredError(ErrorCode.PARSING_ERROR, `not valid I-JSON (RFC 7493): ${message} at ${path}`, {
    details: { path },
  });
}

/**
 * The checks of `parseIJson` for a value that is already a JavaScript object (a library caller's, or a
 * request body parsed at the edge): every string and member name is well-formed UTF-16 (no lone
 * surrogate, which UTF-8 cannot carry and RFC 8785 cannot canonicalize), and containers nest at most
 * `maxDepth` deep. Duplicate names cannot exist any more in an object. Throws a PARSING_ERROR
 * MicrocredError naming the path.
 */
export function assertIJsonValue(
  value: unknown,
  { maxDepth = DEFAULT_MAX_JSON_DEPTH }: ParseIJsonOptions = {},
): void {
  const segments: (string | number)[] = [];
  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) fail('unpaired surrogate in a string', segments);
      return;
    }
    if (typeof item !== 'object' || item === null) return;
    // Also stops a cyclic object, which has no JSON form.
    if (segments.length >= maxDepth) fail(`nested deeper than ${maxDepth} levels`, segments);
    if (Array.isArray(item)) {
      for (let index = 0; index < item.length; index += 1) {
        segments.push(index);
        visit(item[index]);
        segments.pop();
      }
      return;
    }
    for (const key of Object.keys(item)) {
      segments.push(key);
      if (LONE_SURROGATE.test(key)) fail('unpaired surrogate in a member name', segments);
      visit((item as Record<string, unknown>)[key]);
      segments.pop();
    }
  };
  visit(value);
}
