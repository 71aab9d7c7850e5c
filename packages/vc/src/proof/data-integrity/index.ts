export {
  type AddDataIntegrityProofOptions,
  addDataIntegrityProof,
  proofsOf,
  unsecuredDocumentFor,
} from './add-data-integrity-proof.js';
export {
  type Cryptosuite,
  type CryptosuiteName,
  getCryptosuite,
  SIGNING_CRYPTOSUITES,
  type SigningCryptosuite,
  selectCryptosuite,
  type TransformContext,
  type VerifyData,
} from './cryptosuite.js';
export {
  type ProofVerification,
  type VerifyDataIntegrityProofOptions,
  verifyDataIntegrityProof,
} from './verify-data-integrity-proof.js';
export { isDateTimeStamp, isXsdDateTime, toXsdDateTime } from './xsd-date-time.js';
