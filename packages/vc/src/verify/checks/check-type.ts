import { ErrorCode } from '../../error/index.js';
import type { CredentialStep } from '../verification-context.js';
import { CheckId } from '../verification-report.js';
import { failed, passed } from './check-outcome.js';

/**
 * `type` includes VerifiableCredential (VC 2.0 §4.5). Any other VC is verified too, as a VC, with an
 * `open-badge` warning saying it is not a badge (nor a CLR or an endorsement).
 */
export const checkType: CredentialStep = ({ types, isOpenBadge }) => {
  if (!types.includes('VerifiableCredential')) {
    return {
      checks: [
        failed(CheckId.TYPE, ErrorCode.MALFORMED_VALUE_ERROR, 'type must include VerifiableCredential'),
      ],
      stop: true,
    };
  }
  const named = types.filter((type) => type !== 'VerifiableCredential').join(', ');
  const checks = [passed(CheckId.TYPE, `type ${named || 'VerifiableCredential'}`)];
  if (!isOpenBadge && !types.includes('ClrCredential') && !types.includes('EndorsementCredential')) {
    checks.push(
      passed(CheckId.OPEN_BADGE, 'verified as a W3C Verifiable Credential: it is not an Open Badge', true),
    );
  }
  return { checks };
};
