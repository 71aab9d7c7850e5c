import type { IdentifierEntry, IdentifierType } from '../model/index.js';

export interface IdentifierEntryInput {
  readonly identifier: string;
  readonly identifierType: IdentifierType;
}

/** An OB 3.0 IdentifierEntry (`otherIdentifier` of a Profile or Achievement). */
export function buildIdentifierEntry({ identifier, identifierType }: IdentifierEntryInput): IdentifierEntry {
  return { type: 'IdentifierEntry', identifier, identifierType };
}
