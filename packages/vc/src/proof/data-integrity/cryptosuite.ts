import { hash } from 'node:crypto';
import type { Canonizer } from '../../canon/index.js';
import { canonicalizeJcs } from '../../canon/index.js';
import type { DocumentLoader } from '../../contexts/index.js';
import { ErrorCode, MicrocredError } from '../../error/index.js';
import type { JsonObject } from '../../json/index.js';

/** The Data Integrity suites this library signs with, and the legacy ones it still verifies. */
export const SIGNING_CRYPTOSUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const;
export type SigningCryptosuite = (typeof SIGNING_CRYPTOSUITES)[number];
export type CryptosuiteName = SigningCryptosuite | 'eddsa-2022' | 'Ed25519Signature2020';

export interface TransformContext {
  readonly canonizer: Canonizer;
  readonly documentLoader: DocumentLoader;
}

/** Every intermediate value of a suite's hashing, exposed so tests can pin them to published vectors. */
export interface VerifyData {
  readonly canonicalDocument: string;
  readonly canonicalProofConfig: string;
  readonly documentHash: Uint8Array;
  readonly proofHash: Uint8Array;
  /** SHA-256(canonical proof config) ‖ SHA-256(canonical document): what Ed25519 signs. */
  readonly verifyData: Uint8Array;
}

export interface Cryptosuite {
  readonly name: CryptosuiteName;
  readonly proofType: 'DataIntegrityProof' | 'Ed25519Signature2020';
  /**
   * The suite's transformation + hashing (e.g. eddsa-rdfc-2022 §3.2.4–3.2.6) over an unsecured
   * document and the proof options (the proof without its value).
   */
  createVerifyData(
    unsecuredDocument: JsonObject,
    proofOptions: JsonObject,
    context: TransformContext,
  ): Promise<VerifyData>;
}

function sha256(text: string): Uint8Array {
  return new Uint8Array(hash('sha256', text, 'buffer'));
}

function combine(canonicalDocument: string, canonicalProofConfig: string): VerifyData {
  const documentHash = sha256(canonicalDocument);
  const proofHash = sha256(canonicalProofConfig);
  const verifyData = new Uint8Array(64);
  verifyData.set(proofHash, 0);
  verifyData.set(documentHash, 32);
  return { canonicalDocument, canonicalProofConfig, documentHash, proofHash, verifyData };
}

function withoutValue(proofOptions: JsonObject): JsonObject {
  const { proofValue: _proofValue, ...rest } = proofOptions;
  return rest;
}

// Canonical proof configurations by their JSON, per canonizer and document loader. A batch signed at
// one moment, or credentials verified from one issuer run, repeat the same few configurations; the
// canonical form of a given JSON document under a given loader never changes.
const MAX_REMEMBERED_PROOF_CONFIGS = 256;
const canonicalProofConfigs = new WeakMap<Canonizer, WeakMap<DocumentLoader, Map<string, string>>>();

async function canonizeProofConfig(
  proofConfig: JsonObject,
  { canonizer, documentLoader }: TransformContext,
): Promise<string> {
  let byLoader = canonicalProofConfigs.get(canonizer);
  if (byLoader === undefined) {
    byLoader = new WeakMap();
    canonicalProofConfigs.set(canonizer, byLoader);
  }
  let remembered = byLoader.get(documentLoader);
  if (remembered === undefined) {
    remembered = new Map();
    byLoader.set(documentLoader, remembered);
  }
  const key = JSON.stringify(proofConfig);
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const canonical = await canonizer.canonize(proofConfig, { documentLoader });
  if (remembered.size >= MAX_REMEMBERED_PROOF_CONFIGS) remembered.clear();
  remembered.set(key, canonical);
  return canonical;
}

/**
 * RDF-based suites (eddsa-rdfc-2022 §3.2.5; legacy eddsa-2022 and Ed25519Signature2020 follow the same
 * steps): the proof config takes the document's `@context` so that its terms expand the same way.
 */
function rdfSuite(name: CryptosuiteName, proofType: Cryptosuite['proofType']): Cryptosuite {
  return {
    name,
    proofType,
    async createVerifyData(unsecuredDocument, proofOptions, context) {
      const proofConfig = { ...withoutValue(proofOptions), '@context': unsecuredDocument['@context'] };
      const { canonizer, documentLoader } = context;
      const [canonicalDocument, canonicalProofConfig] = await Promise.all([
        canonizer.canonize(unsecuredDocument, { documentLoader }),
        canonizeProofConfig(proofConfig, context),
      ]);
      return combine(canonicalDocument, canonicalProofConfig);
    },
  };
}

/** eddsa-jcs-2022 §3.3: JCS instead of RDFC, and the proof keeps the document's `@context`. */
const eddsaJcs2022: Cryptosuite = {
  name: 'eddsa-jcs-2022',
  proofType: 'DataIntegrityProof',
  createVerifyData(unsecuredDocument, proofOptions) {
    const proofConfig = { ...withoutValue(proofOptions), '@context': unsecuredDocument['@context'] };
    return Promise.resolve(combine(canonicalizeJcs(unsecuredDocument), canonicalizeJcs(proofConfig)));
  },
};

const SUITES: ReadonlyMap<CryptosuiteName, Cryptosuite> = new Map<CryptosuiteName, Cryptosuite>([
  ['eddsa-rdfc-2022', rdfSuite('eddsa-rdfc-2022', 'DataIntegrityProof')],
  ['eddsa-jcs-2022', eddsaJcs2022],
  // Deprecated names that OB 3.0 verifiers SHOULD still accept (OB impl guide, recommended practices).
  ['eddsa-2022', rdfSuite('eddsa-2022', 'DataIntegrityProof')],
  ['Ed25519Signature2020', rdfSuite('Ed25519Signature2020', 'Ed25519Signature2020')],
]);

/** Picks the suite a proof names, or fails with UNSUPPORTED_CRYPTOSUITE (never guesses). */
export function selectCryptosuite(proof: JsonObject): Cryptosuite {
  const type = proof.type;
  if (type === 'Ed25519Signature2020') return SUITES.get('Ed25519Signature2020') as Cryptosuite;
  if (type !== 'DataIntegrityProof') {
    throw new MicrocredError(
      ErrorCode.UNSUPPORTED_CRYPTOSUITE,
      `unsupported proof type ${JSON.stringify(type)?.slice(0, 100) ?? 'undefined'}`,
    );
  }
  const suite =
    typeof proof.cryptosuite === 'string' ? SUITES.get(proof.cryptosuite as CryptosuiteName) : undefined;
  if (suite === undefined || suite.proofType !== 'DataIntegrityProof') {
    throw new MicrocredError(
      ErrorCode.UNSUPPORTED_CRYPTOSUITE,
      `unsupported cryptosuite ${JSON.stringify(proof.cryptosuite)?.slice(0, 100) ?? 'undefined'}`,
    );
  }
  return suite;
}

export function getCryptosuite(name: CryptosuiteName): Cryptosuite {
  const suite = SUITES.get(name);
  if (suite === undefined)
    throw new MicrocredError(ErrorCode.UNSUPPORTED_CRYPTOSUITE, `unknown cryptosuite ${name}`);
  return suite;
}
