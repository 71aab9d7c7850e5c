export {
  type BuildAchievementOptions,
  buildAchievement,
} from './build-achievement.js';
export {
  type BuildAchievementCredentialOptions,
  buildAchievementCredential,
  type RecipientInput,
} from './build-achievement-credential.js';
export { type AddressInput, buildAddress } from './build-address.js';
export { type AlignmentInput, buildAlignment } from './build-alignment.js';
export { type AssociationInput, buildAssociation } from './build-association.js';
export {
  type BuildClrCredentialOptions,
  buildClrCredential,
  CLR_PARTIAL_CONTEXT,
} from './build-clr-credential.js';
export {
  type BitstringStatusListEntryInput,
  buildCredentialStatus,
  type CredentialStatusInput,
  type RevocationListStatusInput,
} from './build-credential-status.js';
export {
  type BuildEndorsementCredentialOptions,
  buildEndorsementCredential,
} from './build-endorsement-credential.js';
export { buildEvidence, type EvidenceInput } from './build-evidence.js';
export { buildIdentifierEntry, type IdentifierEntryInput } from './build-identifier-entry.js';
export { buildImage, type ImageInput } from './build-image.js';
export { type BuildProfileOptions, buildProfile } from './build-profile.js';
export { buildRelated, type RelatedInput } from './build-related.js';
export { buildResult, type ResultInput } from './build-result.js';
export { buildResultDescription, type ResultDescriptionInput } from './build-result-description.js';
export { buildRubricCriterionLevel, type RubricCriterionLevelInput } from './build-rubric-criterion-level.js';
export {
  type HashIdentityOptions,
  hashIdentity,
  type MatchesIdentityOptions,
  matchesIdentity,
} from './hash-identity.js';
