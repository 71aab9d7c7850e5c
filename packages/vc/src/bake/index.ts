export { bakePng } from './bake-png.js';
export { bakeSvg } from './bake-svg.js';
export {
  CLR_PNG_KEYWORD,
  CLR_SVG_NAMESPACE,
  type CredentialKind,
  type CredentialPngKeyword,
  type CredentialSvgNamespace,
  OB_PNG_KEYWORD,
  OB_SVG_NAMESPACE,
} from './credential-kinds.js';
export { type UnbakedCredential, unbake } from './unbake.js';
export { type UnbakedPng, unbakePng } from './unbake-png.js';
export { type UnbakedSvg, unbakeSvg } from './unbake-svg.js';
