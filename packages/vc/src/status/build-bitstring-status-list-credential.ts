import { ErrorCode, MicrocredError } from '../error/index.js';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

export interface BitstringStatusList {
  id: string;
  type: 'BitstringStatusList';
  statusPurpose: string | string[];
  encodedList: string;
  ttl?: number;
}

/** An unsigned BitstringStatusListCredential (BSL §2.2); a securing module adds the proof. */
export interface BitstringStatusListCredential {
  '@context': [typeof VC_V2_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string | { id: string; [key: string]: unknown };
  validFrom: string;
  validUntil?: string;
  credentialSubject: BitstringStatusList;
}

function malformed(message: string): MicrocredError {
  return new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, message);
}

function toDateTimeStamp(value: Date | string, field: string): { text: string; time: number } {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  // VCDM 2.0 §4.6: validFrom/validUntil are dateTimeStamps, so a string must carry its time zone.
  if (Number.isNaN(time) || (typeof value === 'string' && !/(Z|[+-]\d{2}:\d{2})$/.test(value))) {
    throw malformed(`${field} must be a date-time with a time zone`);
  }
  const text = value instanceof Date ? value.toISOString().replace(/\.000Z$/, 'Z') : value;
  return { text, time };
}

/**
 * BSL §3.1 steps 2–4: the status list credential that carries `encodedList`, with
 * `credentialSubject.id = id + '#list'` as in the specification's examples. `ttl` is in milliseconds.
 */
export function buildBitstringStatusListCredential(options: {
  id: string;
  issuer: string | { id: string; [key: string]: unknown };
  statusPurpose: string | readonly string[];
  encodedList: string;
  validFrom: Date | string;
  validUntil?: Date | string;
  ttl?: number;
}): BitstringStatusListCredential {
  const { id, issuer, statusPurpose, encodedList, ttl } = options;
  if (!URL.canParse(id) || id.includes('#'))
    throw malformed('status list id must be a URL without a fragment');
  const issuerId = typeof issuer === 'string' ? issuer : issuer.id;
  if (typeof issuerId !== 'string' || !URL.canParse(issuerId)) throw malformed('issuer must be a URL or DID');
  const purposes = typeof statusPurpose === 'string' ? [statusPurpose] : [...statusPurpose];
  if (purposes.length === 0 || purposes.some((purpose) => typeof purpose !== 'string' || purpose === '')) {
    throw malformed('statusPurpose must be one or more non-empty strings');
  }
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
    throw malformed('encodedList must be multibase base64url (prefix "u"); use encodeStatusList');
  }
  if (ttl !== undefined && (!Number.isSafeInteger(ttl) || ttl < 0)) {
    throw malformed('ttl must be a non-negative integer number of milliseconds');
  }
  const validFrom = toDateTimeStamp(options.validFrom, 'validFrom');
  const validUntil =
    options.validUntil === undefined ? undefined : toDateTimeStamp(options.validUntil, 'validUntil');
  if (validUntil !== undefined && validUntil.time < validFrom.time) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, 'validUntil is before validFrom');
  }

  return {
    '@context': [VC_V2_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: validFrom.text,
    ...(validUntil === undefined ? {} : { validUntil: validUntil.text }),
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: typeof statusPurpose === 'string' ? statusPurpose : purposes,
      encodedList,
      ...(ttl === undefined ? {} : { ttl }),
    },
  };
}
