export { type Achievement, AchievementSchema } from './achievement.js';
export {
  ACHIEVEMENT_CREDENTIAL_TYPES,
  type AchievementCredential,
  AchievementCredentialSchema,
} from './achievement-credential.js';
export { type AchievementSubject, AchievementSubjectSchema } from './achievement-subject.js';
export { ACHIEVEMENT_TYPES, type AchievementType, AchievementTypeSchema } from './achievement-type.js';
export { type Address, AddressSchema, type GeoCoordinates, GeoCoordinatesSchema } from './address.js';
export { type Alignment, AlignmentSchema } from './alignment.js';
export {
  ALIGNMENT_TARGET_TYPES,
  type AlignmentTargetType,
  AlignmentTargetTypeSchema,
} from './alignment-target-type.js';
export { type Association, AssociationSchema } from './association.js';
export { ASSOCIATION_TYPES, type AssociationType, AssociationTypeSchema } from './association-type.js';
export {
  type ClrCredential,
  ClrCredentialSchema,
  type ClrSubject,
  ClrSubjectSchema,
  type ClrVerifiableCredential,
  ClrVerifiableCredentialSchema,
} from './clr-credential.js';
export {
  CLR_CONTEXT_PATTERN,
  ClrContextSchema,
  type JsonLdContext,
  OB_CONTEXT_PATTERN,
  ObContextSchema,
} from './credential-context.js';
export {
  CLR_CREDENTIAL_SCHEMA_URL,
  type CredentialSchema,
  CredentialSchemaSchema,
  OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL,
  OB_ENDORSEMENT_CREDENTIAL_SCHEMA_URL,
  ONEEDTECH_JSON_SCHEMA_VALIDATOR_2019,
} from './credential-schema.js';
export {
  type BitstringStatusListEntry,
  BitstringStatusListEntrySchema,
  type CredentialStatus,
  CredentialStatusSchema,
  ONEEDTECH_REVOCATION_LIST,
  type RevocationListStatus,
  RevocationListStatusSchema,
} from './credential-status.js';
export { type Criteria, CriteriaSchema } from './criteria.js';
export { DateSchema, DateTimeSchema, DateTimeZSchema } from './date-time.js';
export {
  type EndorsementCredential,
  EndorsementCredentialSchema,
  type EndorsementSubject,
  EndorsementSubjectSchema,
} from './endorsement-credential.js';
export { type Evidence, EvidenceSchema } from './evidence.js';
export { EXTENSION_VALUE_PATTERN } from './extensible-enum.js';
export { type IdentifierEntry, IdentifierEntrySchema } from './identifier-entry.js';
export { IDENTIFIER_TYPES, type IdentifierType, IdentifierTypeSchema } from './identifier-type.js';
export { type IdentityObject, IdentityObjectSchema } from './identity-object.js';
export { type Image, ImageSchema } from './image.js';
export { LanguageCodeSchema } from './language-code.js';
export { type Profile, type ProfileRef, ProfileRefSchema, ProfileSchema } from './profile.js';
export { type DataIntegrityProof, DataIntegrityProofSchema, type Proof, ProofSchema } from './proof.js';
export { type RefreshService, RefreshServiceSchema } from './refresh-service.js';
export { type Related, RelatedSchema } from './related.js';
export { type Result, ResultSchema } from './result.js';
export { type ResultDescription, ResultDescriptionSchema } from './result-description.js';
export { RESULT_STATUS_TYPES, type ResultStatusType, ResultStatusTypeSchema } from './result-status-type.js';
export { RESULT_TYPES, type ResultType, ResultTypeSchema } from './result-type.js';
export { type RubricCriterionLevel, RubricCriterionLevelSchema } from './rubric-criterion-level.js';
export { type TermsOfUse, TermsOfUseSchema } from './terms-of-use.js';
