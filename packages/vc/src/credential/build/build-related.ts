import type { Related } from '../model/index.js';

export interface RelatedInput {
  /** The id of the related Achievement. */
  readonly id: string;
  /** BCP 47 language of the related Achievement. */
  readonly inLanguage?: string;
  readonly version?: string;
}

/** An OB 3.0 Related: another version or language edition of an Achievement. */
export function buildRelated({ id, inLanguage, version }: RelatedInput): Related {
  return { id, type: ['Related'], inLanguage, version };
}
