export { assertIJsonValue } from './assert-i-json-value.js';
export {
  decodeBase58btc,
  decodeBase64url,
  decodeMultibase,
  encodeBase58btc,
  encodeBase64urlMultibase,
} from './multibase.js';
export { DEFAULT_MAX_JSON_DEPTH, type ParseIJsonOptions, parseIJson } from './parse-i-json.js';
