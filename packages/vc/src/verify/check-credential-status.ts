import { ErrorCode, MicrocredError } from '../error/index.js';
import { isRecord, type JsonObject } from '../json/index.js';
import { evaluateBitstringStatus, evaluateRevocationList } from '../status/index.js';
import { issuerIdOf } from './issuer-id-of.js';
import { CheckId, type VerificationCheck } from './verification-report.js';
import type { StatusCheckOptions } from './verify-credential.js';

export interface StatusPolicy {
  /**
   * Lists under the 131,072-entry minimum (DCC publishes 100,000): read the bit anyway and warn, rather
   * than fail every credential of such an issuer (peer-suite policy; README "Verification policies").
   */
  readonly allowShortStatusLists?: boolean;
}

function failed(code: ErrorCode, message: string): VerificationCheck {
  return { id: CheckId.STATUS, ok: false, code, message };
}

async function checkBitstringEntry(
  entry: JsonObject,
  options: StatusCheckOptions & StatusPolicy,
): Promise<VerificationCheck[]> {
  const listUrl = entry.statusListCredential;
  if (typeof listUrl !== 'string')
    return [failed(ErrorCode.MALFORMED_VALUE_ERROR, 'the status entry has no statusListCredential URL')];
  let list: unknown;
  try {
    list = await options.fetcher(listUrl);
  } catch (error) {
    // Fail closed (ADVERSARIAL V21): a status we cannot read is never reported as "not revoked".
    if (error instanceof MicrocredError && error.code === ErrorCode.FETCH_REFUSED)
      return [
        failed(
          ErrorCode.FETCH_REFUSED,
          `the status list ${listUrl} was not fetched (${error.message}), so the status is unknown`,
        ),
      ];
    // A fetcher that says why (`details.reason`: HTTP status, time limit…) is quoted; a bare refusal is not.
    const why =
      error instanceof MicrocredError && typeof error.details?.reason === 'string'
        ? ` (${error.message})`
        : '';
    return [
      failed(
        ErrorCode.STATUS_RETRIEVAL_ERROR,
        `the status list ${listUrl} could not be retrieved${why}, so the status is unknown`,
      ),
    ];
  }
  if (!isRecord(list))
    return [failed(ErrorCode.STATUS_VERIFICATION_ERROR, `the status list ${listUrl} is not a JSON object`)];
  const listReport = await options.verifyListCredential(list);
  if (!listReport.verified) {
    const reason = listReport.checks.find((check) => !check.ok);
    return [
      failed(
        ErrorCode.STATUS_VERIFICATION_ERROR,
        `the status list ${listUrl} does not verify: ${reason?.message ?? 'unknown reason'}`,
      ),
    ];
  }
  const listIssuer = issuerIdOf(list);
  const credentialIssuer = issuerIdOf(options.credential);
  const checks: VerificationCheck[] = [];
  if (listIssuer !== credentialIssuer) {
    // Only the issuer may say its credential is revoked (digitalbazaar verifyMatchingIssuers). The
    // holder of the very key that signed the credential speaks for that issuer, whatever identifier
    // the list names (DCC signs did:web credentials and their list with one key, the list as did:key).
    const sameKey =
      options.credentialSigner !== undefined &&
      listReport.signer?.publicKeyMultibase === options.credentialSigner.publicKeyMultibase;
    if (!sameKey) {
      return [
        failed(
          ErrorCode.STATUS_VERIFICATION_ERROR,
          `the status list is issued by ${String(listIssuer).slice(0, 200)}, not by the credential's issuer, and signed with another key`,
        ),
      ];
    }
    checks.push({
      id: CheckId.STATUS_LIST_ISSUER,
      ok: true,
      warning: true,
      message: `the status list names issuer ${String(listIssuer).slice(0, 200)}, but it is signed with the key that signed this credential (${options.credentialSigner?.publicKeyMultibase ?? ''})`,
    });
  }
  try {
    const result = evaluateBitstringStatus({
      entry,
      listCredential: list,
      now: options.now,
      allowShortLists: options.allowShortStatusLists ?? true,
    });
    if (result.short) {
      checks.push({
        id: CheckId.STATUS_LIST_LENGTH,
        ok: true,
        warning: true,
        message: `the status list has ${result.entries} entries, fewer than the 131,072 the Bitstring Status List requires; its bit was read anyway`,
      });
    }
    const index = String(entry.statusListIndex);
    if (result.status === 0) {
      checks.push({
        id: CheckId.STATUS,
        ok: true,
        message: `not ${result.purpose === 'suspension' ? 'suspended' : 'revoked'} (index ${index} of ${listUrl})`,
      });
    } else if (result.purpose === 'revocation') {
      checks.push(failed(ErrorCode.REVOKED, `revoked (index ${index} of ${listUrl})`));
    } else if (result.purpose === 'suspension') {
      checks.push(failed(ErrorCode.SUSPENDED, `suspended (index ${index} of ${listUrl})`));
    } else {
      checks.push({
        id: CheckId.STATUS,
        ok: true,
        warning: true,
        message: `status ${result.purpose}: ${result.message ?? result.status}`,
      });
    }
    return checks;
  } catch (error) {
    if (error instanceof MicrocredError) return [failed(error.code, error.message)];
    throw error;
  }
}

async function checkRevocationListEntry(
  entry: JsonObject,
  options: StatusCheckOptions,
): Promise<VerificationCheck[]> {
  const listUrl = entry.id;
  const credentialId = options.credential.id;
  if (typeof listUrl !== 'string' || typeof credentialId !== 'string') {
    return [
      failed(
        ErrorCode.MALFORMED_VALUE_ERROR,
        'a 1EdTechRevocationList entry needs an id, and the credential an id',
      ),
    ];
  }
  let list: unknown;
  try {
    list = await options.fetcher(listUrl);
  } catch {
    // 1EdTech's own validator warns here rather than failing (peer-suite policy, README).
    return [
      {
        id: CheckId.STATUS,
        ok: true,
        warning: true,
        message: `the revocation list ${listUrl} could not be retrieved; revocation was not checked`,
      },
    ];
  }
  try {
    const result = evaluateRevocationList({ credentialId, listDocument: list });
    return result.revoked
      ? [failed(ErrorCode.REVOKED, `revoked${result.reason ? `: ${result.reason}` : ''} (${listUrl})`)]
      : [{ id: CheckId.STATUS, ok: true, message: `not on the revocation list ${listUrl}` }];
  } catch (error) {
    if (error instanceof MicrocredError) return [failed(error.code, error.message)];
    throw error;
  }
}

/** The status step: every `credentialStatus` entry is checked; unknown methods fail closed. */
export async function checkCredentialStatus(
  options: StatusCheckOptions & StatusPolicy,
): Promise<VerificationCheck[]> {
  const value = options.credential.credentialStatus;
  const entries = Array.isArray(value) ? value : [value];
  const checks: VerificationCheck[] = [];
  for (const entry of entries) {
    if (!isRecord(entry)) {
      checks.push(failed(ErrorCode.MALFORMED_VALUE_ERROR, 'credentialStatus must be an object'));
    } else if (entry.type === 'BitstringStatusListEntry' || entry.type === 'StatusList2021Entry') {
      checks.push(...(await checkBitstringEntry(entry, options)));
    } else if (entry.type === '1EdTechRevocationList') {
      checks.push(...(await checkRevocationListEntry(entry, options)));
    } else {
      checks.push(
        failed(
          ErrorCode.STATUS_VERIFICATION_ERROR,
          `status method ${JSON.stringify(entry.type)} is not supported, so the status is unknown`,
        ),
      );
    }
  }
  return checks;
}
