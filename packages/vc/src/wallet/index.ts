export { checkDidAuthPresentation, type DidAuthResult } from './check-did-auth.js';
export {
  checkProofJwt,
  PROOF_JWT_TYPE,
  type ProofJwtFailure,
  type ProofJwtSuccess,
} from './check-proof-jwt.js';
export {
  buildCredentialOffer,
  CREDENTIAL_OFFER_SCHEME,
  credentialOfferByReference,
  PRE_AUTHORIZED_CODE_GRANT,
  type TxCodeDescription,
} from './credential-offer.js';
