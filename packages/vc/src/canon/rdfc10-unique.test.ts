import fc from 'fast-check';
import rdfCanonize from 'rdf-canonize';
import { describe, expect, it } from 'vitest';
import type { BlankNode, Literal, NamedNode, Quad } from './rdf-quad.js';
import { canonizeWithUniqueFirstDegreeHashes } from './rdfc10-unique.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

// Every character class N-Quads escapes differently, in IRIs and in literals.
const awkward = fc.constantFrom(
  '',
  'plain',
  '"quoted" \\ back\\slash',
  '\u0000\u0007\b\t\n\f\r\u001f\u007f',
  'delete\u007f',
  'space in',
  '<a> {b} |c| ^d^ `e`',
  'e\u0301 \u00e9',
  '\u2028\u2029',
  '\u{1D518}',
  '\uD800',
  'a\uDC00b',
  '\uFFFF\uE000',
);
const text = fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 10 }));
const namedNode = fc
  .oneof(
    fc.nat(6).map((n) => `https://example.edu/${n}`),
    text.map((tail) => `urn:x:${tail}`),
  )
  .map((value): NamedNode => ({ termType: 'NamedNode', value }));
const predicate = fc
  .nat(5)
  .map((n): NamedNode => ({ termType: 'NamedNode', value: `https://example.edu/vocab#p${n}` }));
// Few labels, so blank nodes meet each other, sometimes alike (a shared first-degree hash).
const blankNode = fc.nat(5).map((n): BlankNode => ({ termType: 'BlankNode', value: `b${n}` }));
const literal = fc.oneof(
  text.map(
    (value): Literal => ({
      termType: 'Literal',
      value,
      datatype: { termType: 'NamedNode', value: `${XSD}string` },
    }),
  ),
  fc.tuple(text, fc.constantFrom('en', 'fr-CA', 'zh-Hant')).map(
    ([value, language]): Literal => ({
      termType: 'Literal',
      value,
      language,
      datatype: { termType: 'NamedNode', value: `${RDF}langString` },
    }),
  ),
  fc.tuple(text, fc.constantFrom(`${XSD}integer`, `${XSD}dateTime`, `${RDF}JSON`, 'urn:type:"odd"')).map(
    ([value, datatype]): Literal => ({
      termType: 'Literal',
      value,
      datatype: { termType: 'NamedNode', value: datatype },
    }),
  ),
);
const quad = fc.record<Quad>({
  subject: fc.oneof(namedNode, blankNode),
  predicate,
  object: fc.oneof(namedNode, blankNode, literal),
  graph: fc.oneof(
    { weight: 4, arbitrary: fc.constant({ termType: 'DefaultGraph', value: '' } as const) },
    { weight: 1, arbitrary: namedNode },
    { weight: 1, arbitrary: blankNode },
  ),
});

function relabelled(term: Quad['subject'] | Quad['object'] | Quad['graph']) {
  return term.termType === 'BlankNode'
    ? { termType: 'BlankNode' as const, value: `${term.value}-copy` }
    : term;
}

// A dataset, sometimes followed by an isomorphic copy of some of its statements: blank nodes alike.
const dataset = fc
  .tuple(fc.array(quad, { maxLength: 12 }), fc.boolean(), fc.nat(12))
  .map(([quads, copy, count]) =>
    copy
      ? [
          ...quads,
          ...quads.slice(0, count).map(
            (original): Quad => ({
              subject: relabelled(original.subject) as Quad['subject'],
              predicate: original.predicate,
              object: relabelled(original.object) as Quad['object'],
              graph: relabelled(original.graph) as Quad['graph'],
            }),
          ),
        ]
      : quads,
  );

function referenceCanonize(dataset: readonly Quad[]): Promise<string> {
  return rdfCanonize.canonize([...dataset], {
    algorithm: 'RDFC-1.0',
    maxWorkFactor: Number.POSITIVE_INFINITY,
  });
}

describe('RDFC-1.0 for blank nodes with unique first-degree hashes', () => {
  it('writes the same N-Quads as rdf-canonize whenever it answers, escapes and sorting included', async () => {
    let answered = 0;
    let declined = 0;
    await fc.assert(
      fc.asyncProperty(dataset, async (quads) => {
        const ours = canonizeWithUniqueFirstDegreeHashes(quads);
        if (ours === undefined) {
          declined++;
          return;
        }
        answered++;
        expect(ours).toBe(await referenceCanonize(quads));
      }),
      { numRuns: 1500 },
    );
    // Both branches were exercised: the property says something about each.
    expect(answered).toBeGreaterThan(300);
    expect(declined).toBeGreaterThan(150);
  });

  it('declines two blank nodes that only their neighbours could tell apart', () => {
    const type: NamedNode = { termType: 'NamedNode', value: 'https://example.edu/vocab#Alignment' };
    const rdfType: NamedNode = { termType: 'NamedNode', value: `${RDF}type` };
    const graph = { termType: 'DefaultGraph', value: '' } as const;
    const twins: Quad[] = ['b0', 'b1'].map((value) => ({
      subject: { termType: 'BlankNode', value },
      predicate: rdfType,
      object: type,
      graph,
    }));
    expect(canonizeWithUniqueFirstDegreeHashes(twins)).toBeUndefined();
  });

  it('writes a dataset without blank nodes sorted, duplicates kept as rdf-canonize keeps them', async () => {
    const subject: NamedNode = { termType: 'NamedNode', value: 'https://example.edu/s' };
    const p: NamedNode = { termType: 'NamedNode', value: 'https://example.edu/p' };
    const graph = { termType: 'DefaultGraph', value: '' } as const;
    const dataset: Quad[] = ['z', 'a', 'a'].map((value) => ({
      subject,
      predicate: p,
      object: { termType: 'Literal', value, datatype: { termType: 'NamedNode', value: `${XSD}string` } },
      graph,
    }));
    const ours = canonizeWithUniqueFirstDegreeHashes(dataset);
    expect(ours).toBe(await referenceCanonize(dataset));
    expect(ours?.split('\n').filter(Boolean)).toHaveLength(3);
  });
});
