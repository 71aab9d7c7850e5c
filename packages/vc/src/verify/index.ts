export { checkCredentialStatus, type StatusPolicy } from './check-credential-status.js';
export { type CheckJsonLdOptions, checkJsonLd } from './check-json-ld.js';
export {
  type CredentialInput,
  DEFAULT_MAX_INPUT_BYTES,
  parseCredentialInput,
} from './parse-credential-input.js';
export { type ResolveIssuerKeyOptions, resolveIssuerKey, type VerifierCompat } from './resolve-issuer-key.js';
export {
  CheckId,
  type InputFormat,
  problemTypeOf,
  type VerificationCheck,
  type VerificationReport,
} from './verification-report.js';
export {
  issuerIdOf,
  type StatusCheckOptions,
  type VerifierComponents,
  type VerifyCredentialOptions,
  verifyCredentialWith,
} from './verify-credential.js';
export { type VerifyOptions, verifyCredential } from './verify-credential-default.js';
