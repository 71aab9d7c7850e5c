// Test support: the documents the fast canonizer is checked against the reference on. Reads files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { realisticCredential } from '../../bench/realistic-credential.js';
import { readSharedJson, SHARED_DIR, sharedPath, TEST_CONTEXTS } from '../../test/support/shared-data.js';
import { bundledDocumentLoader, createDocumentLoader, type DocumentLoader } from '../contexts/index.js';
import {
  buildAchievement,
  buildAchievementCredential,
  buildClrCredential,
  buildEndorsementCredential,
  buildProfile,
} from '../credential/build/index.js';
import {
  minimalCredentialOptions,
  richCredentialOptions,
  testEndorsement,
  testIssuer,
  testProof,
  testSignedCredential,
} from '../credential/test-credentials.js';
import { isRecord, type JsonObject } from '../json/index.js';
import { buildBitstringStatusListCredential, createBitstring, encodeStatusList } from '../status/index.js';

export interface CorpusDocument {
  /** Where it comes from, and `#proof-config-N` for the N-th proof's configuration. */
  readonly name: string;
  readonly document: JsonObject;
}

export interface Corpus {
  readonly name: string;
  readonly documentLoader: DocumentLoader;
  readonly documents: readonly CorpusDocument[];
  /** True for the corpora the fast path must handle without ever falling back. */
  readonly mustStayFast: boolean;
}

const json = (value: object): JsonObject => value as JsonObject;

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * What eddsa-rdfc-2022 canonicalizes for a secured document: the document without `proof`, and each
 * proof's configuration (without its value) under the document's `@context` (eddsa-rdfc-2022 §3.2.5-3.2.6).
 */
export function signedParts(name: string, secured: JsonObject): CorpusDocument[] {
  const { proof, ...document } = secured;
  const proofs = proof === undefined ? [] : Array.isArray(proof) ? proof : [proof];
  return [
    { name, document },
    ...proofs.filter(isRecord).map((one, index) => {
      const { proofValue: _value, jws: _jws, ...config } = one;
      return {
        name: `${name}#proof-config-${index}`,
        document: { ...config, '@context': secured['@context'] },
      };
    }),
  ];
}

