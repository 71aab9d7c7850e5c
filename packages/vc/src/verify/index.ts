export { checkCredentialStatus, type StatusPolicy } from './check-credential-status.js';
export { type CheckJsonLdOptions, checkJsonLd } from './check-json-ld.js';
export {
  assessIssuerTrust,
  type IssuerTrustAssessment,
  issuerTrustMessage,
} from './checks/check-issuer-trust.js';
export {
  type CredentialInput,
  DEFAULT_MAX_INPUT_BYTES,
  parseCredentialInput,
} from './parse-credential-input.js';
export {
  matchRecipient,
  normalizeRecipientEmail,
  type RecipientMatch,
  recipientCheckOf,
} from './recipient-match.js';
export { type ResolveIssuerKeyOptions, resolveIssuerKey, type VerifierCompat } from './resolve-issuer-key.js';
export {
  CheckId,
  type InputFormat,
  type IssuerTrust,
  type IssuerTrustResolver,
  problemTypeOf,
  VERIFIER_CHECK_IDS,
  type VerificationCheck,
  type VerificationReport,
} from './verification-report.js';
export {
  issuerIdOf,
  type StatusCheckOptions,
  type TransparencyLogOptions,
  type VerifierComponents,
  type VerifyCredentialOptions,
  verifyCredentialWith,
} from './verify-credential.js';
export { type VerifyOptions, verifyCredential } from './verify-credential-default.js';
export {
  credentialLogEntry,
  type VerifiedLogProof,
  type VerifyLogProofOptions,
  verifyLogProof,
} from './verify-log-proof.js';
