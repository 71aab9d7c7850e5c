import { ErrorCode, MicrocredError } from '@microcred/vc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertIJson } from './assert-i-json.js';

const check = (text: string, maxDepth = 64) => assertIJson(text, { maxDepth });

function refusal(text: string, maxDepth = 64): MicrocredError {
  try {
    check(text, maxDepth);
  } catch (error) {
    if (error instanceof MicrocredError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('assertIJson', () => {
  it('accepts every value JSON.stringify produces', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        check(JSON.stringify(value));
        check(JSON.stringify(value, null, 2));
      }),
    );
  });

  it('accepts escaped surrogate pairs and raw non-BMP characters', () => {
    check('{"emoji":"\\ud83c\\udf93","raw":"🎓","bmp":"\\u00e9"}');
  });

  it.each([
    ['', 'unexpected end'],
    ['{', 'expected a member name'],
    ['{"a":1,}', 'expected a member name'],
    ['[1,2', "expected ',' or ']'"],
    ['{"a" 1}', "expected ':'"],
    ['{"a":1} x', 'unexpected data after the value'],
    ['"tab\there"', 'control character'],
    ['"\\x"', 'bad escape'],
    ['01', 'unexpected data after the value'],
    ['{"a":tru}', 'unexpected character'],
    ['NaN', 'unexpected character'],
  ])('refuses malformed JSON %j', (text, message) => {
    const error = refusal(text);
    expect(error.code).toBe(ErrorCode.PARSING_ERROR);
    expect(error.message).toContain(message);
  });

  it('refuses duplicate member names, also when spelled with escapes', () => {
    expect(refusal('{"issuer":"a","issuer":"b"}').message).toContain('duplicate member name "issuer"');
    expect(refusal('{"a":{"id":1,"\\u0069d":2}}').message).toContain('duplicate member name "id"');
    // The same name in sibling objects is not a duplicate.
    check('[{"id":1},{"id":2}]');
  });

  it('refuses unpaired surrogates, escaped or raw', () => {
    for (const text of [
      '"\\ud800"',
      '"\\udc00"',
      '"\\ud800x"',
      '"\\ud800\\u0041"',
      '"\ud800"',
      '"a\udc00"',
    ]) {
      expect(refusal(text).message).toMatch(/unpaired surrogate/);
    }
  });

  it('refuses nesting beyond the limit quickly and without exhausting the stack', () => {
    expect(() => check(`${'['.repeat(3)}${']'.repeat(3)}`, 3)).not.toThrow();
    expect(refusal(`${'['.repeat(4)}${']'.repeat(4)}`, 3).message).toContain('nested deeper than 3');
    const started = performance.now();
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect(refusal(deep).message).toContain('nested deeper than 64');
    expect(performance.now() - started).toBeLessThan(100);
  });
});
