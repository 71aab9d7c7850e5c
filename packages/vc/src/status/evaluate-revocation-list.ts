import { ErrorCode, MicrocredError } from '../error/index.js';

export interface RevocationListResult {
  revoked: boolean;
  reason?: string;
}

function malformed(message: string): MicrocredError {
  return new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, message);
}

/**
 * 1EdTech Revocation List (OB 3.0 Implementation Guide, "Managing credential status"; validator
 * RevocationListProbe): the credential is revoked iff its id is listed in `revokedCredentials` with
 * `revoked` absent or true. A listed id with `revoked: false` is a reinstated credential.
 * If the id is listed more than once, any revoking row wins: the list fails closed.
 */
export function evaluateRevocationList(options: {
  credentialId: string;
  listDocument: unknown;
}): RevocationListResult {
  const { credentialId, listDocument } = options;
  if (typeof credentialId !== 'string' || credentialId === '')
    throw malformed('credentialId must be a string');
  if (typeof listDocument !== 'object' || listDocument === null)
    throw malformed('revocation list is not an object');
  const rows = (listDocument as Record<string, unknown>).revokedCredentials;
  if (!Array.isArray(rows)) throw malformed('revocation list has no revokedCredentials array');

  let result: RevocationListResult = { revoked: false };
  for (const row of rows) {
    if (typeof row !== 'object' || row === null)
      throw malformed('revokedCredentials entries must be objects');
    const { id, revoked, revocationReason } = row as Record<string, unknown>;
    if (typeof id !== 'string') throw malformed('revokedCredentials entries need a string id');
    if (revoked !== undefined && typeof revoked !== 'boolean') throw malformed('revoked must be a boolean');
    if (revocationReason !== undefined && typeof revocationReason !== 'string') {
      throw malformed('revocationReason must be a string');
    }
    if (id !== credentialId || revoked === false || result.revoked) continue;
    result = { revoked: true, ...(revocationReason === undefined ? {} : { reason: revocationReason }) };
  }
  return result;
}
