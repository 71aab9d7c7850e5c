import { ErrorCode } from '../../error/index.js';
import type { CredentialStep } from '../verification-context.js';
import { CheckId } from '../verification-report.js';
import { failed, passed } from './check-outcome.js';

/**
 * Key provenance: the controller of the key that verified must be the issuer (OB implementation guide;
 * ADVERSARIAL V15). Nothing to say when no key verified: the proof or JWT checks already failed.
 */
export const checkIssuer: CredentialStep = ({ issuerId, controller, unconfirmedKey }) => {
  if (issuerId === undefined) {
    return {
      checks: [failed(CheckId.ISSUER, ErrorCode.MALFORMED_VALUE_ERROR, 'the credential names no issuer')],
    };
  }
  if (unconfirmedKey !== undefined && controller === issuerId) {
    // Peer-suite policy (README "Verification policies"): 1EdTech compatibility mode only.
    return {
      checks: [
        passed(CheckId.ISSUER, `the issuer's control of this key was not confirmed: ${unconfirmedKey}`, true),
      ],
      learned: {
        unprovenAuthorship: `the issuer's control of the signing key was not confirmed: ${unconfirmedKey}`,
      },
    };
  }
  if (controller === undefined) return {};
  return {
    checks: [
      controller === issuerId
        ? passed(CheckId.ISSUER, `issued by ${issuerId}, which controls the signing key`)
        : failed(
            CheckId.ISSUER,
            ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
            `the signing key belongs to ${controller}, not to the issuer ${issuerId}`,
          ),
    ],
  };
};
