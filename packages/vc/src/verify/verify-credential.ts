import type { Canonizer } from '../canon/index.js';
import {
  bundledDocumentLoader,
  CREDENTIALS_V1_CONTEXT,
  CREDENTIALS_V2_CONTEXT,
  type DocumentLoader,
} from '../contexts/index.js';
import type { ResolvedVerificationMethod } from '../did/index.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import { proofsOf, verifyDataIntegrityProof } from '../proof/data-integrity/index.js';
import { isDateTimeStamp, isXsdDateTime } from '../proof/data-integrity/xsd-date-time.js';
import { type ResourceFetcher, refuseAllFetcher } from '../resource/index.js';
import { checkJsonLd } from './check-json-ld.js';
import { type CredentialInput, parseCredentialInput, type Unbaker } from './parse-credential-input.js';
import { resolveIssuerKey, type VerifierCompat } from './resolve-issuer-key.js';
import { CheckId, type VerificationCheck, type VerificationReport } from './verification-report.js';

type JsonObject = Record<string, unknown>;

/** The pluggable parts of the pipeline that live in other modules of this package. */
export interface VerifierComponents {
  readonly unbake: Unbaker;
  readonly verifyJwt: (
    jws: string,
    options: { fetcher: ResourceFetcher; now: Date },
  ) => Promise<{
    verified: boolean;
    credential?: JsonObject;
    checks: readonly VerificationCheck[];
    controller?: string;
  }>;
  readonly validateSchema: (document: JsonObject) => {
    valid: boolean;
    errors: readonly { path: string; message: string }[];
  };
  readonly checkStatus: (options: StatusCheckOptions) => Promise<VerificationCheck[]>;
  readonly resolveKey?: (
    verificationMethod: string,
    fetcher: ResourceFetcher,
  ) => Promise<ResolvedVerificationMethod>;
}

export interface StatusCheckOptions {
  readonly credential: JsonObject;
  readonly fetcher: ResourceFetcher;
  readonly now: Date;
  /** The key whose proof verified the credential: a list signed with the same key is the issuer's too. */
  readonly credentialSigner?: VerificationReport['signer'];
  /** Verifies a fetched status list credential's own proof and dates (the same pipeline, no status). */
  readonly verifyListCredential: (list: JsonObject) => Promise<VerificationReport>;
}

export interface VerifyCredentialOptions {
  readonly fetcher?: ResourceFetcher;
  readonly now?: Date;
  readonly documentLoader?: DocumentLoader;
  readonly canonizer?: Canonizer;
  readonly maxInputBytes?: number;
  /** Skip the status step (used when verifying a status list credential itself). */
  readonly skipStatus?: boolean;
  /** Peer conventions accepted beyond the specifications (default `strict`); see {@link VerifierCompat}. */
  readonly compat?: VerifierCompat;
}

const OB_TYPES = new Set(['OpenBadgeCredential', 'AchievementCredential']);
const OB_SCHEMA_ID =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const MAX_NESTING = 3;
// Suites whose verification expands the unsecured document in JSON-LD safe mode (canonicalization).
const RDF_SUITES = new Set(['eddsa-rdfc-2022', 'eddsa-2022', 'Ed25519Signature2020']);
// A check that already says the document is not well-formed JSON-LD; no need to say it twice.
const JSON_LD_CODES = new Set<string>([ErrorCode.UNKNOWN_CONTEXT, ErrorCode.UNDEFINED_TERM]);
const DATE_CHECKS = new Set<string>([CheckId.VALID_FROM, CheckId.VALID_UNTIL]);

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function pass(id: string, message: string, warning = false): VerificationCheck {
  return warning ? { id, ok: true, message, warning } : { id, ok: true, message };
}

function failed(id: string, code: ErrorCode, message: string): VerificationCheck {
  return { id, ok: false, code, message };
}

function fromError(id: string, error: unknown): VerificationCheck {
  if (error instanceof MicrocredError) return failed(id, error.code, error.message);
  return failed(id, ErrorCode.INTERNAL, `unexpected failure: ${String(error)}`);
}

export function issuerIdOf(credential: JsonObject): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (isRecord(issuer) && typeof issuer.id === 'string') return issuer.id;
  return undefined;
}

/** Compaction-tolerant view for the canonical JSON Schema: OB §serialization lets verifiers accept both. */
function withCanonicalArrays(credential: JsonObject): JsonObject {
  const copy: JsonObject = { ...credential };
  for (const key of ['type', 'proof', 'credentialSchema', 'termsOfUse', 'evidence', 'endorsement'] as const) {
    if (copy[key] !== undefined && !Array.isArray(copy[key])) copy[key] = [copy[key]];
  }
  return copy;
}

