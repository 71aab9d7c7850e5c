export {
  ErrorCode,
  isMicrocredError,
  MicrocredError,
  type MicrocredErrorOptions,
} from './microcred-error.js';
