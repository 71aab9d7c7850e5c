export { createBitstring, getStatus, MINIMUM_STATUS_LIST_ENTRIES, setStatus } from './bitstring.js';
export {
  type BitstringStatusList,
  type BitstringStatusListCredential,
  buildBitstringStatusListCredential,
} from './build-bitstring-status-list-credential.js';
export {
  type BitstringStatusListEntry,
  buildBitstringStatusListEntry,
} from './build-bitstring-status-list-entry.js';
export { DEFAULT_MAX_DECOMPRESSED_BYTES, decodeStatusList } from './decode-status-list.js';
export { encodeStatusList } from './encode-status-list.js';
export { type BitstringStatusResult, evaluateBitstringStatus } from './evaluate-bitstring-status.js';
export { evaluateRevocationList, type RevocationListResult } from './evaluate-revocation-list.js';
export type { StatusMessage } from './status-message.js';
