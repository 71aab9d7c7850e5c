export { checkOb2Assertion, type Ob2Outcome, type Ob2Source } from './check-ob2-assertion.js';
export { badgeClassOriginProblem, hostedAssertionOriginProblem } from './issuer-origin-policy.js';
export { isHostedAssertionUrl, isOb2Assertion, isOb2Jws, OB2_CONTEXTS } from './ob2-assertion.js';
export { OB2_RECIPIENT_TYPES, recipientIdentityProblem, recipientMatches } from './recipient-identity.js';
export { ob2ReportOf, type VerifyOb2Options, verifyOb2Assertion } from './verify-ob2-assertion.js';
