import { isRecord } from '../../json/index.js';
import type { CredentialStep } from '../verification-context.js';
import { CheckId } from '../verification-report.js';
import { asArray } from './as-array.js';
import { passed } from './check-outcome.js';

/**
 * An Open Badge says who earned it: OB 3.0 AchievementSubject requires an id or an identifier. As with the
 * schema, a missing one is a conformance warning (DCC's wallet-issued badges omit it), not a failure.
 */
export const checkSubject: CredentialStep = ({ credential, isOpenBadge }) => {
  if (!isOpenBadge) return {};
  const subjects = asArray(credential.credentialSubject).filter(isRecord);
  const identified =
    subjects.length > 0 &&
    subjects.every((subject) => typeof subject.id === 'string' || asArray(subject.identifier).length > 0);
  return {
    checks: [
      identified
        ? passed(CheckId.SUBJECT, 'the subject is identified (id or identifier)')
        : passed(
            CheckId.SUBJECT,
            'credentialSubject has neither an id nor an identifier (OB 3.0 requires one): it does not say who earned it',
            true,
          ),
    ],
  };
};
