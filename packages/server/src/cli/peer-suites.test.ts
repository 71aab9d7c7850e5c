import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, type MockInstance, vi } from 'vitest';
import { describeWithShared } from '../../../vc/test/support/describe-with-shared.js';
import { main } from './main.js';

// Other verifiers' own test cases with the verdicts their tests give (../shared/peer-suites, see its
// README). Every verdict below comes from the CLI exactly as a user would run it (issue 6).
const SUITES =
  process.env.MICROCRED_PEER_SUITES ??
  fileURLToPath(new URL('../../../../../shared/peer-suites', import.meta.url));
const ARGS = [
  'verify',
  '--json',
  '--resources',
  join(SUITES, 'resources-map.json'),
  '--compat',
  '1edtech',
  '--now',
  '2026-11-23T00:00:00Z',
];
const PROJECTS = ['1edtech-dcpv', 'dcc-verifier-core', 'dcc-vc-test-fixtures'] as const;
type Project = (typeof PROJECTS)[number];
type Verdict = 'valid' | 'invalid';

/** The strictly comparable entries per project, as issue 6 counts them (38 + 27 + 74 = 139). */
const STRICT_COUNTS: Readonly<Record<Project, number>> = {
  '1edtech-dcpv': 38,
  'dcc-verifier-core': 27,
  'dcc-vc-test-fixtures': 74,
};

interface ManifestEntry {
  readonly file: string;
  readonly expected: Verdict;
  readonly role?: string;
  readonly policyDependent?: boolean;
  readonly verdictReachableOffline?: boolean;
}

interface Check {
  readonly id: string;
  readonly ok: boolean;
  readonly code?: string;
  readonly message: string;
  readonly warning?: boolean;
}

interface Outcome {
  readonly verified: boolean;
  readonly authorship?: 'unproven';
  readonly checks: readonly Check[];
}

/**
 * What our policy gives for every entry a peer could legitimately judge otherwise (`policyDependent`,
 * or a verdict not reachable offline), and why. `checks` must all be in the report: `id` for a warning
 * that a valid verdict must show, `id/CODE` for a failure that makes an invalid one.
 */
interface PolicyOutcome {
  readonly verdict: Verdict;
  readonly checks: readonly string[];
  readonly why: string;
}

const SHORT_LIST = 'status list of 100,000 entries (< 131,072): bit read, warning, not a failure';
const FOREIGN_LIST =
  'the status list is issued by did:key:z6MknNQD…, which is neither the credential issuer nor the key that ' +
  'signed it: only the issuer may revoke its credentials, so the status is unknown (DCC accepts any signer)';
const UNBOUND_JWK =
  'VCDM 1.1 VC-JWT (vc claim), RS256 with the key only in the jwk header: nothing binds that key to the ' +
  'issuer, so it is accepted only in 1edtech mode (as by 1EdTech), with a warning jwt.key-controller and ' +
  'authorship unproven; the default strict mode refuses it (UNBOUND_KEY)';
const BROKEN_LIST =
  'the status list itself does not verify, so the status cannot be established (fail closed)';

