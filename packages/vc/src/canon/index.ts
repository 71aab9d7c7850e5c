export type { CanonizeOptions, Canonizer } from './canonizer.js';
export { canonicalizeJcs } from './jcs.js';
export { rdfcReferenceCanonizer, toCanonizeError } from './rdfc-reference-canonizer.js';
