export * from './bake/index.js';
export * from './canon/index.js';
export * from './contexts/index.js';
export * from './credential/index.js';
export * from './did/index.js';
export * from './encoding/index.js';
export * from './error/index.js';
export * from './json/index.js';
export * from './ob2/index.js';
export * from './proof/data-integrity/index.js';
export * from './proof/jwt/index.js';
export * from './resource/index.js';
// The credential model already exports the zod-derived BitstringStatusListEntry type.
export {
  type BitstringStatusList,
  type BitstringStatusListCredential,
  type BitstringStatusResult,
  buildBitstringStatusListCredential,
  buildBitstringStatusListEntry,
  createBitstring,
  DEFAULT_MAX_DECOMPRESSED_BYTES,
  decodeStatusList,
  encodeStatusList,
  evaluateBitstringStatus,
  evaluateRevocationList,
  getStatus,
  MINIMUM_STATUS_LIST_ENTRIES,
  type RevocationListResult,
  type StatusMessage,
  setStatus,
} from './status/index.js';
export * from './tlog/index.js';
export * from './trust/index.js';
export * from './verify/index.js';
export * from './wallet/index.js';
