import { compactVerify, importSPKI } from 'jose';
import { canonicalizeJcs } from '../canon/index.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import { parseCompactJws } from '../proof/jwt/parse-compact-jws.js';
import type { ResourceFetcher } from '../resource/index.js';
import { failed, failedWith, passed } from '../verify/checks/check-outcome.js';
import { CheckId, type VerificationCheck } from '../verify/verification-report.js';
import { badgeClassOriginProblem, hostedAssertionOriginProblem } from './issuer-origin-policy.js';
import { isOb2Assertion } from './ob2-assertion.js';
import { recipientIdentityProblem } from './recipient-identity.js';

type JsonRecord = Record<string, unknown>;

/** What the verifier was handed: a hosted assertion's JSON, its URL, or a signed assertion's JWS. */
export type Ob2Source =
  | { readonly kind: 'hosted'; readonly assertion: JsonRecord }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'signed'; readonly jws: string };

export interface Ob2Outcome {
  /** type, subject, proof, issuer, valid-from, valid-until, status: the ids OB 3.0 reports use. */
  readonly checks: readonly VerificationCheck[];
  /** The assertion as its issuer vouches for it, with its badge class and issuer profile in place. */
  readonly credential?: JsonRecord;
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown, fallback: ErrorCode): ErrorCode {
  return error instanceof MicrocredError ? error.code : fallback;
}

/**
 * Reads one OB 2.0 document by URL. Only http(s) URLs are asked for, so an assertion naming `file:` or
 * any other scheme never reaches the fetcher (ADVERSARIAL V12, I7); the answer must be a JSON object.
 */
async function fetchObject(fetcher: ResourceFetcher, url: unknown, what: string): Promise<JsonRecord> {
  if (!isHttpUrl(url)) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, `the ${what} is not named by an http(s) URL`);
  }
  let document: unknown;
  try {
    document = await fetcher(url);
  } catch (error) {
    throw new MicrocredError(
      codeOf(error, ErrorCode.RESOURCE_UNAVAILABLE),
      `the ${what} could not be read from ${url}: ${messageOf(error)}`,
      { cause: error },
    );
  }
  if (!isRecord(document)) {
    throw new MicrocredError(ErrorCode.PARSING_ERROR, `the ${what} at ${url} is not a JSON object`);
  }
  return document;
}

/** A document named by URL is read from there, and must name itself by that URL (OB 2.0 §Verification). */
async function fetchSelfNamed(fetcher: ResourceFetcher, url: string, what: string): Promise<JsonRecord> {
  const document = await fetchObject(fetcher, url, what);
  if (document.id !== url) {
    throw new MicrocredError(
      ErrorCode.MALFORMED_VALUE_ERROR,
      `the ${what} at ${url} names itself ${String(document.id)}`,
    );
  }
  return document;
}

function verificationTypeOf(assertion: JsonRecord): 'hosted' | 'signed' | undefined {
  const verification = assertion.verification;
  if (!isRecord(verification)) return undefined;
  const types = Array.isArray(verification.type) ? verification.type : [verification.type];
  if (types.some((type) => type === 'hosted' || type === 'HostedBadge')) return 'hosted';
  if (types.some((type) => type === 'signed' || type === 'SignedBadge')) return 'signed';
  return undefined;
}

/** Why the assertion is not an OB 2.0 assertion this source can carry, or undefined. */
function typeProblem(assertion: JsonRecord, source: Ob2Source): string | undefined {
  if (!isOb2Assertion(assertion))
    return 'not an Open Badges 2.0 assertion (no OB v2 @context nor type Assertion)';
  const verificationType = verificationTypeOf(assertion);
  if (verificationType === undefined) return 'verification.type must be hosted or signed';
  if (source.kind === 'signed' && verificationType !== 'signed')
    return 'the JWS carries an assertion whose verification type is not signed';
  if (source.kind !== 'signed' && verificationType === 'signed')
    return 'a signed assertion is verified from its JWS, and this is its bare JSON';
  if (typeof assertion.id !== 'string' || assertion.id === '') return 'the assertion has no id';
  if (verificationType === 'hosted' && !isHttpUrl(assertion.id))
    return 'a hosted assertion id must be the http(s) URL where it is hosted';
  if (!isHttpUrl(assertion.badge) && !isRecord(assertion.badge))
    return 'badge must be the URL of a badge class or a badge class';
  if (assertion.issuedOn === undefined) return 'the assertion has no issuedOn';
  return undefined;
}

