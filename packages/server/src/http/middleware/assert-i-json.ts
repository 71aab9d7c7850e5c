import { ErrorCode, MicrocredError } from '@microcred/vc';

interface Frame {
  readonly kind: 'object' | 'array';
  readonly keys: Set<string>;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function fail(message: string, at: number): never {
  throw new MicrocredError(
    ErrorCode.PARSING_ERROR,
    `the request body is not valid JSON: ${message} at offset ${at}`,
  );
}

/**
 * Checks that `text` is one I-JSON value (RFC 7493): well-formed JSON, no duplicate member names, no
 * unpaired surrogate escapes, and nesting at most `maxDepth` deep. `JSON.parse` silently keeps the last
 * of duplicate keys and accepts lone surrogates, and canonicalization (RFC 8785) relies on I-JSON, so a
 * signer and a verifier could otherwise read one body two ways (ADVERSARIAL V14). Iterative: a body
 * nested 10,000 deep fails fast instead of exhausting the stack.
 */
export function assertIJson(text: string, options: { readonly maxDepth: number }): void {
  const stack: Frame[] = [];
  let i = 0;

  const skipWhitespace = () => {
    while (i < text.length) {
      const char = text.charCodeAt(i);
      if (char !== 0x20 && char !== 0x09 && char !== 0x0a && char !== 0x0d) return;
      i += 1;
    }
  };

  // Moves `i` past the closing quote.
  const skipString = (): void => {
    const start = i;
    i += 1;
    let pendingHigh = false;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const char = text.charCodeAt(i);
      if (char === 0x22) {
        if (pendingHigh) fail('unpaired surrogate escape', i);
        i += 1;
        return;
      }
      if (char < 0x20) fail('control character in string', i);
      if (char !== 0x5c) {
        if (pendingHigh) fail('unpaired surrogate escape', i);
        if (char >= 0xdc00 && char <= 0xdfff) fail('unpaired surrogate', i);
        if (char >= 0xd800 && char <= 0xdbff) {
          const low = text.charCodeAt(i + 1);
          if (!(low >= 0xdc00 && low <= 0xdfff)) fail('unpaired surrogate', i);
          i += 1;
        }
        i += 1;
        continue;
      }
      const escaped = text[i + 1];
      if (escaped === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!HEX4.test(hex)) fail('bad \\u escape', i);
        const unit = Number.parseInt(hex, 16);
        const isHigh = unit >= 0xd800 && unit <= 0xdbff;
        const isLow = unit >= 0xdc00 && unit <= 0xdfff;
        if (pendingHigh !== isLow) fail('unpaired surrogate escape', i);
        pendingHigh = isHigh;
        i += 6;
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
        if (pendingHigh) fail('unpaired surrogate escape', i);
        i += 2;
      } else {
        fail('bad escape', i);
      }
    }
  };

  const readMemberName = (frame: Frame) => {
    skipWhitespace();
    if (text[i] !== '"') fail('expected a member name', i);
    const at = i;
    skipString();
    const key = JSON.parse(text.slice(at, i)) as string;
    if (frame.keys.has(key)) fail(`duplicate member name ${JSON.stringify(key.slice(0, 100))}`, at);
    frame.keys.add(key);
    skipWhitespace();
    if (text[i] !== ':') fail("expected ':'", i);
    i += 1;
  };

  const open = (kind: Frame['kind']) => {
    if (stack.length >= options.maxDepth) fail(`nested deeper than ${options.maxDepth} levels`, i);
    stack.push({ kind, keys: new Set() });
    i += 1;
  };

  for (;;) {
    // Expect a value.
    skipWhitespace();
    const char = text[i];
    let containerOpened = false;
    if (char === '{') {
      open('object');
      skipWhitespace();
      if (text[i] === '}') {
        i += 1;
        stack.pop();
      } else {
        const frame = stack.at(-1);
        if (frame !== undefined) readMemberName(frame);
        containerOpened = true;
      }
    } else if (char === '[') {
      open('array');
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
        return;
      }
      const next = text[i];
      if (next === ',') {
        i += 1;
        if (frame.kind === 'object') readMemberName(frame);
        break;
      }
      if ((frame.kind === 'object' && next === '}') || (frame.kind === 'array' && next === ']')) {
        i += 1;
        stack.pop();
        continue;
      }
      fail(`expected ',' or '${frame.kind === 'object' ? '}' : ']'}'`, i);
    }
  }
}
