/**
 * The one form of an email address the platform stores, compares and hashes: trimmed and lower-cased.
 * RFC 5321 lets the local part be case-sensitive, but no mail provider treats it so, and `hashIdentity`
 * in credentials lower-cases too: two spellings of one inbox must find the same person.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
