import { ErrorCode, MicrocredError } from '../error/index.js';
import { BUNDLED_CONTEXTS } from './bundled-contexts.js';

/** The shape jsonld.js expects from a document loader. */
export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

export interface DocumentLoaderOptions {
  /** Extra documents by URL (test contexts, contexts from a verifier's resource map). */
  readonly extraDocuments?: ReadonlyMap<string, unknown>;
}

/**
 * A JSON-LD document loader that serves only bundled (or explicitly supplied) documents and refuses
 * every other URL with UNKNOWN_CONTEXT naming it. Nothing is fetched: a context from the network
 * could change the meaning of a signed document (ADVERSARIAL V11, V12).
 */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  const extra = options.extraDocuments;
  return (url) => {
    const document = BUNDLED_CONTEXTS.get(url) ?? extra?.get(url);
    if (document === undefined) {
      return Promise.reject(
        new MicrocredError(
          ErrorCode.UNKNOWN_CONTEXT,
          `the JSON-LD context ${url} is not bundled and is never fetched`,
          {
            details: { url },
          },
        ),
      );
    }
    // jsonld.js may mutate what it is given; a structured clone keeps the bundled originals pristine.
    return Promise.resolve({ contextUrl: null, documentUrl: url, document: structuredClone(document) });
  };
}

/** The loader over bundled contexts only, shared because it holds no state. */
export const bundledDocumentLoader: DocumentLoader = createDocumentLoader();
