import type { z } from 'zod';
import { extensibleEnum } from './extensible-enum.js';

/** OB 3.0 IdentifierTypeEnum, used by IdentityObject.identityType and IdentifierEntry.identifierType. */
export const IDENTIFIER_TYPES = [
  'name',
  'sourcedId',
  'systemId',
  'productId',
  'userName',
  'accountId',
  'emailAddress',
  'nationalIdentityNumber',
  'isbn',
  'issn',
  'lisSourcedId',
  'oneRosterSourcedId',
  'sisSourcedId',
  'ltiContextId',
  'ltiDeploymentId',
  'ltiToolId',
  'ltiPlatformId',
  'ltiUserId',
  'identifier',
] as const;

/** An IdentifierTypeEnum value or an `ext:` extension. */
export const IdentifierTypeSchema = extensibleEnum(IDENTIFIER_TYPES);
export type IdentifierType = z.output<typeof IdentifierTypeSchema>;