/** OB 2.0 DateTime: an ISO 8601 date-time with a timezone, or (deprecated) a Unix time in seconds. */
function timeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value))
    return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

function dateChecks(assertion: JsonRecord, now: Date): VerificationCheck[] {
  const checks: VerificationCheck[] = [];
  const issuedOn = timeOf(assertion.issuedOn);
  if (issuedOn === undefined) {
    checks.push(failed(CheckId.VALID_FROM, ErrorCode.MALFORMED_VALUE_ERROR, 'issuedOn is not a date-time'));
  } else if (issuedOn > now.getTime()) {
    checks.push(
      failed(
        CheckId.VALID_FROM,
        ErrorCode.RANGE_ERROR,
        `issued in the future: ${String(assertion.issuedOn)}`,
      ),
    );
  } else {
    checks.push(passed(CheckId.VALID_FROM, `issued on ${String(assertion.issuedOn)}`));
  }
  if (assertion.expires !== undefined) {
    const expires = timeOf(assertion.expires);
    if (expires === undefined) {
      checks.push(failed(CheckId.VALID_UNTIL, ErrorCode.MALFORMED_VALUE_ERROR, 'expires is not a date-time'));
    } else if (expires <= now.getTime()) {
      checks.push(
        failed(CheckId.VALID_UNTIL, ErrorCode.RANGE_ERROR, `expired on ${String(assertion.expires)}`),
      );
    } else {
      checks.push(passed(CheckId.VALID_UNTIL, `valid until ${String(assertion.expires)}`));
    }
  }
  return checks;
}

interface IssuerChain {
  readonly badgeClass: JsonRecord;
  readonly profile: JsonRecord;
}

/**
 * The badge class (fetched, or as embedded) and the issuer profile, always read from its own URL: its
 * `verification` rules decide where its assertions may live, so an embedded copy naming a well-known
 * issuer's id with a forged `allowedOrigins` must never be believed.
 */
async function issuerChainOf(fetcher: ResourceFetcher, assertion: JsonRecord): Promise<IssuerChain> {
  const badgeClass = isRecord(assertion.badge)
    ? assertion.badge
    : await fetchSelfNamed(fetcher, assertion.badge as string, 'badge class');
  const issuerRef = isRecord(badgeClass.issuer) ? badgeClass.issuer.id : badgeClass.issuer;
  if (!isHttpUrl(issuerRef)) {
    throw new MicrocredError(
      ErrorCode.MALFORMED_VALUE_ERROR,
      'the badge class issuer must be an issuer profile published at an http(s) URL',
    );
  }
  const profile = await fetchSelfNamed(fetcher, issuerRef, 'issuer profile');
  if (isHttpUrl(badgeClass.id)) {
    const problem = badgeClassOriginProblem(badgeClass.id, profile);
    if (problem !== undefined) throw new MicrocredError(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, problem);
  }
  return { badgeClass, profile };
}

function idsOf(value: unknown): readonly string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .map((item) => (isRecord(item) ? item.id : item))
    .filter((id): id is string => typeof id === 'string');
}

/**
 * Verifies a signed assertion's JWS with the issuer's published key (OB 2.0 §Signed verification): the
 * key named by `verification.creator` (or, without one, each key the profile lists) is a CryptographicKey
 * whose `owner` is the issuer profile, and the profile's `publicKey` lists it both ways round, so a key
 * someone else published cannot sign for this issuer.
 */
