import rdfCanonize from 'rdf-canonize';
import { assertBoundedNDegreeWork } from './assert-bounded-n-degree-work.js';
import type { Canonizer } from './canonizer.js';
import { jsonLdToRdf } from './json-ld-to-rdf.js';
import type { Quad } from './rdf-quad.js';
import { rdfcReferenceCanonizer, toCanonizeError } from './rdfc-reference-canonizer.js';
import { canonizeWithUniqueFirstDegreeHashes, canonizeWrittenQuads } from './rdfc10-unique.js';
import { ShapeTemplates } from './shape-templates.js';
import { UnsupportedJsonLd } from './unsupported-json-ld.js';

/** Why a document was handed to the reference path. */
export interface CanonizerFallback {
  /**
   * `unsupported`: JSON-LD outside the fast subset, or that safe mode rejects; `error`: something
   * failed, normally context processing (a URL the loader refuses, an invalid context);
   * `canonicalization`: RDFC-1.0 itself stopped (rdf-canonize's deep-iteration limit).
   */
  readonly kind: 'unsupported' | 'error' | 'canonicalization';
  readonly reason: string;
}

export interface CreateRdfcFastCanonizerOptions {
  /** Where documents outside the fast subset go; the reference path unless a test swaps it. */
  readonly fallback?: Canonizer;
  /** Called each time a document is delegated, with why: lets tests and metrics count fallbacks. */
  readonly onFallback?: (fallback: CanonizerFallback) => void;
  /**
   * Whether documents of a shape seen before are turned into RDF from that shape's template
   * ({@link ShapeTemplates}) rather than expanded again; on unless a test compares the two.
   */
  readonly shapeTemplates?: boolean;
  /** Called each time a document is turned into RDF from its shape's template (tests, metrics). */
  readonly onTemplated?: () => void;
}

/** Our own error inside jsonld.js's wrapping (e.g. UNKNOWN_CONTEXT from the loader) says it best. */
function describe(error: unknown): string {
  return error instanceof UnsupportedJsonLd ? error.message : toCanonizeError(error).message;
}

/**
 * A canonizer that turns JSON-LD into RDF itself for the subset credentials use (terms and scoped
 * contexts from jsonld.js's own processed contexts, remembered per document loader) and then runs
 * RDFC-1.0: its own for datasets whose blank nodes all have distinct first-degree hashes (every
 * credential we issue), rdf-canonize's for the rest, producing the same N-Quads as {@link rdfcReferenceCanonizer} in a fraction
 * of the time. Anything else, including every document the reference would reject, is delegated
 * whole to the fallback, so the fast path never returns different N-Quads and never accepts what the
 * reference rejects. The one exception is a poisoned blank-node graph, refused on the spot by the
 * bound both paths apply to the same dataset ({@link assertBoundedNDegreeWork}).
 *
 * A document whose shape (keys, contexts, types, numbers) was seen before is turned into RDF from that
 * shape's template instead of being expanded again ({@link ShapeTemplates}): the template is learnt by
 * expansion and kept only if it gives back what expansion gave, and a document whose strings would land
 * elsewhere than its holes is expanded as usual.
 *
 * Processed contexts are remembered per document loader (by identity), so a loader must answer a
 * URL the same way for as long as it is used, as the bundled and resource-map loaders do; a loader
 * made per call works too, without the benefit of what earlier calls learned.
 */
export function createRdfcFastCanonizer(options: CreateRdfcFastCanonizerOptions = {}): Canonizer {
  const fallback = options.fallback ?? rdfcReferenceCanonizer;
  const delegate = (kind: CanonizerFallback['kind'], cause: unknown) => {
    options.onFallback?.({ kind, reason: describe(cause) });
  };
  const templates = options.shapeTemplates === false ? undefined : new ShapeTemplates();
  return {
    name: 'microcred-fast+rdf-canonize',
    async canonize(document, canonizeOptions) {
      const { documentLoader } = canonizeOptions;
      const fromTemplate = templates?.writtenQuadsOf(document, documentLoader);
      const templated = fromTemplate?.templated;
      if (templated !== undefined) {
        const canonical = canonizeWrittenQuads(templated.written, templated.lastOrder);
        if (canonical !== undefined) {
          options.onTemplated?.();
          return canonical;
        }
      }
      let dataset: Quad[];
      try {
        dataset = await jsonLdToRdf({ document, documentLoader });
      } catch (error) {
        delegate(error instanceof UnsupportedJsonLd ? 'unsupported' : 'error', error);
        return fallback.canonize(document, canonizeOptions);
      }
      // Unique first-degree hashes need no N-degree work, so no bound can refuse them.
      const canonical = canonizeWithUniqueFirstDegreeHashes(dataset);
      if (canonical !== undefined) {
        if (templates !== undefined && fromTemplate?.reading !== undefined && templated === undefined) {
          await templates.learn({ document, reading: fromTemplate.reading, dataset, documentLoader });
        }
        return canonical;
      }
      const maxWorkFactor = canonizeOptions.maxWorkFactor ?? 1;
      // The same dataset as the reference's, so the same verdict: refused here, without expanding a
      // poisoned document a second time.
      assertBoundedNDegreeWork(dataset, maxWorkFactor);
      try {
        // The same dataset, in the same order with the same blank node labels, as jsonld.js hands
        // rdf-canonize, with the same options: RDFC-1.0 then does the same work, limit included.
        return await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', maxWorkFactor });
      } catch (error) {
        // Too many deep iterations (a poisoned graph): the reference reports it with its own wording.
        delegate('canonicalization', error);
        return fallback.canonize(document, canonizeOptions);
      }
    },
  };
}

/** The fast canonizer, delegating to {@link rdfcReferenceCanonizer}; the default for eddsa-rdfc-2022. */
export const rdfcFastCanonizer: Canonizer = createRdfcFastCanonizer();
