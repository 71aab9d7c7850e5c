import { type CredentialInput, ErrorCode, MicrocredError } from '@microcred/vc';
import type { Platform } from '../../../domain/platform.js';

/**
 * A credential named by URL. This platform's own credential pages are read from its database (with the
 * viewer's rights); anything else goes through the platform's guarded fetcher, which by default fetches
 * nothing.
 */
export async function fetchCredential(
  platform: Platform,
  url: string,
  viewer: string | null,
): Promise<CredentialInput> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'this is not a URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'only http and https URLs can be checked');
  }
  const own = new URL(platform.publicUrl);
  const match = /^\/credentials\/([0-9a-f-]{36})$/i.exec(parsed.pathname);
  if (parsed.origin === own.origin && match?.[1] !== undefined) {
    const page = await platform.earners.viewCredential(match[1], viewer);
    return page.credential.jwt ?? page.credential.document;
  }
  const fetched = await platform.fetcher(url);
  if (typeof fetched === 'string' || (typeof fetched === 'object' && fetched !== null))
    return fetched as CredentialInput;
  throw new MicrocredError(ErrorCode.PARSING_ERROR, 'the URL did not give a credential');
}
