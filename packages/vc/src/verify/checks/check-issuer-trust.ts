import { isRecord } from '../../json/index.js';
import type { CredentialStep } from '../verification-context.js';
import {
  CheckId,
  type IssuerTrust,
  type IssuerTrustResolver,
  type VerificationCheck,
} from '../verification-report.js';
import { passed } from './check-outcome.js';

/** What the `issuer-trust` step concluded: the check for the report and the trust it states. */
export interface IssuerTrustAssessment {
  readonly check: VerificationCheck;
  readonly trust: IssuerTrust;
}

const UNKNOWN: IssuerTrust = { level: 'unknown' };

/** The plain sentence a report carries for `trust` (what the pages and the CLI show). */
export function issuerTrustMessage(trust: IssuerTrust): string {
  switch (trust.level) {
    case 'vetted':
      return `vetted by ${trust.registry ?? 'a trusted registry'} as ${trust.name ?? 'a listed issuer'}`;
    case 'domain-linked':
      return `linked to the domain ${trust.domain ?? ''}`.trimEnd();
    default:
      return 'not listed by any registry this verifier trusts';
  }
}

/**
 * The `issuer-trust` check for any verifier (OB 3.0 pipeline, OB 2.0). Trust is asserted only when the
 * issuer proved it signed the credential: the issuer id of a forged credential is whatever its author
 * chose, so naming a vetted issuer's DID must not borrow that issuer's standing. Unknown is a warning,
 * never a failure of `verified`; a resolver that fails (a registry or domain unreachable) leaves the
 * issuer unknown rather than failing the credential.
 */
export async function assessIssuerTrust(options: {
  readonly issuerId: string | undefined;
  readonly profile?: Readonly<Record<string, unknown>>;
  /** Whether the issuer's control of the key that verified is established. */
  readonly authorshipProven: boolean;
  readonly resolve: IssuerTrustResolver;
}): Promise<IssuerTrustAssessment> {
  const { issuerId, profile, authorshipProven, resolve } = options;
  if (issuerId === undefined || !authorshipProven) {
    return {
      trust: UNKNOWN,
      check: passed(
        CheckId.ISSUER_TRUST,
        'not assessed: the credential does not prove it comes from the issuer it names, so no registry vouches for it',
        true,
      ),
    };
  }
  let trust: IssuerTrust;
  try {
    trust = await resolve({ id: issuerId, ...(profile === undefined ? {} : { profile }) });
  } catch (error) {
    return {
      trust: UNKNOWN,
      check: passed(
        CheckId.ISSUER_TRUST,
        `${issuerTrustMessage(UNKNOWN)} (a trust source could not be consulted: ${error instanceof Error ? error.message : String(error)})`,
        true,
      ),
    };
  }
  return { trust, check: passed(CheckId.ISSUER_TRUST, issuerTrustMessage(trust), trust.level === 'unknown') };
}

/** Checks whose failure means the credential's authorship is not proven. */
const AUTHORSHIP_CHECKS = new Set<string>([CheckId.JWT, CheckId.PROOF, CheckId.ISSUER]);

/**
 * What the verifier's trust sources say of the issuer, when it was given any (`options.issuerTrust`). Runs
 * for the credential handed to the verifier only, not for its endorsements or status lists.
 */
export const checkIssuerTrust: CredentialStep = async (context) => {
  const resolve = context.options.issuerTrust;
  if (resolve === undefined || context.depth > 0) return {};
  const { issuerId, controller, unprovenAuthorship, checks, credential } = context;
  const authorshipProven =
    issuerId !== undefined &&
    controller === issuerId &&
    unprovenAuthorship === undefined &&
    checks.every((check) => check.ok || !AUTHORSHIP_CHECKS.has(check.id));
  const profile = isRecord(credential.issuer) ? credential.issuer : undefined;
  const { check, trust } = await assessIssuerTrust({
    issuerId,
    ...(profile === undefined ? {} : { profile }),
    authorshipProven,
    resolve,
  });
  return { checks: [check], learned: { issuerTrust: trust } };
};