/** Every JSON-LD document (an object with `@context`) in the JSON files under `folder`. */
function documentsUnder(folder: string): CorpusDocument[] {
  return (
    filesUnder(sharedPath(folder))
      .filter((path) => /\.(json|jsonld|1ob)$/.test(path))
      // Manifests, resource maps and the suites' copies of JSON-LD contexts are not documents to sign.
      .filter((path) => !/manifest\.json$|resources-map\.json$|\/contexts\//.test(path))
      .flatMap((path) => {
        const value = readJson(path);
        return isRecord(value) && '@context' in value ? signedParts(relative(SHARED_DIR, path), value) : [];
      })
  );
}

function oneEdTechVectors(): CorpusDocument[] {
  return ['obv3p0', 'clrv2p0'].flatMap((folder) => {
    const vector = readSharedJson<{ unsignedCredential: JsonObject; signedCredential: JsonObject }>(
      `data/ob3/test-vectors/${folder}/vector.json`,
    );
    const [, ...configs] = signedParts(`1EdTech ${folder}`, vector.signedCredential);
    return [{ name: `1EdTech ${folder} unsigned`, document: vector.unsignedCredential }, ...configs];
  });
}

/** The peer suites' credentials, with the contexts their resource map supplies. */
function peerSuites(): { documents: CorpusDocument[]; documentLoader: DocumentLoader } {
  const map = readSharedJson<Record<string, string>>('peer-suites/resources-map.json');
  const extraDocuments = new Map<string, unknown>();
  for (const [url, file] of Object.entries(map)) {
    const value = file.startsWith('npm:') ? undefined : readJson(sharedPath(`peer-suites/${file}`));
    if (value !== undefined) extraDocuments.set(url, value);
  }
  return {
    documents: documentsUnder('peer-suites'),
    documentLoader: createDocumentLoader({ extraDocuments }),
  };
}

const REALISTIC_DID = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

/** `count` benchmark credentials, each with the proof configuration a signer would canonicalize. */
export function realisticCorpus(count: number): CorpusDocument[] {
  return Array.from({ length: count }, (_, index) => {
    const credential = realisticCredential(index, REALISTIC_DID);
    return signedParts(`realistic #${index}`, {
      ...credential,
      proof: {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        created: `2026-01-${String((index % 28) + 1).padStart(2, '0')}T09:00:00Z`,
        verificationMethod: `${REALISTIC_DID}#${REALISTIC_DID.slice(8)}`,
        proofPurpose: 'assertionMethod',
      },
    });
  }).flat();
}

/** What microcred's own builders issue, from the smallest credential to a CLR with `partial`. */
export function builtCorpus(): CorpusDocument[] {
  const clr = (partial: boolean) =>
    buildClrCredential({
      id: 'urn:uuid:7d3c2a10-0000-4000-8000-000000000002',
      issuer: testIssuer(),
      name: 'Learner record',
      validFrom: '2025-02-01T00:00:00Z',
      subject: { id: 'did:example:learner1' },
      verifiableCredential: [testSignedCredential(), testSignedCredential()],
      achievement: [
        buildAchievement({
          id: 'https://issuer.example/achievements/certificate',
          name: 'Data Certificate',
          description: 'Stacks the micro-credentials.',
          criteria: { narrative: 'Earn every component.' },
          achievementType: 'Certificate',
        }),
        minimalCredentialOptions().achievement,
      ],
      association: [
        {
          associationType: 'isParentOf',
          sourceId: 'https://issuer.example/achievements/certificate',
          targetId: 'https://issuer.example/achievements/teamwork',
        },
      ],
      partial,
    });
  const endorsement = buildEndorsementCredential({
    id: 'urn:uuid:5b1f0f3e-77c4-4d1e-8d16-3c8f3d0b9a22',
    issuer: buildProfile({ id: 'did:example:accreditor', name: 'Accreditor' }),
    subject: { id: 'https://issuer.example/issuers/1', endorsementComment: 'Fine.' },
    name: 'Endorsement',
    validFrom: '2024-06-01T00:00:00Z',
  });
  // A shape-only proof: what is canonicalized is its configuration, never its value.
  const signed = (document: object, controller: string): JsonObject => ({
    ...json(document),
    proof: [testProof(controller)],
  });
  const issuer = 'https://issuer.example/issuers/1';
  const built: [string, JsonObject][] = [
    ['minimal credential', signed(buildAchievementCredential(minimalCredentialOptions()), issuer)],
    ['rich credential', signed(buildAchievementCredential(richCredentialOptions()), issuer)],
    ['endorsement', json(testEndorsement())],
    ['endorsement by a DID', signed(endorsement, 'did:example:accreditor')],
    ['CLR', signed(clr(false), issuer)],
    ['partial CLR', signed(clr(true), issuer)],
    [
      'status list',
      signed(
        buildBitstringStatusListCredential({
          id: 'https://issuer.example/status/revocation/1',
          issuer,
          statusPurpose: ['revocation', 'suspension'],
          encodedList: encodeStatusList(createBitstring()),
          validFrom: '2025-01-31T09:00:00Z',
          ttl: 300_000,
        }),
        issuer,
      ),
    ],
  ];
  return built.flatMap(([name, document]) => signedParts(`built ${name}`, document));
}

/** Every corpus the brief names, each with the document loader its contexts need. */
export function canonizationCorpora(options: { realisticCount: number }): Corpus[] {
  const examples = createDocumentLoader({ extraDocuments: TEST_CONTEXTS });
  const peers = peerSuites();
  return [
    {
      name: 'shared fixtures',
      documentLoader: bundledDocumentLoader,
      documents: documentsUnder('fixtures'),
      mustStayFast: false,
    },
    {
      name: 'OB 3.0 examples',
      documentLoader: bundledDocumentLoader,
      documents: documentsUnder('data/ob3/examples'),
      mustStayFast: false,
    },
    {
      name: '1EdTech test vectors',
      documentLoader: bundledDocumentLoader,
      documents: oneEdTechVectors(),
      mustStayFast: false,
    },
    {
      name: 'W3C vc-di-eddsa vectors',
      documentLoader: examples,
      documents: documentsUnder('data/w3c/vc-di-eddsa'),
      mustStayFast: false,
    },
    { name: 'peer suites', ...peers, mustStayFast: false },
    {
      name: 'realistic credentials',
      documentLoader: bundledDocumentLoader,
      documents: realisticCorpus(options.realisticCount),
      mustStayFast: true,
    },
    {
      name: 'microcred-built credentials',
      documentLoader: bundledDocumentLoader,
      documents: builtCorpus(),
      mustStayFast: true,
    },
  ];
}
