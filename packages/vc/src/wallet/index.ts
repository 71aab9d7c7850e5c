export {
  checkProofJwt,
  PROOF_JWT_TYPE,
  type ProofJwtFailure,
  type ProofJwtSuccess,
} from './check-proof-jwt.js';
