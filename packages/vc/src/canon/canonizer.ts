import type { DocumentLoader } from '../contexts/index.js';

export interface CanonizeOptions {
  /** Serves contexts; the bundled loader refuses every URL it does not hold. */
  readonly documentLoader: DocumentLoader;
  /**
   * Bounds RDFC-1.0's deep iterations (rdf-canonize `maxWorkFactor`; 1, the library's default, unless
   * set). Whatever it is, a dataset whose N-degree work could exceed `MAX_N_DEGREE_WORK` is refused
   * before canonicalization starts (ADVERSARIAL V13, rdf-canon#120, #138).
   */
  readonly maxWorkFactor?: number;
}

/**
 * Turns a JSON-LD document into its RDFC-1.0 canonical N-Quads. Every proof that signs RDF goes
 * through this one interface, so a faster implementation can replace the reference one and be
 * checked against it without any caller changing.
 */
export interface Canonizer {
  readonly name: string;
  canonize(document: object, options: CanonizeOptions): Promise<string>;
}
