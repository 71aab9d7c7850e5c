export {
  ACHIEVEMENT_STATUSES,
  type Achievement,
  type AchievementPatch,
  type AchievementRepository,
  type AchievementStatus,
  type CatalogPage,
  type CatalogQuery,
  DELIVERY_MODES,
  type DeliveryMode,
  type NewAchievement,
  type Skill,
} from './achievement-repository.js';
export {
  API_KEY_ROLES,
  type ApiKey,
  type ApiKeyRepository,
  type ApiKeyRole,
  type NewApiKey,
} from './api-key-repository.js';
export {
  BULK_JOB_STATES,
  BULK_ROW_STATES,
  type BulkJob,
  type BulkJobRepository,
  type BulkJobRow,
  type BulkJobState,
  type BulkRowResult,
  type BulkRowState,
  type NewBulkJob,
} from './bulk-job-repository.js';
export type { ImageRef, JsonObject, Page } from './common.js';
export {
  CREDENTIAL_EVENT_KINDS,
  CREDENTIAL_FORMATS,
  type CredentialEvent,
  type CredentialEventKind,
  type CredentialFormat,
  type CredentialHolding,
  type CredentialQuery,
  type CredentialRecord,
  type CredentialRepository,
  type InsertCredentialResult,
  ISSUED_STATES,
  type IssuedCredential,
  type IssuedCredentialQuery,
  type IssuedState,
  type IssuedStatistics,
  type NewCredential,
  type RecipientKey,
} from './credential-repository.js';
export type { DomainLogger } from './domain-logger.js';
export type { EarnerEmail, EarnerEmailRepository } from './earner-email-repository.js';
export type { EarnerPhoto, EarnerPhotoRepository, PhotoSize } from './earner-photo-repository.js';
export type { Earner, EarnerRepository, ProfileLink } from './earner-repository.js';
export type { EarnerSessionRepository } from './earner-session-repository.js';
export {
  EMAIL_TOKEN_PURPOSES,
  type EmailToken,
  type EmailTokenPurpose,
  type EmailTokenRepository,
  type NewEmailToken,
} from './email-token-repository.js';
export {
  EMPLOYER_ROLES,
  type Employee,
  type EmployeeRepository,
  type EmployeeStatus,
  type Employer,
  type EmployerMember,
  type EmployerRepository,
  type EmployerRole,
  type EmployerRoleRepository,
  employeeStatus,
  type NewEmployer,
  type SavedRole,
  type SavedRoleInput,
  type SavedRoleSkill,
} from './employer-repository.js';
export type { Endorsement, EndorsementRepository, NewEndorsement } from './endorsement-repository.js';
export {
  ENDORSEMENT_REQUEST_STATES,
  type EndorsementRequest,
  type EndorsementRequestRepository,
  type EndorsementRequestState,
  type EndorsementRequestTargets,
  type NewEndorsementRequest,
} from './endorsement-request-repository.js';
export type {
  ImportedCredential,
  ImportedCredentialRepository,
  NewImportedCredential,
} from './imported-credential-repository.js';
export type { IssuerKey, IssuerKeyRepository, NewIssuerKey } from './issuer-key-repository.js';
export {
  ISSUER_KINDS,
  type Issuer,
  type IssuerAddress,
  type IssuerKind,
  type IssuerPatch,
  type IssuerRepository,
  type NewIssuer,
} from './issuer-repository.js';
export { type JobQueue, QUEUED_JOB_STATES, type QueuedJob, type QueuedJobState } from './job-queue.js';
export type { KeyStore } from './key-store.js';
export type { LogWitnessAnswer, LogWitnessSender } from './log-witness-sender.js';
export type { MailOutbox, NewMail, OutboxMail } from './mail-outbox.js';
export type { MailTransport } from './mail-transport.js';
export type {
  ExpiringCredential,
  NotificationKind,
  NotificationRepository,
  PathwayFollower,
} from './notification-repository.js';
export {
  isNotificationKind,
  NOTIFICATION_DEFAULTS,
  NOTIFICATION_KINDS,
} from './notification-repository.js';
export {
  type ConnectedApp,
  OB_API_TOKEN_KINDS,
  type ObApiClient,
  type ObApiGrant,
  type ObApiRepository,
  type ObApiToken,
  type ObApiTokenKind,
  type ObApiTokenWithGrant,
} from './ob-api-repository.js';
export type {
  ObBackpackConnection,
  ObBackpackConnectionRepository,
} from './ob-backpack-connection-repository.js';
export type { ObHostAnswer, ObHostTransport } from './ob-host-transport.js';
export {
  isOutcome,
  isOutcomeWave,
  OUTCOME_WAVES,
  OUTCOMES,
  type Outcome,
  type OutcomeCounts,
  type OutcomeRepository,
  type OutcomeSurvey,
  type OutcomeWave,
  type SurveyCandidate,
} from './outcome-repository.js';
export type { Partnership, PartnershipRepository } from './partnership-repository.js';
export {
  type NewPathwayAward,
  PATHWAY_AWARD_STATES,
  type PathwayAward,
  type PathwayAwardState,
  type PathwayEarnerRepository,
  type PathwayEnrollment,
} from './pathway-earner-repository.js';
export type { PathwayFollowRepository } from './pathway-follow-repository.js';
export {
  type NewPathwayVersion,
  PATHWAY_STATUSES,
  type Pathway,
  type PathwayRepository,
  type PathwayStatus,
  type PathwayVersion,
  type PathwayWithVersion,
} from './pathway-repository.js';
export { type IssuedVia, NO_METRICS, type PlatformMetrics } from './platform-metrics.js';
export {
  CREDENTIAL_CHOICES,
  type CredentialChoice,
  type CredentialChoiceRecord,
  type PortfolioRepository,
} from './portfolio-repository.js';
export type { RateLimitStore } from './rate-limit-store.js';
export type {
  NewSharedVerification,
  SharedVerification,
  SharedVerificationRepository,
} from './shared-verification-repository.js';
export {
  CONCEPT_KINDS,
  type ConceptKind,
  type Occupation,
  type OccupationSkill,
  SKILL_RELATIONS,
  type SkillConcept,
  type SkillRelation,
  type SkillRepository,
  type SkillsFramework,
  type SkillsFrameworkData,
} from './skill-repository.js';
export {
  STATUS_PURPOSES,
  type StatusAllocation,
  type StatusList,
  type StatusListHead,
  type StatusListRepository,
  type StatusPurpose,
} from './status-list-repository.js';
export type { Repositories, Storage } from './storage.js';
export type {
  NewTalentConsent,
  TalentAudience,
  TalentConsent,
  TalentEvidence,
  TalentMatch,
  TalentPage,
  TalentProof,
  TalentQuery,
  TalentRepository,
  WeightedSkill,
} from './talent-repository.js';
export type {
  LogEntryKind,
  LogLeaf,
  LogTreeState,
  NewLogEntry,
  SealedLogKey,
  StoredCheckpoint,
  TransparencyLogRepository,
  UnloggedCredential,
} from './transparency-log-repository.js';
export {
  MEMBERSHIP_ROLES,
  type Membership,
  type MembershipRole,
  type NewUser,
  type User,
  type UserRepository,
} from './user-repository.js';
export {
  type ClaimedVerificationItem,
  type NewVerificationItem,
  VERIFICATION_ITEM_STATES,
  VERIFICATION_JOB_STATES,
  type VerificationItemState,
  type VerificationJob,
  type VerificationJobRepository,
  type VerificationJobState,
} from './verification-job-repository.js';
export { VISIBILITIES, type Visibility } from './visibility.js';
export type {
  NewWalletOffer,
  WalletCopy,
  WalletExchange,
  WalletOffer,
  WalletRepository,
} from './wallet-repository.js';