const POLICY: Readonly<Record<Project, Readonly<Record<string, PolicyOutcome>>>> = {
  '1edtech-dcpv': {
    'ob30/simple-did-key-method.json': {
      verdict: 'invalid',
      checks: ['issuer/CRYPTOGRAPHIC_SECURITY_ERROR'],
      why: 'issuer urn:uuid, key did:key: nothing binds the key to the issuer (key provenance, ADVERSARIAL V15); 1EdTech skips that check for did:key',
    },
    'ob30/simple-multiple-proofs.json': {
      verdict: 'invalid',
      checks: ['json-ld/UNDEFINED_TERM'],
      why: 'proof[0] has the undefined type SomeProofType: every proof of the set must be well-formed JSON-LD, whatever proof[1] says (as 1EdTech)',
    },
    'ob30/simple-jwt_v1.png': {
      verdict: 'valid',
      checks: ['jwt.payload', 'jwt.key-controller'],
      why: UNBOUND_JWK,
    },
    'ob30/simple-jwt_v1.svg': {
      verdict: 'valid',
      checks: ['jwt.payload', 'jwt.key-controller'],
      why: UNBOUND_JWK,
    },
    'ob30/simple-context-version.json': {
      verdict: 'valid',
      checks: ['issuer'],
      why: 'OB context 3.0.2 is bundled; the key is in the verification method fragment: accepted in 1edtech mode with a warning',
    },
    'ob30/complete.json': {
      verdict: 'invalid',
      checks: ['endorsements/CRYPTOGRAPHIC_SECURITY_ERROR'],
      why: "the peer's reason (a 404 remote schema) is not reachable offline; its embedded endorsements use the unknown cryptosuite eddsa-rdf-2022, and an unverifiable endorsement fails the credential",
    },
    'ob30/credential-status-revoked.json': {
      verdict: 'invalid',
      checks: ['proof/DID_RESOLUTION_ERROR'],
      why: "its did:web document is not in the map, and the key-in-the-fragment convention is never applied to DIDs (the DID method decides); the revocation list is unreachable, which alone would only warn, so the peer's reason (revoked) is not reachable offline",
    },
    'ob30/sd/derivedcredential.json': {
      verdict: 'invalid',
      checks: ['proof/UNSUPPORTED_CRYPTOSUITE'],
      why: 'ecdsa-sd-2023 is not implemented: not verified, UNSUPPORTED_CRYPTOSUITE',
    },
    'ob30/simple-eddsa-2022.json': {
      verdict: 'valid',
      checks: ['issuer'],
      why: 'legacy cryptosuite name eddsa-2022 verifies with RDFC; key in the fragment: accepted in 1edtech mode with a warning',
    },
    'clr20/simple_v1.json': {
      verdict: 'invalid',
      checks: ['nested-credentials/CRYPTOGRAPHIC_SECURITY_ERROR'],
      why: 'the CLR key (urn:uuid:…#z6Mk…) is accepted in 1edtech mode with a warning, but 5 of its 6 nested credentials are signed by a did:key that is not their issuer (urn:uuid): key provenance',
    },
    'clr20/complex.json': {
      verdict: 'invalid',
      checks: ['issuer/CRYPTOGRAPHIC_SECURITY_ERROR', 'nested-credentials/CRYPTOGRAPHIC_SECURITY_ERROR'],
      why: 'issuer urn:uuid signed with a did:key (and so are its nested credentials): nothing binds the key to the issuer',
    },
    'clr20/simple.jwt': {
      verdict: 'invalid',
      checks: ['json-ld/UNKNOWN_CONTEXT'],
      why: 'the JWS verifies, but the pre-release CLR context is unknown, so what the credential says cannot be known',
    },
    'clr20/simple_old_safesigned.json': {
      verdict: 'invalid',
      checks: ['proof/UNKNOWN_CONTEXT'],
      why: 'the draft CLR context is unknown and never fetched',
    },
  },
  'dcc-verifier-core': {
    'src/test-fixtures/verifiableCredentials/v1/v1WithValidStatus.json': {
      verdict: 'valid',
      checks: ['status-list-length'],
      why: SHORT_LIST,
    },
    'src/test-fixtures/verifiableCredentials/v2/v2WithValidStatus.json': {
      verdict: 'valid',
      checks: ['status-list-length'],
      why: SHORT_LIST,
    },
    'src/test-fixtures/verifiableCredentials/v2/didWeb/v2didWebWithValidStatus.json': {
      verdict: 'valid',
      checks: ['status-list-length', 'status-list-issuer'],
      why: `${SHORT_LIST}; the list names did:key:z6MknNQD… as issuer but is signed with the key that signed the did:web credential: accepted with a warning`,
    },
    'src/test-fixtures/verifiableCredentials/v2/didWeb/v2didWebMultikeyWithValidStatus.json': {
      verdict: 'valid',
      checks: ['status-list-length', 'status-list-issuer'],
      why: `${SHORT_LIST}; the list is signed with the key that signed the did:web credential: accepted with a warning`,
    },
    'src/test-fixtures/verifiableCredentials/eddsa/v2/v2EddsaWithValidStatus.json': {
      verdict: 'valid',
      checks: ['status-list-length'],
      why: SHORT_LIST,
    },
    'src/test-fixtures/verifiableCredentials/eddsaAndEd25519/v2/v2DoubleSigWithBadStatusUrl.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_RETRIEVAL_ERROR'],
      why: 'BitstringStatusList that cannot be retrieved: fail closed (DCC only logs it)',
    },
    'src/test-fixtures/verifiableCredentials/eddsaAndEd25519/v2/v2DoubleSigWithValidStatus.json': {
      verdict: 'valid',
      checks: ['status-list-length'],
      why: `${SHORT_LIST}; one valid proof of the two suffices (both verify)`,
    },
  },
  'dcc-vc-test-fixtures': {
    'verifiableCredentials/v1/bothSignatureTypes/didKey/mixedRegistry-validStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: FOREIGN_LIST,
    },
    'verifiableCredentials/v1/bothSignatureTypes/didWeb/legacy-validStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: FOREIGN_LIST,
    },
    'verifiableCredentials/v1/bothSignatureTypes/didWeb/oidf-validStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: FOREIGN_LIST,
    },
    'verifiableCredentials/v1/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-oldDCCExample.json':
      {
        verdict: 'invalid',
        checks: ['proof/UNKNOWN_CONTEXT'],
        why: 'the context https://w3id.org/dcc/v1 is not available offline and is never fetched',
      },
    'verifiableCredentials/v1/dataIntegrityProof/didKey/mixedRegistry-validStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: FOREIGN_LIST,
    },
    'verifiableCredentials/v1/dataIntegrityProof/didWeb/legacy-validStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: FOREIGN_LIST,
    },
    'verifiableCredentials/v1/dataIntegrityProof/didWeb/oidf-validStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: FOREIGN_LIST,
    },
    'verifiableCredentials/v1/ed25519/didKey/mixedRegistry-validStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: FOREIGN_LIST,
    },
    'verifiableCredentials/v1/ed25519/didWeb/legacy-validStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: FOREIGN_LIST,
    },
    'verifiableCredentials/v1/ed25519/didWeb/oidf-validStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: FOREIGN_LIST,
    },
    'verifiableCredentials/v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry-nonOBWithOBContext.json': {
      verdict: 'valid',
      checks: ['open-badge'],
      why: 'a plain VC: verified as a VC (proof, dates), with a check saying it is not an Open Badge',
    },
    'verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json': {
      verdict: 'valid',
      checks: ['open-badge'],
      why: 'a plain VC: verified as a VC (proof, dates), with a check saying it is not an Open Badge',
    },
    'verifiableCredentials/v2/ed25519/didKey/legacy-expiredStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: `${BROKEN_LIST}: it expired in 2021`,
    },
    'verifiableCredentials/v2/ed25519/didKey/legacy-missingTypeStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: `${BROKEN_LIST}: it is not a BitstringStatusListCredential`,
    },
    'verifiableCredentials/v2/ed25519/didKey/legacy-notYetValidStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: `${BROKEN_LIST}: it is valid only from the year 3000`,
    },
    'verifiableCredentials/v2/ed25519/didKey/legacy-tamperedStatus-noExpiry.json': {
      verdict: 'invalid',
      checks: ['status/STATUS_VERIFICATION_ERROR'],
      why: `${BROKEN_LIST}: its encodedList was tampered with, so its proof fails`,
    },
  },
};

