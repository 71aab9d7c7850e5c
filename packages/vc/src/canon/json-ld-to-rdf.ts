import type { DocumentLoader } from '../contexts/index.js';
import { ContextMiss, ContextScope } from './context-scope.js';
import { expandJsonLd } from './expand-json-ld.js';
import { expandedToRdf } from './expanded-to-rdf.js';
import type { Quad } from './rdf-quad.js';
import { UnsupportedJsonLd } from './unsupported-json-ld.js';

export interface JsonLdToRdfOptions {
  readonly document: object;
  readonly documentLoader: DocumentLoader;
}

// Each pass that meets an unprocessed context processes it and starts again; a document needing more
// passes than this (hundreds of distinct scoped contexts) is left to the reference.
const MAX_PASSES = 256;

/**
 * The RDF dataset of a JSON-LD document (JSON-LD 1.1 API: Expansion, then Deserialize JSON-LD to RDF),
 * for the subset the fast path implements. The expansion walk is synchronous; the only
 * asynchronous work, processing a context through jsonld.js and the document loader, happens between
 * passes and is remembered per document loader.
 *
 * @throws UnsupportedJsonLd when the document goes beyond that subset; any other error comes from
 * context processing. Either way the caller hands the document to the reference path.
 */
export async function jsonLdToRdf(options: JsonLdToRdfOptions): Promise<Quad[]> {
  const initialScope = ContextScope.initial(options.documentLoader);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    try {
      return expandedToRdf({ node: expandJsonLd({ document: options.document, initialScope }) });
    } catch (error) {
      if (!(error instanceof ContextMiss)) throw error;
      await error.resolve();
    }
  }
  throw new UnsupportedJsonLd(`more than ${MAX_PASSES} distinct scoped contexts`);
}
