import type { Association, AssociationType } from '../model/index.js';

export interface AssociationInput {
  /** e.g. `isParentOf` from a qualification to one of its components, `precedes` for order. */
  readonly associationType: AssociationType;
  /** The id of the source Achievement. */
  readonly sourceId: string;
  /** The id of the target Achievement. */
  readonly targetId: string;
}

/** A CLR 2.0 Association between two achievements of a pathway. */
export function buildAssociation({ associationType, sourceId, targetId }: AssociationInput): Association {
  return { type: 'Association', associationType, sourceId, targetId };
}
