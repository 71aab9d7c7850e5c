function asStrings(value: unknown): readonly string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((item): item is string => typeof item === 'string');
}

function urlOf(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function verificationPolicyOf(profile: Readonly<Record<string, unknown>>) {
  const policy = profile.verification;
  const record =
    typeof policy === 'object' && policy !== null && !Array.isArray(policy)
      ? (policy as Record<string, unknown>)
      : {};
  return {
    allowedOrigins: asStrings(record.allowedOrigins).map((origin) => origin.toLowerCase()),
    startsWith: asStrings(record.startsWith),
  };
}

/**
 * Why the issuer does not vouch for a hosted assertion at `assertionId`, or undefined when it does (OB 2.0
 * §Hosted verification, §VerificationObject for Profiles): by default the assertion must be on the host of
 * the issuer's profile `id`; an issuer may instead name `allowedOrigins` (hosts) and `startsWith` (URL
 * prefixes), and every rule it names must hold.
 */
export function hostedAssertionOriginProblem(
  assertionId: string,
  profile: Readonly<Record<string, unknown>>,
): string | undefined {
  const url = urlOf(assertionId);
  if (url === undefined) return 'a hosted assertion id must be an http(s) URL';
  const { allowedOrigins, startsWith } = verificationPolicyOf(profile);
  if (allowedOrigins.length === 0 && startsWith.length === 0) {
    const issuerUrl = urlOf(profile.id);
    if (issuerUrl === undefined)
      return 'the issuer profile id is not a URL and the issuer names no allowed origins for its assertions';
    return issuerUrl.host === url.host
      ? undefined
      : `the assertion is hosted on ${url.host}, not on its issuer's host ${issuerUrl.host}`;
  }
  if (allowedOrigins.length > 0 && !allowedOrigins.includes(url.host.toLowerCase()))
    return `the assertion is hosted on ${url.host}, which its issuer does not list in allowedOrigins`;
  if (startsWith.length > 0 && !startsWith.some((prefix) => assertionId.startsWith(prefix)))
    return "the assertion id does not start with any of its issuer's startsWith prefixes";
  return undefined;
}

/**
 * Why a badge class published at `badgeClassId` cannot be taken as its issuer's, or undefined: it must be
 * on the issuer profile's host or one of the issuer's `allowedOrigins`. Otherwise anyone could publish a
 * badge class naming a well-known issuer, and an assertion of it would borrow that issuer's name.
 */
export function badgeClassOriginProblem(
  badgeClassId: string,
  profile: Readonly<Record<string, unknown>>,
): string | undefined {
  const url = urlOf(badgeClassId);
  if (url === undefined) return 'the badge class id is not an http(s) URL';
  const issuerUrl = urlOf(profile.id);
  const hosts = [
    ...verificationPolicyOf(profile).allowedOrigins,
    ...(issuerUrl ? [issuerUrl.host.toLowerCase()] : []),
  ];
  return hosts.includes(url.host.toLowerCase())
    ? undefined
    : `the badge class is on ${url.host}, not on its issuer's host${issuerUrl ? ` ${issuerUrl.host}` : ''}`;
}
