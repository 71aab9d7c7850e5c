import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { ExpandedValue } from './expanded-json-ld.js';
import type { Literal } from './rdf-quad.js';
import { toRdfLiteral } from './to-rdf-literal.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const P = 'https://example.org/p';

const value = (literal: unknown, type?: string, language?: string): ExpandedValue => ({
  kind: 'value',
  value: literal,
  type,
  language,
});

/** The literal jsonld.js itself produces for one expanded value object. */
async function referenceLiteral(item: ExpandedValue): Promise<Literal> {
  const object = {
    '@value': item.value,
    ...(item.type === undefined ? {} : { '@type': item.type }),
    ...(item.language === undefined ? {} : { '@language': item.language }),
  };
  const quads = (await jsonld.toRDF([{ '@id': 'https://example.org/s', [P]: [object] }], {
    skipExpansion: true,
  })) as { object: Literal }[];
  return quads[0]?.object as Literal;
}

describe('toRdfLiteral', () => {
  const cases: [string, ExpandedValue, string, string][] = [
    ['0', value(0), '0', `${XSD}integer`],
    ['-0, as 0', value(-0), '0', `${XSD}integer`],
    ['an integer beyond 2^53, in full', value(2 ** 60), '1152921504606846976', `${XSD}integer`],
    ['1.5, as a canonical double', value(1.5), '1.5E0', `${XSD}double`],
    ['0.1', value(0.1), '1.0E-1', `${XSD}double`],
    ['1e21, a double because it is too large for the integer form', value(1e21), '1.0E21', `${XSD}double`],
    ['1e-7, which jsonld.js writes as the integer 0', value(1e-7), '0', `${XSD}integer`],
    ['true', value(true), 'true', `${XSD}boolean`],
    ['a number under a datatype', value(3, `${XSD}float`), '3', `${XSD}float`],
    ['a string typed xsd:double', value('3', `${XSD}double`), '3.0E0', `${XSD}double`],
    ['a plain string', value('e\u0301\u0000'), 'e\u0301\u0000', `${XSD}string`],
    [
      'a JSON literal, JCS-serialized',
      value({ b: 1, a: [1, 'x', -0] }, '@json'),
      '{"a":[1,"x",0],"b":1}',
      `${RDF}JSON`,
    ],
  ];
  for (const [what, item, lexical, datatype] of cases) {
    it(`writes ${what} as jsonld.js does`, async () => {
      const literal = toRdfLiteral(item);
      expect(literal).toMatchObject({ value: lexical, datatype: { value: datatype } });
      expect(literal).toStrictEqual(await referenceLiteral(item));
    });
  }

  it('writes a language-tagged string as an rdf:langString with its tag', async () => {
    const item = value('Grundlagen', undefined, 'de-ch');
    expect(toRdfLiteral(item)).toStrictEqual({
      termType: 'Literal',
      value: 'Grundlagen',
      datatype: { termType: 'NamedNode', value: `${RDF}langString` },
      language: 'de-ch',
    });
    expect(toRdfLiteral(item)).toStrictEqual(await referenceLiteral(item));
  });
});
