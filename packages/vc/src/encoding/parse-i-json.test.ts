import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode, MicrocredError } from '../error/index.js';
import { assertIJsonValue } from './assert-i-json-value.js';
import { parseIJson } from './parse-i-json.js';

const check = (text: string, maxDepth = 64) => parseIJson(text, { maxDepth });

function refusal(run: () => unknown): MicrocredError {
  try {
    run();
  } catch (error) {
    if (error instanceof MicrocredError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Every code unit outside printable ASCII written as a `\u` escape: surrogate pairs become two escapes. */
function escapeAll(json: string): string {
  return json.replace(/[^\x20-\x7e]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Well-formed strings of any code point (astral ones included), and JSON built from them.
const text = fc.string({ unit: 'binary', maxLength: 12 });
const value = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });

/**
 * Where a bad member or string sits: a chain of containers from the top level down, each an array with
 * siblings around the slot, or an object with other members and the slot under a name of its own.
 */
type Level =
  | { readonly kind: 'array'; readonly before: unknown[]; readonly after: unknown[] }
  | { readonly kind: 'object'; readonly siblings: Record<string, unknown>; readonly name: string };

const level: fc.Arbitrary<Level> = fc.oneof(
  fc.record({
    kind: fc.constant('array' as const),
    before: fc.array(value, { maxLength: 3 }),
    after: fc.array(value, { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('object' as const),
    siblings: fc.dictionary(text, value, { maxKeys: 3 }),
    name: text,
  }),
);
const levels = fc.array(level, { maxLength: 10 });

function members(object: Record<string, unknown>): string[] {
  return Object.entries(object).map(([key, item]) => `${JSON.stringify(key)}:${JSON.stringify(item)}`);
}

/** Wraps a JSON text in the given containers, outermost first. */
function embed(inner: string, path: readonly Level[]): string {
  return path.reduceRight((json, at) => {
    if (at.kind === 'array') {
      return `[${[...at.before.map((item) => JSON.stringify(item)), json, ...at.after.map((item) => JSON.stringify(item))].join(',')}]`;
    }
    const { [at.name]: _, ...others } = at.siblings;
    return `{${[...members(others), `${JSON.stringify(at.name)}:${json}`].join(',')}}`;
  }, inner);
}

describe('parseIJson', () => {
  it('accepts every I-JSON document, in any spelling, and reads it as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8, stringUnit: 'binary' }), levels, (document, path) => {
        for (const json of [
          JSON.stringify(document),
          JSON.stringify(document, null, 2),
          escapeAll(JSON.stringify(document)),
          embed(JSON.stringify(document), path),
        ]) {
          expect(check(json)).toStrictEqual(JSON.parse(json));
        }
      }),
    );
  });

  it('refuses a duplicate member name at any depth, whatever the values and however it is spelled', () => {
    fc.assert(
      fc.property(
        text,
        value,
        value,
        fc.dictionary(text, value, { maxKeys: 4 }),
        fc.nat(),
        fc.boolean(),
        levels,
        (name, first, second, others, position, escaped, path) => {
          const { [name]: _, ...rest } = others;
          const entries = members(rest);
          const spelled = escaped ? escapeAll(JSON.stringify(name)) : JSON.stringify(name);
          const split = position % (entries.length + 1);
          entries.splice(split, 0, `${JSON.stringify(name)}:${JSON.stringify(first)}`);
          entries.push(`${spelled}:${JSON.stringify(second)}`);
          const error = refusal(() => check(embed(`{${entries.join(',')}}`, path)));
          expect(error.code).toBe(ErrorCode.PARSING_ERROR);
          expect(error.message).toContain(`duplicate member name ${JSON.stringify(name)}`);
        },
      ),
    );
  });

  it('refuses a lone surrogate, raw or escaped, in a member name or a string value, at any depth', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0xd800, max: 0xdfff }),
        text,
        text,
        fc.boolean(),
        fc.boolean(),
        levels,
        (unit, prefix, suffix, raw, inName, path) => {
          // Well-formed neighbours never end with a high or start with a low surrogate: the unit stays alone.
          const lone = raw ? String.fromCharCode(unit) : `\\u${unit.toString(16)}`;
          const string = `${JSON.stringify(prefix).slice(0, -1)}${lone}${JSON.stringify(suffix).slice(1)}`;
          const error = refusal(() => check(embed(inName ? `{${string}:1}` : string, path)));
          expect(error.code).toBe(ErrorCode.PARSING_ERROR);
          expect(error.message).toMatch(/unpaired surrogate/);
        },
      ),
    );
  });

  it('accepts escaped surrogate pairs and raw non-BMP characters', () => {
    expect(check('{"emoji":"\\ud83c\\udf93","raw":"🎓","bmp":"\\u00e9"}')).toEqual({
      emoji: '🎓',
      raw: '🎓',
      bmp: 'é',
    });
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
    ['"\\u12"', 'bad \\u escape'],
    ['"open', 'unterminated string'],
    ['01', 'unexpected data after the value'],
    ['{"a":tru}', 'unexpected character'],
    ['NaN', 'unexpected character'],
    ['\uFEFF{}', 'unexpected character'],
  ])('refuses malformed JSON %j', (json, message) => {
    const error = refusal(() => check(json));
    expect(error.code).toBe(ErrorCode.PARSING_ERROR);
    expect(error.message).toContain(message);
  });

  it('names the duplicate and where it is, also when spelled with escapes', () => {
    const error = refusal(() => check('{"issuer":"a","issuer":"b"}'));
    expect(error.message).toBe('not valid I-JSON (RFC 7493): duplicate member name "issuer" at offset 14');
    expect(error.details).toEqual({ offset: 14 });
    expect(refusal(() => check('{"a":{"id":1,"\\u0069d":2}}')).message).toContain(
      'duplicate member name "id"',
    );
    // The same name in sibling objects is not a duplicate.
    expect(check('[{"id":1},{"id":2}]')).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('refuses unpaired surrogates, escaped or raw', () => {
    for (const json of [
      '"\\ud800"',
      '"\\udc00"',
      '"\\ud800x"',
      '"\\ud800\\u0041"',
      '"\\ud800\\n"',
      '"\\udc00\\ud800"',
      '"\ud800"',
      '"\ud800x"',
      '"a\udc00"',
      '"\udc00\ud800"',
      '{"\ud800":1}',
    ]) {
      expect(refusal(() => check(json)).message).toMatch(/unpaired surrogate/);
    }
  });

  it('refuses nesting beyond the limit as soon as it is reached, without exhausting the stack', () => {
    expect(check(`${'['.repeat(3)}${']'.repeat(3)}`, 3)).toEqual([[[]]]);
    expect(refusal(() => check(`${'['.repeat(4)}${']'.repeat(4)}`, 3)).message).toContain(
      'nested deeper than 3',
    );
    // Never closed, and broken at the end: a parser that read past the 65th level would report that instead.
    const deep = `${'{"a":'.repeat(10_000)}1,,`;
    expect(refusal(() => parseIJson(deep)).message).toContain(
      `nested deeper than 64 levels at offset ${64 * '{"a":'.length}`,
    );
  });
});