async function verifySignature(
  fetcher: ResourceFetcher,
  jws: string,
  assertion: JsonRecord,
  profile: JsonRecord,
): Promise<{ proof: VerificationCheck; keyProblem?: VerificationCheck }> {
  const creator = isRecord(assertion.verification) ? assertion.verification.creator : undefined;
  const listed = idsOf(profile.publicKey);
  const candidates: readonly unknown[] = creator === undefined ? listed : [creator];
  if (candidates.length === 0) {
    const message = 'the issuer profile lists no public key to verify the signature with';
    return { proof: failed(CheckId.PROOF, ErrorCode.UNBOUND_KEY, message) };
  }
  let last: VerificationCheck | undefined;
  for (const keyId of candidates) {
    let key: JsonRecord;
    try {
      if (typeof keyId !== 'string')
        throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'verification.creator must be a URL');
      key = await fetchSelfNamed(fetcher, keyId, 'signing key');
    } catch (error) {
      last = failedWith(CheckId.PROOF, error);
      continue;
    }
    if (key.owner !== profile.id || !listed.includes(String(key.id))) {
      const message =
        key.owner !== profile.id
          ? `the signing key ${String(key.id)} is owned by ${String(key.owner)}, not by the issuer ${String(profile.id)}`
          : `the issuer profile does not list the signing key ${String(key.id)} as its publicKey`;
      return {
        proof: failed(
          CheckId.PROOF,
          ErrorCode.UNBOUND_KEY,
          'the signature cannot be attributed to the issuer',
        ),
        keyProblem: failed(CheckId.ISSUER, ErrorCode.UNBOUND_KEY, message),
      };
    }
    if (typeof key.publicKeyPem !== 'string') {
      last = failed(
        CheckId.PROOF,
        ErrorCode.INVALID_KEY,
        `the signing key ${String(keyId)} has no publicKeyPem`,
      );
      continue;
    }
    let publicKey: Awaited<ReturnType<typeof importSPKI>>;
    try {
      publicKey = await importSPKI(key.publicKeyPem, 'RS256');
    } catch (error) {
      last = failed(
        CheckId.PROOF,
        ErrorCode.INVALID_KEY,
        `the signing key ${String(keyId)} is not an RSA public key: ${messageOf(error)}`,
      );
      continue;
    }
    try {
      await compactVerify(jws, publicKey, { algorithms: ['RS256'] });
      return {
        proof: passed(CheckId.PROOF, `RS256 signature verified with the issuer's key ${String(keyId)}`),
      };
    } catch {
      last = failed(
        CheckId.PROOF,
        ErrorCode.PROOF_VERIFICATION_ERROR,
        `the signature does not verify with the key ${String(keyId)}`,
      );
    }
  }
  return {
    proof: last ?? failed(CheckId.PROOF, ErrorCode.PROOF_VERIFICATION_ERROR, 'the signature does not verify'),
  };
}

function revokedEntryMatches(entry: unknown, assertion: JsonRecord): { revoked: boolean; reason?: string } {
  if (typeof entry === 'string') return { revoked: entry === assertion.id || entry === assertion.uid };
  if (!isRecord(entry)) return { revoked: false };
  const revoked =
    (typeof entry.id === 'string' && entry.id === assertion.id) ||
    (typeof entry.uid === 'string' && entry.uid === assertion.uid);
  return typeof entry.revocationReason === 'string'
    ? { revoked, reason: entry.revocationReason }
    : { revoked };
}

/**
 * Revocation (OB 2.0 §Revocation): a hosted assertion its issuer marks `revoked`, and any assertion listed
 * in the issuer's RevocationList by id or uid. A list the issuer names but that cannot be read leaves the
 * status unknown, which is a failure, never "valid" (ADVERSARIAL V21).
 */
