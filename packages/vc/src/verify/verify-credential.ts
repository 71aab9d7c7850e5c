import type { Canonizer } from '../canon/index.js';
import type { DocumentLoader } from '../contexts/index.js';
import type { ResolvedVerificationMethod } from '../did/index.js';
import type { JsonObject } from '../json/index.js';
import { type ResourceFetcher, refuseAllFetcher } from '../resource/index.js';
import { verificationSteps } from './checks/verification-steps.js';
import type { CredentialInput, Unbaker } from './parse-credential-input.js';
import type { VerifierCompat } from './resolve-issuer-key.js';
import {
  type CredentialContext,
  credentialContextOf,
  reportOf,
  type VerificationContext,
  withStepResult,
} from './verification-context.js';
import type { IssuerTrustResolver, VerificationCheck, VerificationReport } from './verification-report.js';

export { issuerIdOf } from './issuer-id-of.js';

/** The pluggable parts of the pipeline that live in other modules of this package. */
export interface VerifierComponents {
  readonly unbake: Unbaker;
  readonly verifyJwt: (
    jws: string,
    options: { fetcher: ResourceFetcher; now: Date; compat: VerifierCompat },
  ) => Promise<{
    verified: boolean;
    credential?: JsonObject;
    checks: readonly VerificationCheck[];
    controller?: string;
    /** Set when the key was accepted only by the `1edtech` concession: why authorship is unproven. */
    unprovenAuthorship?: string;
  }>;
  readonly validateSchema: (document: JsonObject) => {
    valid: boolean;
    errors: readonly { path: string; message: string }[];
  };
  readonly checkStatus: (options: StatusCheckOptions) => Promise<VerificationCheck[]>;
  readonly resolveKey?: (
    verificationMethod: string,
    fetcher: ResourceFetcher,
  ) => Promise<ResolvedVerificationMethod>;
}

export interface StatusCheckOptions {
  readonly credential: JsonObject;
  readonly fetcher: ResourceFetcher;
  readonly now: Date;
  /** The key whose proof verified the credential: a list signed with the same key is the issuer's too. */
  readonly credentialSigner?: VerificationReport['signer'];
  /** Verifies a fetched status list credential's own proof and dates (the same pipeline, no status). */
  readonly verifyListCredential: (list: JsonObject) => Promise<VerificationReport>;
}

export interface VerifyCredentialOptions {
  readonly fetcher?: ResourceFetcher;
  readonly now?: Date;
  readonly documentLoader?: DocumentLoader;
  readonly canonizer?: Canonizer;
  readonly maxInputBytes?: number;
  /** Skip the status step (used when verifying a status list credential itself). */
  readonly skipStatus?: boolean;
  /** Peer conventions accepted beyond the specifications (default `strict`); see {@link VerifierCompat}. */
  readonly compat?: VerifierCompat;
  /** The trust sources (registries, vetted issuers, domain linkage); without it no `issuer-trust` check. */
  readonly issuerTrust?: IssuerTrustResolver;
  /** A transparency log to check the credential against; without its key(s) and a proof, no such check. */
  readonly transparencyLog?: TransparencyLogOptions;
}

export interface TransparencyLogOptions {
  /** The log's note verifier keys (`GET /log/key`): trust is pinned, never fetched. */
  readonly logKeys: readonly string[];
  /** Cosigner verifier keys of the witnesses trusted to date a checkpoint (ADVERSARIAL V19). */
  readonly witnessKeys?: readonly string[];
  /** The log's origin, when the verifier knows it. */
  readonly origin?: string;
  /** The credential's log proof (`GET /api/v1/credentials/{id}/log-proof`, JSON). */
  readonly proof?: unknown;
}

/**
 * Verifies a credential given as JSON, a compact JWS, or a baked PNG/SVG, following OB 3.0 §Verification:
 * parse → contexts and types → JSON Schema → proof → issuer controls the key → validity dates → status →
 * endorsements (and, for a CLR, every nested credential). Never throws: every outcome is a named check.
 * The steps are those of `verificationSteps`, one file each under `checks/`.
 */
export async function verifyCredentialWith(
  components: VerifierComponents,
  input: CredentialInput,
  options: VerifyCredentialOptions = {},
  depth = 0,
): Promise<VerificationReport> {
  let context: VerificationContext = {
    components,
    options,
    fetcher: options.fetcher ?? refuseAllFetcher,
    now: options.now ?? new Date(),
    compat: options.compat ?? 'strict',
    input,
    depth,
    checks: [],
    verifyEmbedded: (embedded, embeddedOptions) =>
      verifyCredentialWith(components, embedded, embeddedOptions, depth + 1),
  };
  for (const step of verificationSteps.input) {
    const result = await step(context);
    context = withStepResult(context, result);
    if (result.stop) return reportOf(context);
  }
  if (context.parsed === undefined || context.credential === undefined) return reportOf(context);
  let credentialContext: CredentialContext = credentialContextOf(context, context.parsed, context.credential);
  for (const step of verificationSteps.credential) {
    const result = await step(credentialContext);
    credentialContext = withStepResult(credentialContext, result);
    if (result.stop) break;
  }
  return reportOf(credentialContext);
}
