import {
  isOb2Assertion,
  matchRecipient,
  type RecipientMatch,
  recipientCheckOf,
  recipientMatches,
  type VerificationReport,
} from '@microcred/vc';

/**
 * The one place OB 2.0 assertions are matched: `recipientMatches` of `vc/ob2` (salted hash or plain,
 * per OB 2.0 §IdentityObject). An assertion with no `recipient` names nobody.
 */
function matchOb2Recipient(assertion: Readonly<Record<string, unknown>>, email: string): RecipientMatch {
  if (assertion.recipient === undefined) return 'unstated';
  return recipientMatches(assertion, email) ? 'match' : 'mismatch';
}

/**
 * `report` with a `recipient` check appended: was the credential issued to `email`? A mismatch makes the
 * report not verified (the credential is genuine, but not this person's); a credential that names nobody
 * gets a warning, which does not change `verified`. A report of input that could not be read as a
 * credential is returned as it is: there is nothing to match.
 */
export function withRecipientCheck(report: VerificationReport, email: string): VerificationReport {
  const credential = report.credential;
  if (credential === undefined) return report;
  const outcome: RecipientMatch = isOb2Assertion(credential)
    ? matchOb2Recipient(credential, email)
    : matchRecipient(credential, email);
  const check = recipientCheckOf(outcome);
  return { ...report, verified: report.verified && check.ok, checks: [...report.checks, check] };
}