function readManifest(project: Project): ManifestEntry[] {
  return JSON.parse(readFileSync(join(SUITES, project, 'manifest.json'), 'utf8')) as ManifestEntry[];
}

function isStrict(entry: ManifestEntry): boolean {
  return entry.role === undefined && entry.policyDependent !== true && entry.verdictReachableOffline === true;
}

function isPolicyCase(entry: ManifestEntry): boolean {
  return entry.role === undefined && !isStrict(entry);
}

function verdictOf(outcome: Outcome): Verdict {
  return outcome.verified ? 'valid' : 'invalid';
}

function failures(outcome: Outcome): string {
  return outcome.checks
    .filter((check) => !check.ok)
    .map((check) => `${check.id}/${check.code ?? ''}: ${check.message.slice(0, 160)}`)
    .join('; ');
}

/** Runs `microcred verify` in-process over one project's files, one batch at a time. */
async function verifyWithCli(project: Project, files: readonly string[]): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const batchSize = 40;
  for (let start = 0; start < files.length; start += batchSize) {
    const batch = files.slice(start, start + batchSize);
    let out = '';
    let err = '';
    const code = await main(
      ['node', 'microcred', ...ARGS, ...batch.map((file) => join(SUITES, project, file))],
      {
        stdout: (text) => {
          out += text;
        },
        stderr: (text) => {
          err += text;
        },
      },
    );
    if (code === 2 || err !== '') throw new Error(`microcred verify failed (exit ${code}): ${err}`);
    for (const line of out.trim().split('\n')) {
      const report = JSON.parse(line) as Outcome & { file: string };
      outcomes.set(report.file.slice(join(SUITES, project).length + 1), report);
    }
  }
  return outcomes;
}

