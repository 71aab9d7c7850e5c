import { z } from 'zod';

/**
 * CLR 2.0 AssociationType. Taken from a third-party copy of the CLR OpenAPI (STANDARDS.md §2 marks
 * it "verify"); treated as closed like the other CLR enumerations.
 */
export const ASSOCIATION_TYPES = [
  'exactMatchOf',
  'isChildOf',
  'isParentOf',
  'isPartOf',
  'isPeerOf',
  'isRelatedTo',
  'precedes',
  'replacedBy',
] as const;

export const AssociationTypeSchema = z.enum(ASSOCIATION_TYPES);
export type AssociationType = z.output<typeof AssociationTypeSchema>;
