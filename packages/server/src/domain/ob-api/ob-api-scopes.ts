const SCOPE_BASE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/';

/** The OB 3.0 API's scopes (OB 3.0 §"Scopes"), each guarding one operation. */
export const OB_SCOPES = {
  credentialReadonly: `${SCOPE_BASE}credential.readonly`,
  credentialUpsert: `${SCOPE_BASE}credential.upsert`,
  profileReadonly: `${SCOPE_BASE}profile.readonly`,
  profileUpdate: `${SCOPE_BASE}profile.update`,
} as const;

export type ObScope = (typeof OB_SCOPES)[keyof typeof OB_SCOPES];

export const ALL_OB_SCOPES: readonly ObScope[] = Object.values(OB_SCOPES);

export function isObScope(value: string): value is ObScope {
  return (ALL_OB_SCOPES as readonly string[]).includes(value);
}

/** A space-separated scope string as its distinct scopes (RFC 6749 §3.3), in a stable order. */
export function splitScope(scope: string): string[] {
  return [...new Set(scope.split(' ').filter((item) => item !== ''))].sort();
}

export function joinScope(scopes: Iterable<string>): string {
  return [...new Set(scopes)].sort().join(' ');
}

/** Lifetimes: codes as OB 3.0 recommends (600 s), access tokens an hour, refresh tokens 90 days. */
export const OB_LIFETIMES_MS = {
  code: 600 * 1000,
  access: 3600 * 1000,
  refresh: 90 * 24 * 3600 * 1000,
} as const;