describeWithShared(
  join(SUITES, 'resources-map.json'),
  'peer suites: microcred verify agrees with the 1EdTech validator, DCC verifier-core and vc-test-fixtures',
  () => {
    const manifests = new Map<Project, ManifestEntry[]>();
    const outcomes = new Map<Project, Map<string, Outcome>>();
    let fetchSpy: MockInstance<typeof fetch> | undefined;

    beforeAll(async () => {
      fetchSpy = vi
        .spyOn(globalThis, 'fetch')
        .mockImplementation(() => Promise.reject(new Error('the verifier must not use the network')));
      for (const project of PROJECTS) {
        const manifest = readManifest(project);
        manifests.set(project, manifest);
        const subjects = manifest.filter((entry) => entry.role === undefined).map((entry) => entry.file);
        outcomes.set(project, await verifyWithCli(project, subjects));
      }
    });

    afterAll(() => {
      fetchSpy?.mockRestore();
      const rows = PROJECTS.map((project) => {
        const manifest = manifests.get(project) ?? [];
        const results = outcomes.get(project) ?? new Map<string, Outcome>();
        const agree = (entry: ManifestEntry) => {
          const outcome = results.get(entry.file);
          return outcome !== undefined && verdictOf(outcome) === entry.expected;
        };
        const strict = manifest.filter(isStrict);
        const policy = manifest.filter(isPolicyCase);
        const followed = policy.filter((entry) => {
          const outcome = results.get(entry.file);
          return outcome !== undefined && verdictOf(outcome) === POLICY[project][entry.file]?.verdict;
        });
        return {
          suite: project,
          strict: `${strict.filter(agree).length}/${strict.length}`,
          'policy cases follow our policy': `${followed.length}/${policy.length}`,
          'policy cases agree with the peer': `${policy.filter(agree).length}/${policy.length}`,
        };
      });
      console.log('Peer-suite agreement (microcred verify --compat 1edtech, now 2026-11-23):');
      console.table(rows);
    });

    it('counts 139 strictly comparable entries: 38 (1EdTech) + 27 (verifier-core) + 74 (vc-test-fixtures)', () => {
      const counts = Object.fromEntries(
        PROJECTS.map((project) => [project, (manifests.get(project) ?? []).filter(isStrict).length]),
      );
      expect(counts).toEqual(STRICT_COUNTS);
    });

    for (const project of PROJECTS) {
      it(`${project}: every strictly comparable entry gets the peer's verdict`, () => {
        const results = outcomes.get(project) ?? new Map<string, Outcome>();
        const disagreements = (manifests.get(project) ?? []).filter(isStrict).flatMap((entry) => {
          const outcome = results.get(entry.file);
          if (outcome === undefined) return [`${entry.file}: no report`];
          return verdictOf(outcome) === entry.expected
            ? []
            : [`${entry.file}: expected ${entry.expected}, got ${verdictOf(outcome)} (${failures(outcome)})`];
        });
        expect(disagreements).toEqual([]);
      });

      it(`${project}: every policy-dependent entry gets the verdict and the named checks our policy gives`, () => {
        const results = outcomes.get(project) ?? new Map<string, Outcome>();
        const deviations = (manifests.get(project) ?? []).filter(isPolicyCase).flatMap((entry) => {
          const policy = POLICY[project][entry.file];
          const outcome = results.get(entry.file);
          if (policy === undefined) return [`${entry.file}: no policy outcome written down`];
          if (outcome === undefined) return [`${entry.file}: no report`];
          const present = new Set(
            outcome.checks
              .filter((check) => (policy.verdict === 'valid' ? check.ok : !check.ok))
              .flatMap((check) => [check.id, `${check.id}/${check.code ?? ''}`]),
          );
          const missing = policy.checks.filter((check) => !present.has(check));
          return verdictOf(outcome) === policy.verdict && missing.length === 0
            ? []
            : [
                `${entry.file}: policy says ${policy.verdict} with ${policy.checks.join(', ')}, got ${verdictOf(outcome)} (${failures(outcome)})`,
              ];
        });
        expect(deviations).toEqual([]);
      });
    }

    it('writes down a policy outcome for exactly the policy-dependent entries, no more', () => {
      for (const project of PROJECTS) {
        const cases = (manifests.get(project) ?? []).filter(isPolicyCase).map((entry) => entry.file);
        expect(Object.keys(POLICY[project]).sort()).toEqual(cases.sort());
      }
    });

    it('gives every rejected entry a failed check with a reason, and never crashes on bad input', () => {
      const problems = PROJECTS.flatMap((project) =>
        [...(outcomes.get(project) ?? new Map<string, Outcome>())].flatMap(([file, outcome]) => {
          const failed = outcome.checks.filter((check) => !check.ok);
          if (failed.some((check) => check.code === 'INTERNAL')) return [`${file}: ${failures(outcome)}`];
          if (
            !outcome.verified &&
            !failed.some((check) => check.code !== undefined && check.message.length > 0)
          ) {
            return [`${file}: rejected without a failed check that says why`];
          }
          return [];
        }),
      );
      expect(problems).toEqual([]);
    });

    it('verifies the 1EdTech samples whose VC-JWT key is only in its jwk header with authorship unproven', () => {
      const results = outcomes.get('1edtech-dcpv') ?? new Map<string, Outcome>();
      const jwkHeader = [
        'ob30/simple-jwt.png',
        'ob30/simple-jwt.svg',
        'ob30/simple-jwt_v1.png',
        'ob30/simple-jwt_v1.svg',
      ];
      for (const file of jwkHeader) {
        expect(results.get(file), file).toMatchObject({ verified: true, authorship: 'unproven' });
      }
      // Every other valid verdict of this suite either proves authorship or rests on the key-in-the-fragment
      // concession, which is unproven authorship too.
      for (const [file, outcome] of results) {
        if (!outcome.verified || jwkHeader.includes(file)) continue;
        const conceded = outcome.checks.some((check) => check.id === 'issuer' && check.warning === true);
        expect(outcome.authorship, file).toBe(conceded ? 'unproven' : undefined);
      }
    });

    it('judges every entry offline: no network request is made', () => {
      expect(fetchSpy).toBeDefined();
      expect(fetchSpy).not.toHaveBeenCalled();
    });
  },
);
