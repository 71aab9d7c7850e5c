import {
  keyFromControllerDocument,
  parseFragmentMultikey,
  type ResolvedVerificationMethod,
  resolveVerificationMethod,
} from '../did/index.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import type { ResourceFetcher } from '../resource/index.js';

/**
 * Which peer conventions the verifier accepts beyond the specifications. `strict` (the default) accepts
 * a key only when its DID or controller document lists it; `1edtech` (unsafe for production) also accepts
 * the 1EdTech validator's key-in-the-fragment verification methods when their controller document is
 * unavailable, and VC-JWT keys that nothing binds to the issuer; the report then says `authorship:
 * 'unproven'`.
 */
export type VerifierCompat = 'strict' | '1edtech';

export interface ResolveIssuerKeyOptions {
  readonly verificationMethod: string;
  readonly fetcher: ResourceFetcher;
  /** The credential's issuer id: the only controller a key in the fragment may claim. */
  readonly issuerId: string | undefined;
  readonly compat: VerifierCompat;
}

function fail(message: string): never {
  throw new MicrocredError(ErrorCode.DID_RESOLUTION_ERROR, message);
}

async function retrieve(fetcher: ResourceFetcher, urls: readonly string[]): Promise<{ document: unknown }> {
  let lastError: unknown;
  for (const url of urls) {
    try {
      return { document: await fetcher(url) };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * Resolves a proof's verification method for the verification pipeline. did:key, did:web and https
 * key documents resolve as Controlled Identifiers say. A `<controller>#z6Mk…` URL (1EdTech convention)
 * is confirmed by its controller document when that can be retrieved — and then the document decides,
 * whatever the mode. When it cannot, the key is taken from the fragment only in `1edtech` mode, only if
 * the controller is the issuer, and marked `unconfirmed` so the report shows a warning.
 */
export async function resolveIssuerKey(
  options: ResolveIssuerKeyOptions,
): Promise<ResolvedVerificationMethod> {
  const { verificationMethod: vm, fetcher } = options;
  const inFragment = parseFragmentMultikey(vm);
  if (inFragment === undefined) return resolveVerificationMethod(vm, { fetcher, purpose: 'assertionMethod' });

  const { controller } = inFragment;
  if (controller.startsWith('https://')) {
    let retrieved: { document: unknown } | undefined;
    try {
      retrieved = await retrieve(fetcher, [vm, controller]);
    } catch {
      retrieved = undefined;
    }
    if (retrieved !== undefined) return keyFromControllerDocument(retrieved.document, vm, 'assertionMethod');
  }
  const why = controller.startsWith('https://')
    ? `the controller document ${controller} could not be retrieved`
    : `${controller.slice(0, 200)} is not a URL a controller document can be retrieved from`;
  if (options.compat !== '1edtech') {
    fail(
      `${why}, so nothing confirms that it lists the key in the fragment of ${vm.slice(0, 300)} ` +
        '(1EdTech key-in-the-fragment convention: accepted only in 1edtech compatibility mode)',
    );
  }
  // 1EdTech's EmbeddedProofProbe: the URL before '#' must be the issuer's id.
  if (controller !== options.issuerId) {
    fail(`the key in the fragment of ${vm.slice(0, 300)} claims ${controller}, not the issuer`);
  }
  return {
    id: vm,
    type: 'Multikey',
    controller,
    publicKey: inFragment.publicKey,
    publicKeyMultibase: inFragment.publicKeyMultibase,
    unconfirmed: `${why}; the key was read from the verification method's fragment (1EdTech convention)`,
  };
}
