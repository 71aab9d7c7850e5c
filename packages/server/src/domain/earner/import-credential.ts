import type { CredentialInput, VerificationReport } from '@microcred/vc';
import { ErrorCode, MicrocredError } from '@microcred/vc';
import type { PlatformContext } from '../platform-context.js';
import type { ImportedCredential, JsonObject } from '../ports/index.js';
import { refreshTalentEvidence } from '../talent/talent-evidence.js';
import { CredentialAlreadyHeld, heldHere } from './held-here.js';

/**
 * Adds a credential from elsewhere to an earner's portfolio, verified on the way in and kept exactly as
 * received. One that does not verify is still kept (the earner may want it) but marked, private, and
 * never offered for LinkedIn; so is one whose authorship is unproven (verified only through a
 * compatibility concession): a signature nobody is shown to own must not be displayed as genuine.
 * A credential the earner already holds here is not stored again (`CredentialAlreadyHeld`).
 */
export async function importCredential(
  context: PlatformContext,
  verify: (input: CredentialInput) => Promise<VerificationReport>,
  earnerId: string,
  input: { readonly credential: CredentialInput; readonly sourceUrl: string | null },
): Promise<ImportedCredential> {
  const report = await verify(input.credential);
  const document = report.credential;
  if (document === undefined) {
    const parse = report.checks.find((check) => !check.ok);
    throw new MicrocredError(
      ErrorCode.PARSING_ERROR,
      `no credential could be read from this input${parse === undefined ? '' : `: ${parse.message}`}`,
    );
  }
  // One issued here to the earner, or their wallet's copy of it, is theirs already: a second, imported
  // entry would show it twice.
  const held = await heldHere(context, earnerId, document as JsonObject);
  if (held !== null) throw new CredentialAlreadyHeld(held.id);
  const jwt =
    report.format === 'jwt' && typeof input.credential === 'string' ? input.credential.trim() : null;
  const imported = await context.storage.importedCredentials.insert({
    earnerId,
    document: document as JsonObject,
    jwt,
    sourceUrl: input.sourceUrl,
    verified: report.verified && report.authorship === undefined,
    report: JSON.parse(
      JSON.stringify({
        verified: report.verified,
        format: report.format,
        checks: report.checks,
        ...(report.authorship === undefined
          ? {}
          : { authorship: report.authorship, authorshipReason: report.authorshipReason }),
      }),
    ),
    importedAt: context.now(),
  });
  await refreshTalentEvidence(context, earnerId);
  return imported;
}