describe('assertIJsonValue', () => {
  it('accepts every value with well-formed strings', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8, stringUnit: 'binary' }), (document) => {
        expect(() => assertIJsonValue(document)).not.toThrow();
      }),
    );
  });

  it('refuses a lone surrogate in any string or member name, naming where it is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0xd800, max: 0xdfff }),
        text,
        text,
        fc.boolean(),
        levels,
        (unit, prefix, suffix, inName, path) => {
          const bad = `${prefix}${String.fromCharCode(unit)}${suffix}`;
          const document = JSON.parse(
            embed(inName ? `{${JSON.stringify(bad)}:1}` : JSON.stringify(bad), path),
          );
          const error = refusal(() => assertIJsonValue(document));
          expect(error.code).toBe(ErrorCode.PARSING_ERROR);
          expect(error.message).toMatch(/unpaired surrogate in a (string|member name) at /);
        },
      ),
    );
    expect(refusal(() => assertIJsonValue({ credentialSubject: [{ name: '\ud800' }] })).message).toBe(
      'not valid I-JSON (RFC 7493): unpaired surrogate in a string at credentialSubject[0].name',
    );
  });

  it('bounds the depth, cycles included', () => {
    expect(() => assertIJsonValue([[[]]], { maxDepth: 3 })).not.toThrow();
    expect(refusal(() => assertIJsonValue([[[[]]]], { maxDepth: 3 })).message).toContain(
      'nested deeper than 3 levels',
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(refusal(() => assertIJsonValue(cyclic)).message).toContain('nested deeper than 64 levels');
  });
});
