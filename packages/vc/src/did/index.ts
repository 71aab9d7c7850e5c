export { didJwkDocument, didJwkFromPublicKey, type Ed25519PublicJwk, parseDidJwk } from './did-jwk.js';
export {
  DID_CONTEXT,
  type DidDocument,
  didKeyDocument,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  MULTIKEY_CONTEXT,
  parseDidKey,
  type VerificationMethodDocument,
} from './did-key.js';
export { buildDidWebDocument, type DidWebKey, didWebFromUrl, didWebToUrl } from './did-web.js';
export {
  assertEd25519PublicKey,
  ED25519_KEY_LENGTH,
  ED25519_SMALL_ORDER_POINTS,
  type Ed25519RawKeyPair,
  ed25519SignatureProblem,
  generateEd25519KeyPair,
  importEd25519PublicKey,
  importEd25519SecretKey,
  signEd25519,
  verifyEd25519,
} from './ed25519.js';
export {
  decodeMultikeyPublic,
  decodeMultikeySecret,
  encodeMultikeyPublic,
  encodeMultikeySecret,
} from './multikey.js';
export { type FragmentMultikey, parseFragmentMultikey } from './parse-fragment-multikey.js';
export {
  findVerificationMethod,
  keyFromControllerDocument,
  type ResolvedVerificationMethod,
  type ResolveOptions,
  resolveDidDocument,
  resolveVerificationMethod,
} from './resolve-verification-method.js';
export {
  createEd25519SigningKey,
  type MultikeyDocument,
  type SigningKey,
  signingKeyFromMultikey,
  toMultikeyDocument,
} from './signing-key.js';
