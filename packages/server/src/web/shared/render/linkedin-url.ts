import { ErrorCode, MicrocredError } from '@microcred/vc';

export interface LinkedInCertification {
  name: string;
  organizationId?: string | null;
  organizationName: string;
  issuedAt: Date;
  expiresAt?: Date | null;
  certUrl: string;
  certId: string;
}

/** LinkedIn counts months from 1, JavaScript from 0; both are taken in UTC, as credentials are. */
function yearAndMonth(date: Date): [string, string] {
  if (Number.isNaN(date.getTime())) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'LinkedIn certification dates must be valid');
  }
  return [String(date.getUTCFullYear()), String(date.getUTCMonth() + 1)];
}

/** Builds LinkedIn's "Add license or certification" link, pre-filled with the credential's details. */
export function linkedInAddToProfileUrl(input: LinkedInCertification): string {
  const params = new URLSearchParams({ startTask: 'CERTIFICATION_NAME', name: input.name });
  // LinkedIn links the organisation's page only when given its id; the name is the plain-text fallback.
  if (input.organizationId) params.set('organizationId', input.organizationId);
  else params.set('organizationName', input.organizationName);
  const [issueYear, issueMonth] = yearAndMonth(input.issuedAt);
  params.set('issueYear', issueYear);
  params.set('issueMonth', issueMonth);
  if (input.expiresAt) {
    const [expirationYear, expirationMonth] = yearAndMonth(input.expiresAt);
    params.set('expirationYear', expirationYear);
    params.set('expirationMonth', expirationMonth);
  }
  params.set('certUrl', input.certUrl);
  params.set('certId', input.certId);
  return `https://www.linkedin.com/profile/add?${params}`;
}
