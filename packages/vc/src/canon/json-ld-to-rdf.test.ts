import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { canonizationCorpora } from './canonization-corpora.test-support.js';
import { jsonLdToRdf } from './json-ld-to-rdf.js';
import type { Quad } from './rdf-quad.js';

describe('jsonLdToRdf', () => {
  // RDFC-1.0's N-degree step (and the work its limit counts) depends on quad order and blank node
  // labels, so the fast path must hand rdf-canonize jsonld.js's dataset exactly, not just an
  // isomorphic one.
  for (const corpus of canonizationCorpora({ realisticCount: 50 })) {
    it(`${corpus.name}: gives jsonld.js's own toRDF dataset, quad for quad with the same blank node labels`, async () => {
      let handled = 0;
      for (const { name, document } of corpus.documents) {
        let quads: Quad[];
        try {
          quads = await jsonLdToRdf({ document, documentLoader: corpus.documentLoader });
        } catch {
          continue; // delegated; rdfc-fast-canonizer.test.ts checks those against the reference
        }
        handled++;
        const reference = await jsonld.toRDF(document, {
          safe: true,
          base: null,
          documentLoader: corpus.documentLoader,
        });
        expect(quads, name).toStrictEqual(reference);
      }
      expect(handled).toBeGreaterThan(0);
    });
  }
});
