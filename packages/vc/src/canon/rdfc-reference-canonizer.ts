import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import { ErrorCode, MicrocredError } from '../error/index.js';
import { assertBoundedNDegreeWork } from './assert-bounded-n-degree-work.js';
import { assertBoundedNodeMapWork } from './assert-bounded-node-map-work.js';
import type { Canonizer } from './canonizer.js';
import type { Quad } from './rdf-quad.js';

interface JsonLdErrorShape {
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  details?: { cause?: unknown; event?: { code?: unknown; details?: unknown } };
}

/** Finds our own error (e.g. UNKNOWN_CONTEXT from the loader) inside jsonld.js's error wrapping. */
function findMicrocredError(error: unknown, depth = 0): MicrocredError | undefined {
  if (error instanceof MicrocredError) return error;
  if (depth > 8 || typeof error !== 'object' || error === null) return undefined;
  const shape = error as JsonLdErrorShape;
  return findMicrocredError(shape.cause, depth + 1) ?? findMicrocredError(shape.details?.cause, depth + 1);
}

/** Maps jsonld.js and rdf-canonize failures to our stable codes, keeping the library's words. */
export function toCanonizeError(error: unknown): MicrocredError {
  const own = findMicrocredError(error);
  if (own !== undefined) return own;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as JsonLdErrorShape;
  const message = typeof shape.message === 'string' ? shape.message : String(error);
  if (shape.name === 'jsonld.ValidationError') {
    const event = shape.details?.event;
    const eventCode = typeof event?.code === 'string' ? event.code : 'safe mode violation';
    const detail = JSON.stringify(event?.details ?? {}).slice(0, 300);
    return new MicrocredError(
      ErrorCode.UNDEFINED_TERM,
      `JSON-LD safe mode: ${eventCode} (a term or type is not defined by the document's contexts) ${detail}`,
      { cause: error },
    );
  }
  if (/maximum deep iterations|abort/i.test(message)) {
    return new MicrocredError(ErrorCode.RANGE_ERROR, `canonicalization stopped: ${message}`, {
      cause: error,
    });
  }
  return new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, `JSON-LD canonicalization failed: ${message}`, {
    cause: error,
  });
}

/**
 * The reference path: jsonld.js expansion to RDF in safe mode, then rdf-canonize RDFC-1.0.
 * Safe mode makes an undefined term an error instead of silently dropping it from what is signed.
 */
export const rdfcReferenceCanonizer: Canonizer = {
  name: 'jsonld+rdf-canonize',
  async canonize(document, options) {
    const maxWorkFactor = options.maxWorkFactor ?? 1;
    try {
      // What jsonld.canonize does (jsonld 9: toRDF, then rdf-canonize), in steps so that each bound
      // sees its input first: expansion is linear, the node map inside toRDF is not, RDFC-1.0 can explode.
      const expanded = await jsonld.expand(document, {
        safe: true,
        base: null,
        documentLoader: options.documentLoader,
      });
      assertBoundedNodeMapWork(expanded);
      const dataset = (await jsonld.toRDF(expanded, {
        safe: true,
        base: null,
        documentLoader: options.documentLoader,
        produceGeneralizedRdf: false,
      })) as Quad[];
      assertBoundedNDegreeWork(dataset, maxWorkFactor);
      return await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', maxWorkFactor });
    } catch (error) {
      throw toCanonizeError(error);
    }
  },
};
