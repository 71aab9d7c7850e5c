import { ErrorCode } from '../../error/index.js';
import { isRecord, type JsonObject } from '../../json/index.js';
import type { CredentialInput } from '../parse-credential-input.js';
import type { CredentialStep, NestedReport } from '../verification-context.js';
import { CheckId, type VerificationCheck, type VerificationReport } from '../verification-report.js';
import { asArray } from './as-array.js';
import { failed, passed } from './check-outcome.js';

const MAX_NESTING = 3;
const DATE_CHECKS = new Set<string>([CheckId.VALID_FROM, CheckId.VALID_UNTIL]);

/** True when a report failed only on its validity dates (an expired or not-yet-valid credential). */
function failedOnlyOnDates(report: VerificationReport): boolean {
  const failures = report.checks.filter((check) => !check.ok);
  return failures.length > 0 && failures.every((check) => DATE_CHECKS.has(check.id));
}

// Names come from documents anyone can write: kept short, so that a report stays readable.
const MAX_NAME = 100;

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.slice(0, MAX_NAME);
  if (!isRecord(value)) return null;
  const name = typeof value.name === 'string' && value.name.trim() !== '' ? value.name : value.id;
  return typeof name === 'string' ? name.slice(0, MAX_NAME) : null;
}

/**
 * Who endorses what, for the report: the endorser as the endorsement names its issuer (a name is a claim;
 * the endorsement's own checks say whether its key is that issuer's), and what the endorsement sits on
 * (`issuer.` endorses the credential's issuer, `…achievement.` its achievement, none the credential).
 */
function describeEndorsement(credential: JsonObject, item: NestedReport): string {
  const endorsement = item.report.credential;
  const endorser = nameOf(endorsement?.issuer) ?? 'an unnamed endorser';
  if (item.path.startsWith('issuer.')) {
    return `${endorser} endorses the issuer ${nameOf(credential.issuer) ?? ''}`.trimEnd();
  }
  const subject = /^credentialSubject\[(\d+)\]\.achievement\./.exec(item.path);
  if (subject?.[1] !== undefined) {
    const owner = asArray(credential.credentialSubject)[Number(subject[1])];
    const achievement = isRecord(owner) ? nameOf(owner.achievement) : null;
    return `${endorser} endorses the achievement ${achievement ?? ''}`.trimEnd();
  }
  return `${endorser} endorses the credential`;
}

/**
 * Every CLR-nested credential must verify. An endorsement is another issuer's claim about this issuer or
 * achievement: a forged or unverifiable one fails the credential (it carries content nobody vouches
 * for), but one outside its own validity period only lapsed, which does not make this credential any
 * less authentic: a warning (peer-suite policy, README "Verification policies"). Endorsements are named
 * by who endorses what, so that a failure says whose word does not hold.
 */
function embeddedCheck(
  credential: JsonObject,
  id: string,
  items: readonly NestedReport[],
): VerificationCheck {
  const endorsements = id === CheckId.ENDORSEMENTS;
  const label = (item: NestedReport) =>
    endorsements ? `${item.path} [${describeEndorsement(credential, item)}]` : item.path;
  const bad = items.filter((item) => !item.report.verified);
  const broken = endorsements ? bad.filter((item) => !failedOnlyOnDates(item.report)) : bad;
  if (broken.length > 0) {
    const reasons = broken.map((item) => {
      const reason = item.report.checks.find((check) => !check.ok);
      return `${label(item)}${reason === undefined ? '' : ` (${reason.id}: ${reason.message.slice(0, 200)})`}`;
    });
    return failed(
      id,
      ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
      `${broken.length} of ${items.length} embedded credential(s) failed: ${reasons.join(', ')}`,
    );
  }
  if (bad.length > 0) {
    return passed(
      id,
      `${bad.length} of ${items.length} endorsement(s) are outside their validity period (${bad.map(label).join(', ')}); the rest verified`,
      true,
    );
  }
  const who = endorsements
    ? `: ${items.map((item) => describeEndorsement(credential, item)).join('; ')}`
    : '';
  return passed(id, `${items.length} embedded credential(s) verified${who}`);
}

function embeddedKind(path: string): string {
  return path.includes('verifiableCredential') ? CheckId.NESTED_CREDENTIALS : CheckId.ENDORSEMENTS;
}

/** Embedded endorsements (credential, issuer, achievement) and, for a CLR, its nested credentials. */
function embeddedCredentials(
  credential: JsonObject,
  isClr: boolean,
): { path: string; value: CredentialInput }[] {
  const found: { path: string; value: CredentialInput }[] = [];
  const collect = (owner: unknown, path: string) => {
    if (!isRecord(owner)) return;
    asArray(owner.endorsement).forEach((value, index) => {
      if (isRecord(value)) found.push({ path: `${path}endorsement[${index}]`, value });
    });
    asArray(owner.endorsementJwt).forEach((value, index) => {
      if (typeof value === 'string') found.push({ path: `${path}endorsementJwt[${index}]`, value });
    });
  };
  collect(credential, '');
  collect(credential.issuer, 'issuer.');
  asArray(credential.credentialSubject).forEach((subject, subjectIndex) => {
    if (!isRecord(subject)) return;
    collect(subject.achievement, `credentialSubject[${subjectIndex}].achievement.`);
    if (isClr) {
      asArray(subject.verifiableCredential).forEach((value, index) => {
        if (isRecord(value) || typeof value === 'string') {
          found.push({ path: `credentialSubject[${subjectIndex}].verifiableCredential[${index}]`, value });
        }
      });
    }
  });
  return found;
}

/**
 * Embedded endorsements and a CLR's nested credentials, each verified by the whole pipeline one level
 * down (at most {@link MAX_NESTING} levels), summed up as `endorsements` and `nested-credentials`.
 */
export const checkEmbeddedCredentials: CredentialStep = async (context) => {
  const { credential, types, depth, options } = context;
  const embedded = embeddedCredentials(credential, types.includes('ClrCredential'));
  if (embedded.length === 0) return {};
  if (depth >= MAX_NESTING) {
    return {
      checks: [
        failed(
          CheckId.ENDORSEMENTS,
          ErrorCode.RANGE_ERROR,
          `credentials nested deeper than ${MAX_NESTING} levels`,
        ),
      ],
    };
  }
  const nested: NestedReport[] = [];
  for (const item of embedded) {
    nested.push({ path: item.path, report: await context.verifyEmbedded(item.value, { ...options }) });
  }
  const unproven = nested.find((item) => item.report.authorship === 'unproven');
  const checks: VerificationCheck[] = [];
  for (const id of [CheckId.ENDORSEMENTS, CheckId.NESTED_CREDENTIALS]) {
    const mine = nested.filter((item) => embeddedKind(item.path) === id);
    if (mine.length > 0) checks.push(embeddedCheck(credential, id, mine));
  }
  return {
    checks,
    learned: {
      nested,
      ...(unproven === undefined
        ? {}
        : {
            unprovenAuthorship: `${unproven.path}: ${unproven.report.authorshipReason ?? 'authorship unproven'}`,
          }),
    },
  };
};
