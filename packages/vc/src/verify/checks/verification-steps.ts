import type { CredentialStep, InputStep } from '../verification-context.js';
import { checkContext } from './check-context.js';
import { checkEmbeddedCredentials } from './check-embedded-credentials.js';
import { checkIssuer } from './check-issuer.js';
import { checkIssuerTrust } from './check-issuer-trust.js';
import { checkJwt } from './check-jwt.js';
import { checkOb2 } from './check-ob2.js';
import { checkParse } from './check-parse.js';
import { checkProof } from './check-proof.js';
import { checkSchema } from './check-schema.js';
import { checkStatus } from './check-status.js';
import { checkSubject } from './check-subject.js';
import { checkTransparencyLog } from './check-transparency-log.js';
import { checkType } from './check-type.js';
import { checkValidityDates } from './check-validity-dates.js';
import { checkWellFormedJsonLd } from './check-well-formed-json-ld.js';

/**
 * The pipeline, in the order of the report's checks (OB 3.0 §Verification). `input` steps find the credential; once one is found,
 * the `credential` steps judge it. A new check is one file and one line here.
 */
export const verificationSteps: {
  readonly input: readonly InputStep[];
  readonly credential: readonly CredentialStep[];
} = {
  // OB 2.0 assertions leave the pipeline at checkOb2, with the same check ids (OB 2.0 §Verification).
  input: [checkParse, checkOb2, checkJwt],
  credential: [
    checkContext,
    checkType,
    checkSchema,
    checkSubject,
    // Before the proof: a key revoked after a witnessed checkpoint holding the credential still verifies it.
    checkTransparencyLog,
    // Proof first: what verified is read by the JSON-LD check (what is left to expand), check-issuer (the
    // key's controller) and check-status (a list signed with the same key is the issuer's).
    checkProof,
    checkWellFormedJsonLd,
    checkIssuer,
    checkIssuerTrust,
    checkValidityDates,
    checkStatus,
    checkEmbeddedCredentials,
  ],
};