async function statusCheck(
  fetcher: ResourceFetcher,
  assertion: JsonRecord,
  profile: JsonRecord,
  signed: boolean,
) {
  if (assertion.revoked === true) {
    const reason = typeof assertion.revocationReason === 'string' ? `: ${assertion.revocationReason}` : '';
    return failed(CheckId.STATUS, ErrorCode.REVOKED, `revoked by its issuer${reason}`);
  }
  const listUrl = profile.revocationList;
  if (listUrl === undefined) {
    return signed
      ? passed(CheckId.STATUS, 'not revoked: the issuer publishes no revocation list', true)
      : passed(CheckId.STATUS, 'not revoked: its issuer still hosts it');
  }
  let list: JsonRecord;
  try {
    list = await fetchObject(fetcher, listUrl, 'revocation list');
  } catch (error) {
    return failed(CheckId.STATUS, ErrorCode.STATUS_RETRIEVAL_ERROR, `status unknown: ${messageOf(error)}`);
  }
  const listIssuer = isRecord(list.issuer) ? list.issuer.id : list.issuer;
  if (listIssuer !== undefined && listIssuer !== profile.id) {
    return failed(
      CheckId.STATUS,
      ErrorCode.STATUS_VERIFICATION_ERROR,
      'the revocation list belongs to another issuer',
    );
  }
  const entries = list.revokedAssertions ?? [];
  if (!Array.isArray(entries)) {
    return failed(CheckId.STATUS, ErrorCode.STATUS_VERIFICATION_ERROR, 'revokedAssertions is not a list');
  }
  for (const entry of entries) {
    const match = revokedEntryMatches(entry, assertion);
    if (match.revoked) {
      return failed(
        CheckId.STATUS,
        ErrorCode.REVOKED,
        `revoked${match.reason ? `: ${match.reason}` : ''} (${String(listUrl)})`,
      );
    }
  }
  return passed(CheckId.STATUS, `not revoked (${String(listUrl)})`);
}

/** The assertion with its badge class and issuer in place, so a page can show the badge and who issued it. */
function credentialOf(assertion: JsonRecord, chain: IssuerChain | undefined): JsonRecord {
  const credential = structuredClone(assertion);
  if (chain !== undefined)
    credential.badge = { ...structuredClone(chain.badgeClass), issuer: structuredClone(chain.profile) };
  return credential;
}

/**
 * Verifies an Open Badges 2.0 assertion (OB 2.0 §Verification), hosted or signed, and reports it with
 * the check ids of the OB 3.0 pipeline. Hosted: the copy at the assertion's `id` is fetched and must be
 * what was given, on a host its issuer allows. Signed: the RS256 JWS verifies with a key the issuer owns
 * and lists. Then the recipient's form, the dates and revocation. Never throws.
 */
export async function checkOb2Assertion(
  source: Ob2Source,
  options: { readonly fetcher: ResourceFetcher; readonly now: Date },
): Promise<Ob2Outcome> {
  try {
    return await judgeOb2Assertion(source, options);
  } catch (error) {
    // A fetcher that resolves to something odd, or a bug: a failed check, never an exception.
    return { checks: [failedWith(CheckId.TYPE, error)] };
  }
}

