import { ErrorCode, MicrocredError } from '../error/index.js';

/** How deep a credential's JSON may nest: far beyond any real credential, shallow enough for recursion. */
export const DEFAULT_MAX_JSON_DEPTH = 64;

export interface ParseIJsonOptions {
  /** Most containers (objects, arrays) nested in one another (default 64). */
  readonly maxDepth?: number;
}

interface Frame {
  readonly isObject: boolean;
  readonly keys: Set<string> | undefined;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// A run of code units a string may hold as they are: not a quote, backslash, control or surrogate.
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold them raw (RFC 8259 §7)
const PLAIN_RUN = /[^"\\\u0000-\u001f\ud800-\udfff]*/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function fail(message: string, offset: number): never {
  throw new MicrocredError(
    ErrorCode.PARSING_ERROR,
    `not valid I-JSON (RFC 7493): ${message} at offset ${offset}`,
    { details: { offset } },
  );
}

/**
 * Parses `text` as one I-JSON value (RFC 7493): well-formed JSON with no duplicate member names at any
 * depth, no unpaired surrogate (raw or `\u` escaped), and at most `maxDepth` nested containers. Throws a
 * PARSING_ERROR MicrocredError naming the problem and its offset.
 *
 * `JSON.parse` silently keeps the last of duplicate members and accepts lone surrogates, so a signer and
 * a verifier could read one document two ways (a decoy `credentialSubject` shown, another one signed),
 * and RFC 8785 canonicalization relies on I-JSON (ADVERSARIAL V14). One linear, iterative scan checks
 * all of it (a document nested 10,000 deep fails fast instead of exhausting the stack), then
 * `JSON.parse` builds the value.
 */
export function parseIJson(
  text: string,
  { maxDepth = DEFAULT_MAX_JSON_DEPTH }: ParseIJsonOptions = {},
): unknown {
  const stack: Frame[] = [];
  let i = 0;

  const skipWhitespace = () => {
    while (i < text.length) {
      const char = text.charCodeAt(i);
      if (char !== 0x20 && char !== 0x09 && char !== 0x0a && char !== 0x0d) return;
      i += 1;
    }
  };

  // From the opening quote, moves `i` past the closing one; true when the string holds an escape.
  const skipString = (): boolean => {
    const start = i;
    i += 1;
    let escaped = false;
    let pendingHigh = false;
    for (;;) {
      PLAIN_RUN.lastIndex = i;
      PLAIN_RUN.test(text);
      if (PLAIN_RUN.lastIndex > i) {
        if (pendingHigh) fail('unpaired surrogate escape', i);
        i = PLAIN_RUN.lastIndex;
      }
      if (i >= text.length) fail('unterminated string', start);
      const char = text.charCodeAt(i);
      if (char === 0x22) {
        if (pendingHigh) fail('unpaired surrogate escape', i);
        i += 1;
        return escaped;
      }
      if (char < 0x20) fail('control character in string', i);
      if (char !== 0x5c) {
        // A raw surrogate: only a high one directly followed by a low one is a character.
        if (pendingHigh) fail('unpaired surrogate escape', i);
        const low = text.charCodeAt(i + 1);
        if (char >= 0xdc00 || !(low >= 0xdc00 && low <= 0xdfff)) fail('unpaired surrogate', i);
        i += 2;
        continue;
      }
      escaped = true;
      const code = text[i + 1];
      if (code === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!HEX4.test(hex)) fail('bad \\u escape', i);
        const unit = Number.parseInt(hex, 16);
        const isHigh = unit >= 0xd800 && unit <= 0xdbff;
        const isLow = unit >= 0xdc00 && unit <= 0xdfff;
        if (pendingHigh !== isLow) fail('unpaired surrogate escape', i);
        pendingHigh = isHigh;
        i += 6;
      } else if (code !== undefined && '"\\/bfnrt'.includes(code)) {
        if (pendingHigh) fail('unpaired surrogate escape', i);
        i += 2;
      } else {
        fail('bad escape', i);
      }
    }
  };

  const readMemberName = (keys: Set<string>) => {
    skipWhitespace();
    if (text[i] !== '"') fail('expected a member name', i);
    const at = i;
    // Escapes are decoded before comparing: "id" and "\u0069d" are the same name.
    const key = skipString() ? (JSON.parse(text.slice(at, i)) as string) : text.slice(at + 1, i - 1);
    if (keys.has(key)) fail(`duplicate member name ${JSON.stringify(key.slice(0, 100))}`, at);
    keys.add(key);
    skipWhitespace();
    if (text[i] !== ':') fail("expected ':'", i);
    i += 1;
  };

  const open = (isObject: boolean) => {
    if (stack.length >= maxDepth) fail(`nested deeper than ${maxDepth} levels`, i);
    const frame = { isObject, keys: isObject ? new Set<string>() : undefined };
    stack.push(frame);
    i += 1;
    return frame;
  };

  scan: for (;;) {
    // Expect a value.
    skipWhitespace();
    const char = text[i];
    let containerOpened = false;
    if (char === '{') {
      const frame = open(true);
      skipWhitespace();
      if (text[i] === '}') {
        i += 1;
        stack.pop();
      } else {
        if (frame.keys !== undefined) readMemberName(frame.keys);
        containerOpened = true;
      }
    } else if (char === '[') {
      open(false);
      skipWhitespace();
      if (text[i] === ']') {
        i += 1;
        stack.pop();
      } else {
        containerOpened = true;
      }
    } else if (char === '"') {
      skipString();
    } else if (text.startsWith('true', i)) {
      i += 4;
    } else if (text.startsWith('false', i)) {
      i += 5;
    } else if (text.startsWith('null', i)) {
      i += 4;
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail(i >= text.length ? 'unexpected end' : 'unexpected character', i);
      i = NUMBER.lastIndex;
    }
    if (containerOpened) continue;

    // After a value: close containers, or move to the next element.
    for (;;) {
      skipWhitespace();
      const frame = stack.at(-1);
      if (frame === undefined) {
        if (i !== text.length) fail('unexpected data after the value', i);
        break scan;
      }
      const next = text[i];
      if (next === ',') {
        i += 1;
        if (frame.keys !== undefined) readMemberName(frame.keys);
        break;
      }
      if (next === (frame.isObject ? '}' : ']')) {
        i += 1;
        stack.pop();
        continue;
      }
      fail(`expected ',' or '${frame.isObject ? '}' : ']'}'`, i);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // Unreachable while the scan is at least as strict as JSON.parse; kept so a gap is a refusal, not a crash.
    throw new MicrocredError(ErrorCode.PARSING_ERROR, `not valid JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
}
