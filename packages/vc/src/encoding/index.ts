export {
  decodeBase58btc,
  decodeBase64url,
  decodeMultibase,
  encodeBase58btc,
  encodeBase64urlMultibase,
} from './multibase.js';
