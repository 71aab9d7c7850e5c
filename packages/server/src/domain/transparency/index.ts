export { type IntegratedLog, type IntegrateLogOptions, integrateLog } from './integrate-log.js';
export {
  credentialLogEntry,
  type IssuerKeyEventType,
  issuerKeyLogEntry,
  logIssuedCredentials,
} from './log-entries.js';
export {
  createLogSigner,
  createLogVerifierKey,
  LOG_KEY_ID,
  type LogSigner,
  logOrigin,
} from './log-signer.js';
export {
  type CredentialLogProof,
  credentialLogPosition,
  credentialLogProof,
  type Integrate,
  type LogTile,
  latestCheckpoint,
  readLogTile,
} from './read-log.js';
export {
  type LogWitness,
  type LogWitnessing,
  type WitnessedLog,
  type WitnessFailure,
  witnessedCoverage,
  witnessLog,
} from './witness-log.js';
