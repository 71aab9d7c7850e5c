import { checkOb2Assertion, type Ob2Source } from '../../ob2/check-ob2-assertion.js';
import { isOb2Assertion, isOb2Jws } from '../../ob2/ob2-assertion.js';
import type { ParsedInput } from '../parse-credential-input.js';
import type { InputStep } from '../verification-context.js';
import { CheckId, type IssuerTrust, type VerificationCheck } from '../verification-report.js';
import { assessIssuerTrust } from './check-issuer-trust.js';

function ob2SourceOf(parsed: ParsedInput | undefined): Ob2Source | undefined {
  if (parsed?.hostedUrl !== undefined) return { kind: 'url', url: parsed.hostedUrl };
  if (parsed?.document !== undefined && isOb2Assertion(parsed.document))
    return { kind: 'hosted', assertion: parsed.document };
  if (parsed?.jwt !== undefined && isOb2Jws(parsed.jwt)) return { kind: 'signed', jws: parsed.jwt };
  return undefined;
}

/**
 * An Open Badges 2.0 assertion (hosted JSON, its baked URL, or a signed JWS) is judged by the OB 2.0
 * verifier, whose checks carry the same ids as the OB 3.0 steps; nothing after this step applies to it.
 */
export const checkOb2: InputStep = async ({ parsed, fetcher, now, options, depth }) => {
  const source = ob2SourceOf(parsed);
  if (source === undefined) return {};
  const outcome = await checkOb2Assertion(source, { fetcher, now });
  const checks: VerificationCheck[] = [...outcome.checks];
  let issuerTrust: IssuerTrust | undefined;
  if (options.issuerTrust !== undefined && depth === 0) {
    // The issuer is the profile the badge class names; it is proven only when the hosted copy or the
    // signature and the issuer chain all held.
    const badge = outcome.credential?.badge;
    const profile =
      typeof badge === 'object' && badge !== null && !Array.isArray(badge)
        ? (badge as Record<string, unknown>).issuer
        : undefined;
    const issuerProfile =
      typeof profile === 'object' && profile !== null && !Array.isArray(profile)
        ? (profile as Record<string, unknown>)
        : undefined;
    const issuerId = typeof issuerProfile?.id === 'string' ? issuerProfile.id : undefined;
    const authorshipProven = outcome.checks.every(
      (check) => check.ok || (check.id !== CheckId.PROOF && check.id !== CheckId.ISSUER),
    );
    const assessment = await assessIssuerTrust({
      issuerId,
      ...(issuerProfile === undefined ? {} : { profile: issuerProfile }),
      authorshipProven,
      resolve: options.issuerTrust,
    });
    checks.push(assessment.check);
    issuerTrust = assessment.trust;
  }
  return {
    checks,
    learned: {
      ...(outcome.credential === undefined ? {} : { credential: outcome.credential }),
      ...(issuerTrust === undefined ? {} : { issuerTrust }),
    },
    stop: true,
  };
};