/**
 * Verifies a credential given as JSON, a compact JWS, or a baked PNG/SVG, following OB 3.0 §Verification:
 * parse → contexts and types → JSON Schema → proof → issuer controls the key → validity dates → status →
 * endorsements (and, for a CLR, every nested credential). Never throws: every outcome is a named check.
 */
export async function verifyCredentialWith(
  components: VerifierComponents,
  input: CredentialInput,
  options: VerifyCredentialOptions = {},
  depth = 0,
): Promise<VerificationReport> {
  const checks: VerificationCheck[] = [];
  const fetcher = options.fetcher ?? refuseAllFetcher;
  const now = options.now ?? new Date();
  let signer: VerificationReport['signer'];
  const report = (
    credential?: JsonObject,
    format?: VerificationReport['format'],
    nested?: VerificationReport['nested'],
  ) => ({
    verified: checks.every((check) => check.ok),
    ...(format === undefined ? {} : { format }),
    checks,
    ...(credential === undefined ? {} : { credential }),
    ...(signer === undefined ? {} : { signer }),
    ...(nested === undefined || nested.length === 0 ? {} : { nested }),
  });

  let parsed: ReturnType<typeof parseCredentialInput>;
  try {
    parsed = parseCredentialInput(input, {
      unbake: components.unbake,
      ...(options.maxInputBytes === undefined ? {} : { maxInputBytes: options.maxInputBytes }),
    });
  } catch (error) {
    checks.push(fromError(CheckId.PARSE, error));
    return report();
  }
  checks.push(pass(CheckId.PARSE, `credential read from ${parsed.format.toUpperCase()}`));

  let credential = parsed.document;
  let jwtController: string | undefined;
  if (parsed.jwt !== undefined) {
    const jwt = await components.verifyJwt(parsed.jwt, { fetcher, now });
    checks.push(...jwt.checks);
    if (jwt.credential === undefined) return report(undefined, parsed.format);
    credential = jwt.credential;
    jwtController = jwt.controller;
  }
  if (credential === undefined) return report(undefined, parsed.format);

  // Contexts and types (VC 2.0 §4.3, §4.5; OB 3.0 AchievementCredential @context and type rules).
  const contexts = asArray(credential['@context']);
  const baseContext = contexts[0];
  const isV2 = baseContext === CREDENTIALS_V2_CONTEXT;
  if (!isV2 && baseContext !== CREDENTIALS_V1_CONTEXT) {
    checks.push(
      failed(
        CheckId.CONTEXT,
        ErrorCode.PARSING_ERROR,
        'the first @context must be https://www.w3.org/ns/credentials/v2 (or the VC 1.1 context)',
      ),
    );
    return report(credential, parsed.format);
  }
  checks.push(
    pass(
      CheckId.CONTEXT,
      isV2 ? 'VC Data Model 2.0 contexts' : 'VC Data Model 1.1 contexts (legacy, verify only)',
    ),
  );

  const types = asArray(credential.type);
  if (!types.includes('VerifiableCredential')) {
    checks.push(
      failed(CheckId.TYPE, ErrorCode.MALFORMED_VALUE_ERROR, 'type must include VerifiableCredential'),
    );
    return report(credential, parsed.format);
  }
  const isOpenBadge = types.some((type) => typeof type === 'string' && OB_TYPES.has(type));
  const isClr = types.includes('ClrCredential');
  const isEndorsement = types.includes('EndorsementCredential');
  checks.push(
    pass(
      CheckId.TYPE,
      `type ${types.filter((type) => type !== 'VerifiableCredential').join(', ') || 'VerifiableCredential'}`,
    ),
  );
  if (!isOpenBadge && !isClr && !isEndorsement) {
    checks.push(
      pass(CheckId.OPEN_BADGE, 'verified as a W3C Verifiable Credential: it is not an Open Badge', true),
    );
  }

  // Conformance: the OB 3.0 canonical JSON Schema (we bundle the AchievementCredential one).
  if (isOpenBadge && isV2) {
    const declared = asArray(credential.credentialSchema).filter(isRecord);
    const result = components.validateSchema(withCanonicalArrays(credential));
    if (result.valid) {
      checks.push(pass(CheckId.SCHEMA, 'conforms to the OB 3.0 AchievementCredential JSON Schema'));
    } else {
      // Conformance is validation, not verification (VC 2.0 §7.1): a signed, current, unrevoked badge
      // with, say, an achievementType outside the enumeration is shown with this warning, not refused.
      const first = result.errors.slice(0, 3).map((error) => `${error.path || '/'} ${error.message}`);
      checks.push(
        pass(CheckId.SCHEMA, `does not conform to the OB 3.0 JSON Schema: ${first.join('; ')}`, true),
      );
    }
    const unknownSchemas = declared.filter((schema) => schema.id !== OB_SCHEMA_ID);
    if (unknownSchemas.length > 0) {
      checks.push(
        pass(
          `${CheckId.SCHEMA}-other`,
          `schemas not available offline were not checked: ${unknownSchemas.map((schema) => String(schema.id)).join(', ')}`,
          true,
        ),
      );
    }
  }
  if (isOpenBadge) {
    const subjects = asArray(credential.credentialSubject).filter(isRecord);
    const identified =
      subjects.length > 0 &&
      subjects.every((subject) => typeof subject.id === 'string' || asArray(subject.identifier).length > 0);
    // OB 3.0 AchievementSubject requires an id or an identifier; as with the schema, a missing one is
    // a conformance warning (DCC's wallet-issued badges omit it), not a verification failure.
    checks.push(
      identified
        ? pass(CheckId.SUBJECT, 'the subject is identified (id or identifier)')
        : pass(
            CheckId.SUBJECT,
            'credentialSubject has neither an id nor an identifier (OB 3.0 requires one): it does not say who earned it',
            true,
          ),
    );
  }

  // Proof: one valid proof suffices (OB 3.0 §Verification step 2).
  const issuerId = issuerIdOf(credential);
  let controller = jwtController;
  let unconfirmedKey: string | undefined;
  let rdfProofVerified = false;
  const proofs = proofsOf(credential);
  if (parsed.jwt === undefined || proofs.length > 0) {
    if (proofs.length === 0) {
      checks.push(
        failed(CheckId.PROOF, ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'the credential has no proof'),
      );
    } else {
      const resolver = components.resolveKey;
      const compat = options.compat ?? 'strict';
      const results = [];
      for (const proof of proofs) {
        const result = await verifyDataIntegrityProof({
          document: credential,
          proof,
          fetcher,
          now,
          ...(options.canonizer === undefined ? {} : { canonizer: options.canonizer }),
          ...(options.documentLoader === undefined ? {} : { documentLoader: options.documentLoader }),
          resolveKey: (vm: string) =>
            resolver === undefined
              ? resolveIssuerKey({ verificationMethod: vm, fetcher, issuerId, compat })
              : resolver(vm, fetcher),
        });
        results.push(result);
        if (result.verified) break;
      }
      const good = results.find((result) => result.verified);
      if (good?.verified) {
        controller = good.verificationMethod.controller;
        unconfirmedKey = good.verificationMethod.unconfirmed;
        rdfProofVerified = RDF_SUITES.has(good.cryptosuite);
        signer = {
          verificationMethod: good.verificationMethod.id,
          controller: good.verificationMethod.controller,
          publicKeyMultibase: good.verificationMethod.publicKeyMultibase,
        };
        checks.push(
          pass(CheckId.PROOF, `${good.cryptosuite} signature by ${good.verificationMethod.id} is valid`),
        );
      } else {
        const firstError = results.find((result) => !result.verified);
        checks.push(
          firstError !== undefined && !firstError.verified
            ? fromError(CheckId.PROOF, firstError.error)
            : failed(CheckId.PROOF, ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'no proof verified'),
        );
      }
    }
  }

  if (!checks.some((check) => check.code !== undefined && JSON_LD_CODES.has(check.code))) {
    checks.push(
      await checkJsonLd({
        document: credential,
        documentLoader: options.documentLoader ?? bundledDocumentLoader,
        scope: rdfProofVerified ? 'proof-set' : 'document',
      }),
    );
  }

  // Key provenance: the key's controller must be the issuer (OB impl guide; ADVERSARIAL V15).
  if (issuerId === undefined) {
    checks.push(failed(CheckId.ISSUER, ErrorCode.MALFORMED_VALUE_ERROR, 'the credential names no issuer'));
  } else if (unconfirmedKey !== undefined && controller === issuerId) {
    // Peer-suite policy (README "Verification policies"): 1EdTech compatibility mode only.
    checks.push(
      pass(CheckId.ISSUER, `the issuer's control of this key was not confirmed: ${unconfirmedKey}`, true),
    );
  } else if (controller !== undefined) {
    checks.push(
      controller === issuerId
        ? pass(CheckId.ISSUER, `issued by ${issuerId}, which controls the signing key`)
        : failed(
            CheckId.ISSUER,
            ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
            `the signing key belongs to ${controller}, not to the issuer ${issuerId}`,
          ),
    );
  }

  checks.push(...validityChecks(credential, isV2, now));

  if (!options.skipStatus && credential.credentialStatus !== undefined) {
    const statusChecks = await components.checkStatus({
      credential,
      fetcher,
      now,
      ...(signer === undefined ? {} : { credentialSigner: signer }),
      verifyListCredential: (list) =>
        verifyCredentialWith(components, list, { ...options, skipStatus: true }, depth + 1),
    });
    checks.push(...statusChecks);
  }

  const nested: { path: string; report: VerificationReport }[] = [];
  const embedded = embeddedCredentials(credential, isClr);
  if (embedded.length > 0) {
    if (depth >= MAX_NESTING) {
      checks.push(
        failed(
          CheckId.ENDORSEMENTS,
          ErrorCode.RANGE_ERROR,
          `credentials nested deeper than ${MAX_NESTING} levels`,
        ),
      );
    } else {
      for (const item of embedded) {
        nested.push({
          path: item.path,
          report: await verifyCredentialWith(components, item.value, { ...options }, depth + 1),
        });
      }
      for (const id of [CheckId.ENDORSEMENTS, CheckId.NESTED_CREDENTIALS]) {
        const mine = nested.filter((item) => embeddedKind(item.path) === id);
        if (mine.length > 0) checks.push(embeddedCheck(id, mine));
      }
    }
  }
  return report(credential, parsed.format, nested);
}

