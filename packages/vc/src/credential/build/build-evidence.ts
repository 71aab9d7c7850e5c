import type { Evidence } from '../model/index.js';

export interface EvidenceInput {
  /** URL or `data:` URI of the evidence. */
  readonly id?: string;
  readonly name?: string;
  readonly description?: string;
  /** Markdown. */
  readonly narrative?: string;
  readonly genre?: string;
  readonly audience?: string;
}

/** An OB 3.0 Evidence entry. */
export function buildEvidence(input: EvidenceInput): Evidence {
  return {
    id: input.id,
    type: ['Evidence'],
    name: input.name,
    description: input.description,
    narrative: input.narrative,
    genre: input.genre,
    audience: input.audience,
  };
}
