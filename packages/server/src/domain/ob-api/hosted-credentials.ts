import type { CredentialInput, VerificationReport } from '@microcred/vc';
import { CredentialAlreadyHeld, credentialIdentity } from '../earner/held-here.js';
import { importCredential } from '../earner/import-credential.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { ImportedCredential, JsonObject } from '../ports/index.js';

/** One credential as the OB API returns it: a JSON document, or a VC-JWT's compact JWS. */
export type HostedCredential =
  | { readonly kind: 'json'; readonly document: JsonObject }
  | { readonly kind: 'jwt'; readonly jwt: string };

/** A page of an earner's credentials, and how many there are in all (`X-Total-Count`). */
export interface HostedCredentialsPage {
  readonly total: number;
  readonly credentials: readonly HostedCredential[];
}

interface Held {
  readonly credential: HostedCredential;
  readonly issuedAt: number;
  readonly key: string;
}

function timeOf(document: JsonObject, fallback: Date): number {
  const stated = [document.validFrom, document.issuanceDate].find((value) => typeof value === 'string');
  const time = typeof stated === 'string' ? Date.parse(stated) : Number.NaN;
  return Number.isNaN(time) ? fallback.getTime() : time;
}

/** Every credential the earner holds here, newest first, in an order stable between pages. */
async function heldCredentials(context: PlatformContext, earnerId: string): Promise<Held[]> {
  const [issued, choices, imports] = await Promise.all([
    context.storage.portfolios.listCredentials({ earnerId }),
    context.storage.portfolios.listChoices({ earnerId }),
    context.storage.importedCredentials.list({ earnerId }),
  ]);
  // A declined credential is one the earner said is not theirs to show: no app reads it.
  const declined = new Set(
    choices.filter((choice) => choice.choice === 'declined').map((c) => c.credentialId),
  );
  const held: Held[] = [
    ...issued
      .filter((record) => !declined.has(record.id))
      .map((record) => ({
        credential:
          record.jwt === null
            ? ({ kind: 'json', document: record.document } as const)
            : ({ kind: 'jwt', jwt: record.jwt } as const),
        issuedAt: record.issuedAt.getTime(),
        key: `i:${record.id}`,
      })),
    ...imports.map((imported) => ({
      credential:
        imported.jwt === null
          ? ({ kind: 'json', document: imported.document } as const)
          : ({ kind: 'jwt', jwt: imported.jwt } as const),
      issuedAt: timeOf(imported.document, imported.importedAt),
      key: `m:${imported.id}`,
    })),
  ];
  return held.sort((a, b) => b.issuedAt - a.issuedAt || a.key.localeCompare(b.key));
}

/** OB 3.0 getCredentials: a page of the earner's credentials (`limit` at least 1, `offset` from 0). */
export async function listHostedCredentials(
  context: PlatformContext,
  earnerId: string,
  page: { readonly limit: number; readonly offset: number },
): Promise<HostedCredentialsPage> {
  const held = await heldCredentials(context, earnerId);
  return {
    total: held.length,
    credentials: held.slice(page.offset, page.offset + page.limit).map((item) => item.credential),
  };
}

/** What upsertCredential did: stored a new credential, replaced an older copy, or kept a newer one. */
export interface UpsertOutcome {
  readonly created: boolean;
  /** Whether the credential held now verified (on its way in, or when it was issued here). */
  readonly verified: boolean;
  readonly credential: HostedCredential;
}

/**
 * OB 3.0 upsertCredential into the earner's backpack, through the same verification as an import. What
 * becomes of a credential that does not verify (or whose authorship is unproven) is the caller's word:
 * `refuse` (an app pushing through the API: OB 3.0 §"upsertCredential" answers 400 for a credential it
 * cannot accept, and nothing is stored) or `keep` (the earner pulling their own from another host, as the
 * import page does: kept, marked, private). A credential equal to one held (same issuer and id, OB 3.0
 * §"Equality") replaces it when its `validFrom` is not older; one this platform issued to the earner, or a
 * wallet copy of one (`heldHere`), is already held and is not copied: the answer is the "replaced" one.
 */
export async function upsertHostedCredential(
  context: PlatformContext,
  verify: (input: CredentialInput) => Promise<VerificationReport>,
  earnerId: string,
  input: CredentialInput,
  options: { readonly unverified: 'refuse' | 'keep' },
): Promise<UpsertOutcome> {
  const report = await verify(input);
  const document = report.credential as JsonObject | undefined;
  // The import keeps whatever it can read; the API takes only what its schema describes (OB 3.0 §"upsertCredential": 400).
  const types = document === undefined ? [] : [document.type].flat();
  if (!types.includes('OpenBadgeCredential') && !types.includes('AchievementCredential'))
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      'the body is not an AchievementCredential (OpenBadgeCredential) nor a VC-JWT of one',
    );
  // The same test as the import's `verified` mark: a signature nobody is shown to own does not count.
  if (options.unverified === 'refuse' && !(report.verified && report.authorship === undefined)) {
    const failed = report.checks.filter((check) => !check.ok);
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      report.verified
        ? `the credential's authorship is unproven (${report.authorshipReason ?? 'no key of its issuer signed it'}): it is not added`
        : `the credential does not verify (${failed.map((check) => `${check.id}: ${check.message}`).join('; ')}): it is not added`,
    );
  }
  const identity = document === undefined ? null : credentialIdentity(document);
  const imports = await context.storage.importedCredentials.list({ earnerId });
  const previous =
    identity === null ? undefined : imports.find((item) => credentialIdentity(item.document) === identity);
  if (
    previous !== undefined &&
    document !== undefined &&
    timeOf(document, new Date(0)) < timeOf(previous.document, new Date(0))
  )
    return {
      created: false,
      verified: previous.verified,
      credential:
        previous.jwt === null
          ? { kind: 'json', document: previous.document }
          : { kind: 'jwt', jwt: previous.jwt },
    };
  // The report just made is reused, so the credential is verified once.
  let imported: ImportedCredential;
  try {
    imported = await importCredential(context, async () => report, earnerId, {
      credential: input,
      sourceUrl: null,
    });
  } catch (error) {
    // One issued here to the earner, or their wallet copy of it, is theirs already: answered as replaced.
    if (!(error instanceof CredentialAlreadyHeld)) throw error;
    const own = await context.storage.credentials.findById({ id: error.credentialId });
    if (own === null) throw error;
    return {
      created: false,
      verified: own.revokedAt === null && own.suspendedAt === null,
      credential: own.jwt === null ? { kind: 'json', document: own.document } : { kind: 'jwt', jwt: own.jwt },
    };
  }
  if (previous !== undefined) await context.storage.importedCredentials.delete({ id: previous.id });
  return {
    created: previous === undefined,
    verified: imported.verified,
    credential:
      imported.jwt === null
        ? { kind: 'json', document: imported.document }
        : { kind: 'jwt', jwt: imported.jwt },
  };
}