/** True when a report failed only on its validity dates (an expired or not-yet-valid credential). */
function failedOnlyOnDates(report: VerificationReport): boolean {
  const failures = report.checks.filter((check) => !check.ok);
  return failures.length > 0 && failures.every((check) => DATE_CHECKS.has(check.id));
}

/**
 * Every CLR-nested credential must verify. An endorsement is another issuer's claim about this issuer or
 * achievement: a forged or unverifiable one fails the credential (it carries content nobody vouches
 * for), but one outside its own validity period only lapsed, which does not make this credential any
 * less authentic: a warning (peer-suite policy, README "Verification policies").
 */
function embeddedCheck(
  id: string,
  items: readonly { path: string; report: VerificationReport }[],
): VerificationCheck {
  const bad = items.filter((item) => !item.report.verified);
  const broken = id === CheckId.ENDORSEMENTS ? bad.filter((item) => !failedOnlyOnDates(item.report)) : bad;
  if (broken.length > 0) {
    const reasons = broken.map((item) => {
      const reason = item.report.checks.find((check) => !check.ok);
      return `${item.path}${reason === undefined ? '' : ` (${reason.id}: ${reason.message.slice(0, 200)})`}`;
    });
    return failed(
      id,
      ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
      `${broken.length} of ${items.length} embedded credential(s) failed: ${reasons.join(', ')}`,
    );
  }
  if (bad.length > 0) {
    return pass(
      id,
      `${bad.length} of ${items.length} endorsement(s) are outside their validity period (${bad.map((item) => item.path).join(', ')}); the rest verified`,
      true,
    );
  }
  return pass(id, `${items.length} embedded credential(s) verified`);
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

/** validFrom/validUntil (VC 2.0 §4.9) or issuanceDate/expirationDate (VC 1.1), with their formats. */
function validityChecks(credential: JsonObject, isV2: boolean, now: Date): VerificationCheck[] {
  const checks: VerificationCheck[] = [];
  const fromKey = isV2 ? 'validFrom' : 'issuanceDate';
  const untilKey = isV2 ? 'validUntil' : 'expirationDate';
  const from = credential[fromKey];
  const until = credential[untilKey];
  const wellFormed = isV2 ? isDateTimeStamp : isXsdDateTime;
  if (from === undefined) {
    checks.push(
      isV2
        ? pass(CheckId.VALID_FROM, 'no validFrom: valid from issuance')
        : failed(
            CheckId.VALID_FROM,
            ErrorCode.MALFORMED_VALUE_ERROR,
            'a VC 1.1 credential needs an issuanceDate',
          ),
    );
  } else if (!wellFormed(from)) {
    checks.push(
      failed(
        CheckId.VALID_FROM,
        ErrorCode.MALFORMED_VALUE_ERROR,
        `${fromKey} is not a date-time with a timezone`,
      ),
    );
  } else if (Date.parse(from) > now.getTime()) {
    checks.push(failed(CheckId.VALID_FROM, ErrorCode.RANGE_ERROR, `not yet valid: ${fromKey} is ${from}`));
  } else {
    checks.push(pass(CheckId.VALID_FROM, `valid from ${from}`));
  }
  if (until !== undefined) {
    if (!wellFormed(until)) {
      checks.push(
        failed(
          CheckId.VALID_UNTIL,
          ErrorCode.MALFORMED_VALUE_ERROR,
          `${untilKey} is not a date-time with a timezone`,
        ),
      );
    } else if (typeof from === 'string' && wellFormed(from) && Date.parse(from) > Date.parse(until)) {
      checks.push(failed(CheckId.VALID_UNTIL, ErrorCode.RANGE_ERROR, `${untilKey} is before ${fromKey}`));
    } else if (Date.parse(until) <= now.getTime()) {
      checks.push(failed(CheckId.VALID_UNTIL, ErrorCode.RANGE_ERROR, `expired on ${until}`));
    } else {
      checks.push(pass(CheckId.VALID_UNTIL, `valid until ${until}`));
    }
  }
  return checks;
}
