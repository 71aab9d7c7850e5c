export type { CanonizeOptions, Canonizer } from './canonizer.js';
export { canonicalizeJcs } from './jcs.js';
export { type JsonLdToRdfOptions, jsonLdToRdf } from './json-ld-to-rdf.js';
export {
  type CanonizerFallback,
  type CreateRdfcFastCanonizerOptions,
  createRdfcFastCanonizer,
  rdfcFastCanonizer,
} from './rdfc-fast-canonizer.js';
export { rdfcReferenceCanonizer, toCanonizeError } from './rdfc-reference-canonizer.js';
