import { CREDENTIALS_V1_CONTEXT } from '../../contexts/index.js';
import { ErrorCode } from '../../error/index.js';
import type { CredentialStep } from '../verification-context.js';
import { CheckId } from '../verification-report.js';
import { asArray } from './as-array.js';
import { failed, passed } from './check-outcome.js';

/** The base context (VC 2.0 §4.3): 2.0, or 1.1 for legacy credentials, which are verified but never issued. */
export const checkContext: CredentialStep = ({ credential, isV2 }) => {
  if (!isV2 && asArray(credential['@context'])[0] !== CREDENTIALS_V1_CONTEXT) {
    return {
      checks: [
        failed(
          CheckId.CONTEXT,
          ErrorCode.PARSING_ERROR,
          'the first @context must be https://www.w3.org/ns/credentials/v2 (or the VC 1.1 context)',
        ),
      ],
      stop: true,
    };
  }
  return {
    checks: [
      passed(
        CheckId.CONTEXT,
        isV2 ? 'VC Data Model 2.0 contexts' : 'VC Data Model 1.1 contexts (legacy, verify only)',
      ),
    ],
  };
};
