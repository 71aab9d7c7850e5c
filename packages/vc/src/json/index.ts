export { isRecord, type JsonObject } from './json-object.js';
