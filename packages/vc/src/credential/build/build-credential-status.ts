import { ErrorCode, MicrocredError } from '../../error/index.js';
import type { BitstringStatusListEntry, RevocationListStatus } from '../model/index.js';

export interface BitstringStatusListEntryInput {
  readonly type: 'BitstringStatusListEntry';
  /** Defaults to `<statusListCredential>#<statusListIndex>`. */
  readonly id?: string;
  /** `revocation`, `suspension` or `message` (BSL §2.1), or another purpose the list declares. */
  readonly statusPurpose: string;
  readonly statusListIndex: number | string;
  /** URL of the BitstringStatusListCredential. */
  readonly statusListCredential: string;
  readonly statusSize?: number;
  readonly statusMessage?: readonly { readonly status: string; readonly message?: string }[];
  readonly statusReference?: string;
}

export interface RevocationListStatusInput {
  readonly type: '1EdTechRevocationList';
  /** URL of the issuer's 1EdTech revocation list. */
  readonly id: string;
}

export type CredentialStatusInput = BitstringStatusListEntryInput | RevocationListStatusInput;

/**
 * A `credentialStatus` entry. Bitstring entries always get an `id` because the OB 3.0 JSON Schema
 * requires one, and their index is written as a base-10 string (BSL §2.1).
 */
export function buildCredentialStatus(
  input: CredentialStatusInput,
): BitstringStatusListEntry | RevocationListStatus {
  if (input.type === '1EdTechRevocationList') {
    return { id: input.id, type: input.type };
  }
  const index =
    typeof input.statusListIndex === 'number' ? input.statusListIndex : Number(input.statusListIndex);
  if (!Number.isSafeInteger(index) || index < 0 || String(index) !== String(input.statusListIndex)) {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'statusListIndex must be an integer >= 0', {
      details: { field: 'credentialStatus.statusListIndex' },
    });
  }
  // BSL §2.1: statusMessage "MUST be present if statusSize is greater than 1".
  if (input.statusSize !== undefined && input.statusSize > 1 && (input.statusMessage?.length ?? 0) === 0) {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'statusMessage is required when statusSize > 1', {
      details: { field: 'credentialStatus.statusMessage' },
    });
  }
  const id = input.id ?? `${input.statusListCredential}#${index}`;
  // BSL §2.1: the entry's id "MUST NOT be the URL for the status list".
  if (id === input.statusListCredential) {
    throw new MicrocredError(
      ErrorCode.VALIDATION_ERROR,
      'a status entry id must not be the status list URL',
      {
        details: { field: 'credentialStatus.id' },
      },
    );
  }
  return {
    id,
    type: 'BitstringStatusListEntry',
    statusPurpose: input.statusPurpose,
    statusListIndex: String(index),
    statusListCredential: input.statusListCredential,
    statusSize: input.statusSize,
    statusMessage: input.statusMessage?.map(({ status, message }) => ({ status, message })),
    statusReference: input.statusReference,
  };
}