async function judgeOb2Assertion(
  source: Ob2Source,
  options: { readonly fetcher: ResourceFetcher; readonly now: Date },
): Promise<Ob2Outcome> {
  const { fetcher, now } = options;
  let assertion: JsonRecord;
  // The copy its issuer's server holds: for a hosted assertion, the one that is judged.
  let hosted: JsonRecord | undefined;
  let hostedProblem: VerificationCheck | undefined;
  try {
    if (source.kind === 'signed') {
      const { header, payload } = parseCompactJws({ jws: source.jws });
      if (header.alg !== 'RS256') {
        return {
          checks: [
            failed(
              CheckId.PROOF,
              ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
              'OB 2.0 signed assertions use RS256',
            ),
          ],
        };
      }
      assertion = { ...payload };
    } else if (source.kind === 'url') {
      assertion = await fetchObject(fetcher, source.url, 'hosted assertion');
      hosted = assertion;
      if (assertion.id !== source.url) {
        hostedProblem = failed(
          CheckId.PROOF,
          ErrorCode.PROOF_VERIFICATION_ERROR,
          `the assertion at ${source.url} names itself ${String(assertion.id)}`,
        );
      }
    } else {
      assertion = source.assertion;
    }
  } catch (error) {
    return { checks: [failedWith(source.kind === 'url' ? CheckId.PROOF : CheckId.PARSE, error)] };
  }

  const problem = typeProblem(assertion, source);
  if (problem !== undefined) {
    return {
      checks: [failed(CheckId.TYPE, ErrorCode.VALIDATION_ERROR, problem)],
      credential: structuredClone(assertion),
    };
  }
  const signed = source.kind === 'signed';
  const checks: VerificationCheck[] = [
    passed(CheckId.TYPE, `Open Badges 2.0 assertion, ${signed ? 'signed' : 'hosted'}`),
  ];

  if (source.kind === 'hosted') {
    try {
      hosted = await fetchObject(fetcher, assertion.id, 'hosted assertion');
      if (canonicalizeJcs(hosted) !== canonicalizeJcs(assertion)) {
        hostedProblem = failed(
          CheckId.PROOF,
          ErrorCode.PROOF_VERIFICATION_ERROR,
          `the assertion differs from the copy its issuer hosts at ${String(assertion.id)}`,
        );
      }
    } catch (error) {
      // A 404 or 410 (the fetcher refuses non-2xx) may mean the issuer withdrew it: never valid.
      hostedProblem = failed(
        CheckId.PROOF,
        codeOf(error, ErrorCode.RESOURCE_UNAVAILABLE),
        `its issuer's server does not vouch for it: ${messageOf(error)}`,
      );
    }
  }
  const judged = hosted ?? assertion;

  const recipientProblem = recipientIdentityProblem(judged.recipient);
  checks.push(
    recipientProblem === undefined
      ? passed(
          CheckId.SUBJECT,
          `issued to a recipient identified by ${String((judged.recipient as JsonRecord).type)}`,
        )
      : failed(CheckId.SUBJECT, ErrorCode.MALFORMED_VALUE_ERROR, recipientProblem),
  );

  let chain: IssuerChain | undefined;
  let issuerCheck: VerificationCheck;
  try {
    chain = await issuerChainOf(fetcher, judged);
    const originProblem = signed ? undefined : hostedAssertionOriginProblem(String(judged.id), chain.profile);
    const name =
      typeof chain.profile.name === 'string'
        ? `${chain.profile.name} (${String(chain.profile.id)})`
        : String(chain.profile.id);
    issuerCheck =
      originProblem === undefined
        ? passed(CheckId.ISSUER, `issued by ${name}`)
        : failed(CheckId.ISSUER, ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, originProblem);
  } catch (error) {
    issuerCheck = failedWith(CheckId.ISSUER, error);
  }

  if (signed) {
    if (chain === undefined) {
      checks.push(
        failed(
          CheckId.PROOF,
          ErrorCode.UNBOUND_KEY,
          'the signature cannot be checked without the issuer profile',
        ),
      );
    } else {
      const { proof, keyProblem } = await verifySignature(fetcher, source.jws, judged, chain.profile);
      checks.push(proof);
      if (keyProblem !== undefined && issuerCheck.ok) issuerCheck = keyProblem;
    }
  } else {
    checks.push(hostedProblem ?? passed(CheckId.PROOF, `hosted by its issuer at ${String(judged.id)}`));
  }
  checks.push(issuerCheck, ...dateChecks(judged, now));

  if (!signed && hosted === undefined) {
    checks.push(
      failed(
        CheckId.STATUS,
        ErrorCode.STATUS_RETRIEVAL_ERROR,
        'status unknown: the hosted assertion could not be read',
      ),
    );
  } else if (chain === undefined) {
    checks.push(
      failed(
        CheckId.STATUS,
        ErrorCode.STATUS_RETRIEVAL_ERROR,
        'status unknown: the issuer profile could not be read',
      ),
    );
  } else {
    checks.push(await statusCheck(fetcher, judged, chain.profile, signed));
  }
  return { checks, credential: credentialOf(judged, chain) };
}
